package org.namdrunner.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.location.DataLocations;

/** The one rule for where data lives, on given settings (the real product is started by data-locations-check.sh). */
class DataLocationsTest {

    private static Map<String, String> props(String... kv) {
        Map<String, String> m = new HashMap<>();
        m.put("user.home", "/home/u");
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void everythingFollowsTheHomeFolderByDefault() {
        DataLocations d = DataLocations.of(props(), Map.of(), null);
        assertEquals(Path.of("/home/u/.namdrunner"), d.dataFolder().path());
        assertEquals(Path.of("/home/u/.namdrunner/namdrunner.db"), d.database().path());
        assertEquals(Path.of("/home/u/.namdrunner/workspace"), d.workspace().path());
        assertEquals(Path.of("/home/u/.namdrunner/workspace/.metadata/.log"), d.errorLog().path());
        assertEquals(Path.of("/home/u/.ssh/known_hosts"), d.knownHosts().path());
        assertEquals(List.of("Home folder", "Data folder", "Jobs database", "Workspace", "Error Log", "Known hosts"),
                List.copyOf(d.all().keySet()));
    }

    @Test
    void theDataFolderMovesDatabaseWorkspaceAndLogTogether() {
        DataLocations byVariable = DataLocations.of(props(), Map.of("NAMDRUNNER_HOME", "/lab/nr"), null);
        assertEquals(Path.of("/lab/nr/namdrunner.db"), byVariable.database().path());
        assertEquals(Path.of("/lab/nr/workspace"), byVariable.workspace().path());
        assertEquals("NAMDRUNNER_HOME", byVariable.dataFolder().setBy());
        assertEquals(Path.of("/home/u/.ssh/known_hosts"), byVariable.knownHosts().path(), "known_hosts stays OpenSSH's");

        DataLocations byProperty = DataLocations.of(props("namdrunner.home", "~/other"), Map.of("NAMDRUNNER_HOME", "/lab/nr"), null);
        assertEquals(Path.of("/home/u/other/namdrunner.db"), byProperty.database().path(), "-D wins over the variable");
        assertEquals("-Dnamdrunner.home", byProperty.dataFolder().setBy());
    }

    @Test
    void eachPlaceCanBeSetOnItsOwnAndTheFirstSettingWins() {
        DataLocations d = DataLocations.of(props("namdrunner.db", "/data/a.db", "osgi.instance.area", "file:/ws/x/",
                "namdrunner.knownHosts", "~/kh", "osgi.logfile", "/logs/nr.log"), Map.of(), "/prefs/b.db");
        assertEquals(Path.of("/data/a.db"), d.database().path());
        assertEquals("-Dnamdrunner.db", d.database().setBy());
        assertEquals(Path.of("/ws/x"), d.workspace().path());
        assertEquals("-data", d.workspace().setBy());
        assertEquals("NAMDRUNNER_HOME", DataLocations.of(props("osgi.instance.area", "/nr/workspace", "namdrunner.workspaceSetBy",
                "NAMDRUNNER_HOME"), Map.of(), null).workspace().setBy(), "the application chose it by the rule");
        assertEquals(Path.of("/logs/nr.log"), d.errorLog().path());
        assertEquals("osgi.logfile", d.errorLog().setBy());
        assertEquals(Path.of("/home/u/kh"), d.knownHosts().path());

        DataLocations pref = DataLocations.of(props("namdrunner.db", "  "), Map.of(), "/prefs/b.db");
        assertEquals(Path.of("/prefs/b.db"), pref.database().path(), "blank means not set");
        assertEquals("preference org.namdrunner.persistence/databasePath", pref.database().setBy());
    }

    @Test
    void equinoxLocationWordsAreUnderstood() {
        assertEquals(Path.of("/home/u/.namdrunner/workspace"),
                DataLocations.of(props("osgi.instance.area", "@noDefault"), Map.of(), null).workspace().path(), "no workspace yet: the rule");
        assertEquals("default: <data folder>/workspace",
                DataLocations.of(props("osgi.instance.area", "@none"), Map.of(), null).workspace().setBy());
        assertEquals(Path.of("/home/u/ws"), DataLocations.of(props("osgi.instance.area", "@user.home/ws"), Map.of(), null).workspace().path());
    }

    @Test
    void pathsAreNormalizedAndTildeMeansTheHomeFolder() {
        DataLocations d = DataLocations.of(props("namdrunner.db", "/data/sub/../x.db"), Map.of(), null);
        assertEquals(Path.of("/data/x.db"), d.database().path());
        assertEquals(Path.of("/home/u"), d.expand("~"));
        assertEquals(Path.of("/home/u/lab/jobs.db"), d.expand("~/lab/jobs.db"));
        assertEquals(Path.of("/ws/with space"), DataLocations.of(props("osgi.instance.area", "file:/ws/with space/"), Map.of(), null)
                .workspace().path());
    }
}
