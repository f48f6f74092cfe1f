package org.namdrunner.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namdrunner.persistence.DatabaseLocation;

/** System property, then the Eclipse preference, then ~/.namdrunner/namdrunner.db. */
class DatabaseLocationTest {

    @Test
    void theSystemPropertyWinsThenThePreferenceThenTheHomeFolder() {
        assertEquals(Path.of("/data/a.db"), DatabaseLocation.resolve("/data/a.db", "/prefs/b.db", "/home/u"));
        assertEquals(Path.of("/prefs/b.db"), DatabaseLocation.resolve(null, "/prefs/b.db", "/home/u"));
        assertEquals(Path.of("/prefs/b.db"), DatabaseLocation.resolve("  ", "/prefs/b.db", "/home/u"));
        assertEquals(Path.of("/home/u/.namdrunner/namdrunner.db"), DatabaseLocation.resolve(null, null, "/home/u"));
        assertEquals(Path.of("/home/u/lab/jobs.db"), DatabaseLocation.resolve("~/lab/jobs.db", null, "/home/u"));
        assertEquals(Path.of("/data/x.db"), DatabaseLocation.resolve("/data/sub/../x.db", null, "/home/u"));
    }

    @Test
    void thePreferenceIsReadFromTheRunningPlatform(@TempDir Path dir) {
        IEclipsePreferences node = InstanceScope.INSTANCE.getNode(DatabaseLocation.PREFERENCE_NODE);
        String property = System.getProperty(DatabaseLocation.PROPERTY);
        Path preferred = dir.resolve("from-preference.db");
        try {
            node.put(DatabaseLocation.PREFERENCE_KEY, preferred.toString());
            System.clearProperty(DatabaseLocation.PROPERTY);
            assertEquals(preferred, DatabaseLocation.resolve());
            System.setProperty(DatabaseLocation.PROPERTY, dir.resolve("from-property.db").toString());
            assertEquals(dir.resolve("from-property.db"), DatabaseLocation.resolve());
            node.remove(DatabaseLocation.PREFERENCE_KEY);
            System.clearProperty(DatabaseLocation.PROPERTY);
            assertEquals(Path.of(System.getProperty("user.home"), ".namdrunner", "namdrunner.db"), DatabaseLocation.resolve());
        } finally {
            node.remove(DatabaseLocation.PREFERENCE_KEY);
            if (property == null) {
                System.clearProperty(DatabaseLocation.PROPERTY);
            } else {
                System.setProperty(DatabaseLocation.PROPERTY, property);
            }
        }
    }
}
