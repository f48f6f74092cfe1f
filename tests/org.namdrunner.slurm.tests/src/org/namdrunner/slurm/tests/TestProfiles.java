package org.namdrunner.slurm.tests;

import java.time.Duration;
import java.util.List;

import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.ClusterProfile.AuthMethod;

/** Cluster profiles shaped like the project's test cluster and like Alpine (2026). */
final class TestProfiles {

    static final String ALPINE_PREFIX = "source /etc/profile && module load slurm/alpine";

    private TestProfiles() {
    }

    /** The test cluster of the captures: no prefix, one 2-CPU node, partitions debug and long. */
    static ClusterProfile testCluster() {
        return new ClusterProfile("test", "Test cluster", "localhost", 2222, "testuser", AuthMethod.KEY, "", "", "",
                List.of(), List.of("debug", "long"), List.of("normal", "high"), List.of("testacct"),
                "/home/testuser/projects", "/home/testuser/scratch", 2, 21_694, Duration.ofDays(7), Duration.ofSeconds(30));
    }

    /** Alpine: commands need the module prefix, 64 cores and 240 GB per node, module lines for NAMD. */
    static ClusterProfile alpine() {
        return withPrefix(ALPINE_PREFIX);
    }

    static ClusterProfile withPrefix(String prefix) {
        return alpine(prefix, 64, 240 * 1024, List.of("acpu", "atesting", "aa100"));
    }

    /** Alpine with other node sizes. */
    static ClusterProfile alpine(int coresPerNode, long memoryPerNodeMb) {
        return alpine(ALPINE_PREFIX, coresPerNode, memoryPerNodeMb, List.of("acpu", "atesting", "aa100"));
    }

    /** A cluster whose profile lists no partitions, QoS or accounts: any name is passed on to SLURM. */
    static ClusterProfile unlisted() {
        return new ClusterProfile("plain", "Plain", "localhost", 22, "", AuthMethod.KEY, "", "", "", List.of(), List.of(),
                List.of(), List.of(), "/home/u/projects", "/home/u/scratch", 8, 16_000, Duration.ofDays(2), Duration.ofSeconds(30));
    }

    /** Alpine with its GPU partition aa100 (3 GPUs per node, --gres), the GPU build's module lines and aa100's QoS. */
    static ClusterProfile alpineWithGpus() {
        return alpine().withLimits(new org.namdrunner.core.cluster.ClusterLimits(java.util.Map.of(),
                java.util.Map.of("acpu", List.of("cpu-normal", "cpu-long"), "aa100", List.of("gpu-normal"))))
                .withGpu(new org.namdrunner.core.cluster.GpuSetup(java.util.Map.of("aa100", 3),
                        org.namdrunner.core.cluster.GpuSetup.Request.GRES, List.of("module purge", "module load gcc/14.2.0 namd/3.0.1_gpu")));
    }

    private static ClusterProfile alpine(String prefix, int coresPerNode, long memoryPerNodeMb, List<String> partitions) {
        return new ClusterProfile("alpine", "Alpine", "login.rc.colorado.edu", 22, "ralph", AuthMethod.KEYBOARD_INTERACTIVE,
                "", "dtn.rc.colorado.edu", prefix,
                List.of("module purge", "module load gcc/14.2.0 openmpi/5.0.6 namd/3.0.1_cpu"),
                partitions, List.of("cpu-normal", "cpu-long", "gpu-normal"), List.of("ucb-general"),
                "/projects/ralph", "/scratch/alpine/ralph", coresPerNode, memoryPerNodeMb, Duration.ofDays(7), Duration.ofSeconds(60));
    }
}
