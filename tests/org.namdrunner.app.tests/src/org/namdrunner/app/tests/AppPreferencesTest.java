package org.namdrunner.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.junit.jupiter.api.Test;
import org.namdrunner.app.SyncPreferences;

/**
 * Every sync default is in the default scope (put there by the bundle's preference initializer), and the
 * product's {@code plugin_customization.ini} changes them: this run starts with one that sets the grace period to
 * 17 minutes and turns notifications off (see pom.xml).
 */
class AppPreferencesTest {

    @Test
    void everyDefaultIsInTheDefaultScope() {
        IEclipsePreferences defaults = DefaultScope.INSTANCE.getNode(SyncPreferences.QUALIFIER);
        for (String key : new String[] { SyncPreferences.AUTOMATIC, SyncPreferences.AT_STARTUP, SyncPreferences.MISSING_GRACE_MINUTES,
                SyncPreferences.NOTIFY_FINISHED, SyncPreferences.READ_PROGRESS }) {
            assertNotNull(defaults.get(key, null), key + " has no default in the default scope");
        }
        assertTrue(SyncPreferences.automatic());
        assertTrue(SyncPreferences.readProgress());
    }

    @Test
    void pluginCustomizationOverridesTheInitializer() {
        assertEquals(17, SyncPreferences.missingGraceMinutes());
        assertFalse(SyncPreferences.notifyFinished());
    }

    @Test
    void settingsOfTheEarlierPreferenceNodeAreMovedOnce() throws Exception {
        var old = org.eclipse.core.runtime.preferences.InstanceScope.INSTANCE.getNode("org.namdrunner.ui");
        var now = org.eclipse.core.runtime.preferences.InstanceScope.INSTANCE.getNode(SyncPreferences.QUALIFIER);
        old.putBoolean(SyncPreferences.AUTOMATIC, false);
        old.putBoolean(SyncPreferences.READ_PROGRESS, false);
        now.putBoolean(SyncPreferences.READ_PROGRESS, true);
        try {
            SyncPreferences.migrateFrom("org.namdrunner.ui");
            assertFalse(SyncPreferences.automatic(), "the person's choice survives the move");
            assertTrue(SyncPreferences.readProgress(), "a value already set in the new node wins");
            assertEquals(null, old.get(SyncPreferences.AUTOMATIC, null), "and is not moved again");
        } finally {
            now.remove(SyncPreferences.AUTOMATIC);
            now.remove(SyncPreferences.READ_PROGRESS);
            old.remove(SyncPreferences.AUTOMATIC);
            old.remove(SyncPreferences.READ_PROGRESS);
        }
    }
}
