package org.namdrunner.app;

import java.time.Duration;

import org.eclipse.core.runtime.Platform;
import org.namdrunner.core.lifecycle.SyncSettings;

/**
 * The sync settings a person chooses on the "Job Sync" preference page (instance scope, plain preferences: no
 * secrets). The defaults are set in the default scope by the bundle's preference initializer, so a product's
 * {@code plugin_customization.ini} can change them ({@code org.namdrunner.app/sync.automatic=false}).
 */
public final class SyncPreferences {

    /** The preference node (the app bundle's id). */
    public static final String QUALIFIER = "org.namdrunner.app";

    public static final String AUTOMATIC = "sync.automatic";
    public static final String AT_STARTUP = "sync.atStartup";
    public static final String MISSING_GRACE_MINUTES = "sync.missingGraceMinutes";
    public static final String NOTIFY_FINISHED = "sync.notifyFinished";
    public static final String READ_PROGRESS = "sync.readProgress";

    public static final boolean DEFAULT_AUTOMATIC = true;
    public static final boolean DEFAULT_AT_STARTUP = true;
    public static final int DEFAULT_MISSING_GRACE_MINUTES = 10;
    public static final boolean DEFAULT_NOTIFY_FINISHED = true;
    public static final boolean DEFAULT_READ_PROGRESS = true;

    private SyncPreferences() {
    }

    public static boolean automatic() {
        return bool(AUTOMATIC, DEFAULT_AUTOMATIC);
    }

    public static boolean atStartup() {
        return bool(AT_STARTUP, DEFAULT_AT_STARTUP);
    }

    public static boolean notifyFinished() {
        return bool(NOTIFY_FINISHED, DEFAULT_NOTIFY_FINISHED);
    }

    public static boolean readProgress() {
        return bool(READ_PROGRESS, DEFAULT_READ_PROGRESS);
    }

    public static int missingGraceMinutes() {
        return Platform.getPreferencesService().getInt(QUALIFIER, MISSING_GRACE_MINUTES, DEFAULT_MISSING_GRACE_MINUTES, null);
    }

    /**
     * Moves settings a person made before these preferences moved from the workbench bundle's node (where
     * NAMDRunner 0.1 kept them) to {@link #QUALIFIER}; a value already set here wins. Background threads only (it
     * writes the preference file).
     */
    public static void migrateFrom(String oldQualifier) throws org.osgi.service.prefs.BackingStoreException {
        org.eclipse.core.runtime.preferences.IEclipsePreferences from = org.eclipse.core.runtime.preferences.InstanceScope.INSTANCE
                .getNode(oldQualifier);
        org.eclipse.core.runtime.preferences.IEclipsePreferences to = org.eclipse.core.runtime.preferences.InstanceScope.INSTANCE
                .getNode(QUALIFIER);
        boolean moved = false;
        for (String key : new String[] { AUTOMATIC, AT_STARTUP, MISSING_GRACE_MINUTES, NOTIFY_FINISHED, READ_PROGRESS }) {
            String value = from.get(key, null);
            if (value != null) {
                if (to.get(key, null) == null) {
                    to.put(key, value);
                }
                from.remove(key);
                moved = true;
            }
        }
        if (moved) {
            to.flush();
            from.flush();
        }
    }

    static SyncSettings syncSettings() {
        return new SyncSettings(Duration.ofMinutes(Math.max(1, missingGraceMinutes())));
    }

    // def only applies if the default scope has no value; AppPreferenceInitializer puts every default there
    private static boolean bool(String key, boolean def) {
        return Platform.getPreferencesService().getBoolean(QUALIFIER, key, def, null);
    }
}
