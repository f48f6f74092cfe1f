package org.namdrunner.app.internal;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.namdrunner.app.SyncPreferences;

/**
 * Puts every sync default into the default scope, where a product's {@code plugin_customization.ini} (applied
 * after this) and the preference page's "Restore Defaults" find them.
 */
public final class AppPreferenceInitializer extends AbstractPreferenceInitializer {

    @Override
    public void initializeDefaultPreferences() {
        IEclipsePreferences node = DefaultScope.INSTANCE.getNode(SyncPreferences.QUALIFIER);
        node.putBoolean(SyncPreferences.AUTOMATIC, SyncPreferences.DEFAULT_AUTOMATIC);
        node.putBoolean(SyncPreferences.AT_STARTUP, SyncPreferences.DEFAULT_AT_STARTUP);
        node.putInt(SyncPreferences.MISSING_GRACE_MINUTES, SyncPreferences.DEFAULT_MISSING_GRACE_MINUTES);
        node.putBoolean(SyncPreferences.NOTIFY_FINISHED, SyncPreferences.DEFAULT_NOTIFY_FINISHED);
        node.putBoolean(SyncPreferences.READ_PROGRESS, SyncPreferences.DEFAULT_READ_PROGRESS);
    }
}
