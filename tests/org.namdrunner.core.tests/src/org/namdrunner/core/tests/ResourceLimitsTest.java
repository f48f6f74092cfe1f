package org.namdrunner.core.tests;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.namdrunner.core.cluster.ClusterLimits;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.ResourceLimits;
import org.namdrunner.core.internal.registry.ExtensionClusterProfiles;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.MemorySize;
import org.namdrunner.core.model.Resources;

/** The built-in Alpine profile, as shipped, knows CURC's 2026 QoS table and refuses what SLURM would. */
class ResourceLimitsTest {

    private final ClusterProfile alpine = new ExtensionClusterProfiles(Platform.getExtensionRegistry(), "ralphie").require("alpine");

    @Test
    void theBuiltInProfileCarriesTheQosTable() {
        ClusterLimits l = alpine.limits();
        assertEquals(Duration.ofDays(1), l.maxWalltime("cpu-normal").orElseThrow());
        assertEquals(Duration.ofDays(7), l.maxWalltime("cpu-long").orElseThrow());
        assertEquals(Duration.ofDays(1), l.maxWalltime("gpu-normal").orElseThrow());
        assertEquals(Duration.ofDays(7), l.maxWalltime("gpu-long").orElseThrow());
        assertEquals(Duration.ofHours(1), l.maxWalltime("gpu-testing").orElseThrow());
        assertEquals(Duration.ofDays(1), l.maxWalltime("mem-normal").orElseThrow());
        assertEquals(Duration.ofDays(7), l.maxWalltime("mem-long").orElseThrow());
        assertEquals(Duration.ofHours(1), l.maxWalltime("testing").orElseThrow());
        assertEquals(List.of("cpu-normal", "cpu-long"), l.qosAllowedOn("acpu"));
        assertEquals(List.of("testing"), l.qosAllowedOn("atesting"));
        assertEquals(List.of("gpu-normal", "gpu-long", "gpu-testing"), l.qosAllowedOn("aa100"));
        assertEquals(List.of("gpu-normal", "gpu-long", "gpu-testing"), l.qosAllowedOn("ami100"));
        for (String p : List.of("al40", "ah200", "artxpro6000")) {
            assertEquals(List.of("gpu-normal", "gpu-long"), l.qosAllowedOn(p), p);
        }
        assertEquals(List.of("mem-normal", "mem-long"), l.qosAllowedOn("amem"));
        assertTrue(alpine.partitions().containsAll(List.of("amem", "atesting")));
        assertTrue(alpine.qos().contains("testing"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "acpu|cpu-normal|48|walltime|'cpu-normal' allows (1-00:00:00)|cpu-long",
            "acpu|cpu-long|200|walltime|'cpu-long' allows (7-00:00:00)|pending forever",
            "aa100|gpu-testing|2|walltime|'gpu-testing' allows (01:00:00)|gpu-normal",
            "atesting|testing|2|walltime|'testing' allows (01:00:00)|at most that",
            "acpu|testing|1|qos|'testing' is not allowed on the partition 'acpu'|accepts cpu-normal, cpu-long",
            "al40|gpu-testing|1|qos|partition 'al40'|accepts gpu-normal, gpu-long",
            "amem|cpu-normal|1|qos|partition 'amem'|accepts mem-normal, mem-long" })
    void refusalsNameTheQosThePartitionAndTheLimit(String partition, String qos, int hours, String field, String words,
            String advice) {
        Resources r = new Resources(4, MemorySize.gigabytes(8), Duration.ofHours(hours), partition, qos, "ucb-general", 0, "");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ResourceLimits.check(alpine, r));
        assertEquals(field, e.field());
        assertTrue(e.getMessage().contains(words), e.getMessage());
        assertTrue(e.getMessage().contains(advice), e.getMessage());
        assertTrue(e.getMessage().contains(qos), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({ "acpu,cpu-normal,24", "acpu,cpu-long,168", "atesting,testing,1", "aa100,gpu-testing,1", "ah200,gpu-long,168",
            "amem,mem-long,100", "acpu,,48" })
    void whatTheTableAllowsPasses(String partition, String qos, int hours) {
        Resources r = new Resources(64, MemorySize.gigabytes(200), Duration.ofHours(hours), partition, qos == null ? "" : qos, "", 0, "");
        assertDoesNotThrow(() -> ResourceLimits.check(alpine, r));
        assertEquals(List.of(), ResourceLimits.problems(alpine, r));
    }

    @Test
    void neverMoreMemoryThanANodeHas() {
        Resources r = new Resources(8, MemorySize.gigabytes(500), Duration.ofHours(1), "acpu", "cpu-normal", "", 0, "");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ResourceLimits.check(alpine, r));
        assertEquals("memory", e.field());
        assertTrue(e.getMessage().contains("240000MB"), e.getMessage());
        assertEquals(List.of(), ResourceLimits.qosProblems(alpine, r), "memory is not a QoS problem");
    }

    @Test
    void theQosForAWalltimeIsTheFirstThatFits() {
        assertEquals("cpu-normal", ResourceLimits.qosFor(alpine, "acpu", Duration.ofHours(12), "x"));
        assertEquals("cpu-long", ResourceLimits.qosFor(alpine, "acpu", Duration.ofHours(48), "x"));
        assertEquals("cpu-long", ResourceLimits.qosFor(alpine, "acpu", Duration.ofDays(30), "x"), "none fits: the longest");
        assertEquals("x", ResourceLimits.qosFor(alpine, "nowhere", Duration.ofHours(1), "x"));
    }

    @Test
    void aProfileWithoutLimitsChecksOnlyTheNode() {
        ClusterProfile plain = UserNamesTest.profile("u", "/p/u", "/s/u");
        assertTrue(plain.limits().isEmpty());
        assertDoesNotThrow(() -> ResourceLimits.check(plain,
                new Resources(1, MemorySize.gigabytes(1), Duration.ofDays(5), "acpu", "cpu-normal", "", 0, "")));
    }

    @ParameterizedTest
    @CsvSource({ "1-00:00:00,86400", "7-00:00:00,604800", "01:00:00,3600", "60,3600", "30:00,1800", "2-12,216000",
            "1-02:03,93780" })
    void walltimesAreReadAsSlurmWritesThem(String text, long seconds) {
        assertEquals(Duration.ofSeconds(seconds), ClusterLimits.walltime(text));
    }

    @Test
    void badLimitsAreRefused() {
        assertThrows(InvalidInputException.class, () -> ClusterLimits.walltime("a day"));
        assertThrows(InvalidInputException.class,
                () -> new ClusterLimits(java.util.Map.of("cpu normal", Duration.ofDays(1)), java.util.Map.of()));
        assertThrows(InvalidInputException.class,
                () -> new ClusterLimits(java.util.Map.of(), java.util.Map.of("acpu", List.of("$(id)"))));
    }
}
