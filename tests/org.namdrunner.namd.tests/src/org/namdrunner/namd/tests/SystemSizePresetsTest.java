package org.namdrunner.namd.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Resources;
import org.namdrunner.namd.PsfAtoms;
import org.namdrunner.namd.SystemSizePresets;
import org.namdrunner.namd.SystemSizePresets.SizePreset;

class SystemSizePresetsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({ "1,8,8GB,4", "9999,8,8GB,4", "10000,32,32GB,12", "49999,32,32GB,12", "50000,64,64GB,24", "149999,64,64GB,24",
            "150000,128,128GB,48", "5000000000,128,128GB,48" })
    void eachSizeClassStartsAtItsLowerBound(long atoms, int cores, String memory, int hours) {
        SizePreset p = SystemSizePresets.forAtoms(atoms);
        assertEquals(cores, p.cores());
        assertEquals(memory, p.memory().toString());
        assertEquals(Duration.ofHours(hours), p.walltime());
        assertTrue(p.label().contains(cores + " cores"), p.label());
    }

    @Test
    void noAtomsIsRefused() {
        assertEquals("atoms", assertThrows(InvalidInputException.class, () -> SystemSizePresets.forAtoms(0)).field());
        assertThrows(InvalidInputException.class, () -> SystemSizePresets.forAtoms(-5));
    }

    @Test
    void thePresetIsFittedToTheCluster() {
        ClusterProfile small = new ClusterProfile("t", "Test", "127.0.0.1", 2222, "u", ClusterProfile.AuthMethod.KEY, "", "", "",
                List.of(), List.of("debug", "long"), List.of("normal"), List.of("acct"), "/home/u/p", "/home/u/s", 2, 16_000,
                Duration.ofHours(24), Duration.ofSeconds(60));
        Resources r = SystemSizePresets.resources(SystemSizePresets.forAtoms(200_000), small);
        assertEquals(Duration.ofHours(24), r.walltime(), "cut to the cluster's longest walltime");
        assertEquals("14GB", r.memory().toString(), "cut to 90 % of a node");
        assertEquals("debug", r.partition());
        assertEquals("normal", r.qos());
        assertEquals("acct", r.account());
        Resources tiny = SystemSizePresets.resources(SystemSizePresets.forAtoms(12), small);
        assertEquals("8GB", tiny.memory().toString(), "fits: unchanged");
        assertEquals(Duration.ofHours(4), tiny.walltime());
    }

    /** On Alpine's acpu (64 cores, cpu-normal 1 day, cpu-long 7 days) the largest preset fits one node and its QoS. */
    @Test
    void presetsNeverAskForMoreThanANodeOrTheQosAllows() {
        java.util.Map<String, Duration> qos = new java.util.LinkedHashMap<>();
        qos.put("cpu-normal", Duration.ofDays(1));
        qos.put("cpu-long", Duration.ofDays(7));
        qos.put("testing", Duration.ofHours(1));
        ClusterProfile alpine = new ClusterProfile("alpine", "Alpine", "login.rc.colorado.edu", 22, "u", ClusterProfile.AuthMethod.KEY,
                "", "", "", List.of(), List.of("acpu", "atesting"), List.of("cpu-normal", "cpu-long", "testing"), List.of("ucb-general"),
                "/projects/u", "/scratch/alpine/u", 64, 240_000, Duration.ofDays(7), Duration.ofSeconds(60),
                new org.namdrunner.core.cluster.ClusterLimits(qos, java.util.Map.of("acpu", List.of("cpu-normal", "cpu-long"),
                        "atesting", List.of("testing"))));
        for (SizePreset preset : SystemSizePresets.all()) {
            Resources r = SystemSizePresets.resources(preset, alpine);
            assertTrue(r.cores() <= 64, preset.label() + ": " + r.cores() + " cores");
            assertTrue(r.memory().toMegabytes() <= 240_000, preset.label());
            org.namdrunner.core.cluster.ResourceLimits.check(alpine, r);
        }
        Resources big = SystemSizePresets.resources(SystemSizePresets.forAtoms(200_000), alpine);
        assertEquals(64, big.cores(), "128 cores capped at one node");
        assertEquals("cpu-long", big.qos(), "48 h needs cpu-long");
        assertEquals(Duration.ofHours(48), big.walltime());
        assertEquals("cpu-normal", SystemSizePresets.resources(SystemSizePresets.forAtoms(20_000), alpine).qos());
        ClusterProfile testing = new ClusterProfile("t", "T", "h", 22, "u", ClusterProfile.AuthMethod.KEY, "", "", "", List.of(),
                List.of("atesting"), List.of("testing"), List.of(), "/p/u", "/s/u", 64, 240_000, Duration.ofDays(7),
                Duration.ofSeconds(60), alpine.limits());
        assertEquals(Duration.ofHours(1), SystemSizePresets.resources(SystemSizePresets.forAtoms(20_000), testing).walltime(),
                "cut to the testing QoS's hour");
    }

    @Test
    void theAtomCountComesFromThePsfHeader() throws Exception {
        Path psf = Files.writeString(dir.resolve("a.psf"), "PSF EXT CMAP\n\n       2 !NTITLE\n REMARKS x\n REMARKS y\n\n"
                + "   23558 !NATOM\n       1 PROT 1 ALA N NH3 -0.3 14.0 0\n");
        assertEquals(23558, PsfAtoms.count(psf).orElseThrow());
        Path none = Files.writeString(dir.resolve("b.psf"), "not a psf\n");
        assertTrue(PsfAtoms.count(none).isEmpty());
    }
}
