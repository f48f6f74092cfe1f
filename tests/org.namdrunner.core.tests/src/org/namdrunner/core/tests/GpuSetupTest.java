package org.namdrunner.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.GpuRequests;
import org.namdrunner.core.cluster.GpuSetup;
import org.namdrunner.core.internal.registry.ExtensionClusterProfiles;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.MemorySize;
import org.namdrunner.core.model.Resources;

/** GPU partitions, how to request GPUs and a GPU job's module lines are profile data, checked before submission. */
class GpuSetupTest {

    private final ClusterProfile alpine = new ExtensionClusterProfiles(Platform.getExtensionRegistry(), "ralphie").require("alpine");

    private static Resources gpus(String partition, String qos, int gpus) {
        return new Resources(8, MemorySize.gigabytes(16), Duration.ofHours(2), partition, qos, "ucb-general", gpus, "");
    }

    @Test
    void alpineSaysWhichPartitionsHaveGpusAndHowToAskForThem() {
        GpuSetup gpu = alpine.gpu();
        assertEquals(Map.of("aa100", 3, "ami100", 3, "al40", 3), gpu.gpusPerNode());
        assertEquals(0, gpu.gpusOn("acpu"));
        assertEquals(GpuSetup.Request.GRES, gpu.request());
        assertEquals("gres=gpu:2", gpu.option(2));
        assertEquals(List.of("module purge", "module load gcc/14.2.0 namd/3.0.1_gpu"), alpine.moduleLinesFor(1));
        assertEquals(alpine.moduleLines(), alpine.moduleLinesFor(0), "a CPU job keeps the CPU build");
        assertTrue(alpine.moduleLines().get(1).contains("namd/3.0.1_cpu"));
    }

    @Test
    void gpusOnACpuPartitionOrMoreThanANodeHasAreRefusedNamingBothSides() {
        String none = GpuRequests.problem(alpine, gpus("acpu", "cpu-normal", 1)).orElseThrow();
        assertTrue(none.contains("'acpu'") && none.contains("has no GPUs") && none.contains("aa100: 3, ami100: 3, al40: 3 GPUs per node"), none);
        String fourth = GpuRequests.problem(alpine, gpus("aa100", "gpu-normal", 4)).orElseThrow();
        assertTrue(fourth.contains("has 3 GPUs") && fourth.contains("at most 3"), fourth);
        assertTrue(GpuRequests.problem(alpine, gpus("aa100", "gpu-normal", 3)).isEmpty());
        assertTrue(GpuRequests.problem(alpine, gpus("", "", 1)).isPresent(), "no partition: the default acpu has none");
        assertEquals("gpus", assertThrows(InvalidInputException.class, () -> GpuRequests.check(alpine, gpus("acpu", "", 2))).field());
        assertTrue(GpuRequests.note(alpine, gpus("aa100", "gpu-normal", 0)).orElseThrow().contains("GPU partition"));
        assertTrue(GpuRequests.note(alpine, gpus("acpu", "cpu-normal", 0)).isEmpty());
        ClusterProfile unknown = alpine.withGpu(GpuSetup.NONE);
        assertTrue(GpuRequests.problem(unknown, gpus("acpu", "", 2)).isEmpty(), "a profile without GPU data checks nothing");
    }

    @Test
    void theTypedFormReadsBackAndBadEntriesAreNamed() {
        GpuSetup g = new GpuSetup(GpuSetup.parsePartitions("aa100=3, al40=2 ah200=4"), GpuSetup.Request.of("gpus"), List.of("module load namd/3"));
        assertEquals("aa100=3, al40=2, ah200=4", g.partitionsText());
        assertEquals("gpus=4", g.option(4));
        assertEquals(g.gpusPerNode(), GpuSetup.parsePartitions(g.partitionsText()));
        assertTrue(GpuSetup.parsePartitions("  ").isEmpty());
        assertTrue(assertThrows(InvalidInputException.class, () -> GpuSetup.parsePartitions("aa100")).getMessage().contains("'aa100'"));
        assertTrue(assertThrows(InvalidInputException.class, () -> GpuSetup.parsePartitions("aa100=3,aa100=2")).getMessage().contains("twice"));
        assertTrue(assertThrows(InvalidInputException.class, () -> GpuSetup.parsePartitions("a;b=2")).getMessage().contains("partition"));
        assertThrows(InvalidInputException.class, () -> new GpuSetup(Map.of("aa100", 0), null, List.of()));
        assertThrows(InvalidInputException.class, () -> new GpuSetup(Map.of(), null, List.of("module load x\nrm -rf ~")));
        assertTrue(assertThrows(InvalidInputException.class, () -> GpuSetup.Request.of("mig")).getMessage().contains("gres"));
        assertEquals(GpuSetup.Request.GRES, GpuSetup.Request.of(""));
    }
}
