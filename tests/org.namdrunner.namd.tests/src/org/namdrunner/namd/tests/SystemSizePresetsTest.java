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

    @Test
    void theAtomCountComesFromThePsfHeader() throws Exception {
        Path psf = Files.writeString(dir.resolve("a.psf"), "PSF EXT CMAP\n\n       2 !NTITLE\n REMARKS x\n REMARKS y\n\n"
                + "   23558 !NATOM\n       1 PROT 1 ALA N NH3 -0.3 14.0 0\n");
        assertEquals(23558, PsfAtoms.count(psf).orElseThrow());
        Path none = Files.writeString(dir.resolve("b.psf"), "not a psf\n");
        assertTrue(PsfAtoms.count(none).isEmpty());
    }
}
