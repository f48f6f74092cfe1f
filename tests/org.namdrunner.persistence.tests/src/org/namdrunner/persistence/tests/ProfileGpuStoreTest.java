package org.namdrunner.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.GpuSetup;
import org.namdrunner.persistence.SqliteJobStore;

/** A profile's GPU partitions, request style and GPU module lines survive a reopen; a profile without them stays without. */
class ProfileGpuStoreTest {

    @TempDir
    Path dir;

    @Test
    void gpuSetupSurvivesAReopen() throws Exception {
        Map<String, Integer> gpus = new LinkedHashMap<>();
        gpus.put("al40", 3);
        gpus.put("aa100", 2);
        GpuSetup gpu = new GpuSetup(gpus, GpuSetup.Request.GPUS, List.of("module purge", "module load gcc/14.2.0 namd/3.0.1_gpu"));
        ClusterProfile p = SqliteJobStoreTest.profile("alpine", "Alpine").withGpu(gpu);
        Path db = dir.resolve("jobs.db");
        try (SqliteJobStore store = SqliteJobStore.open(db)) {
            store.saveProfile(p);
            store.saveProfile(SqliteJobStoreTest.profile("plain", "Plain"));
        }
        try (SqliteJobStore store = SqliteJobStore.open(db)) {
            ClusterProfile back = store.loadProfiles().stream().filter(x -> x.id().equals("alpine")).findFirst().orElseThrow();
            assertEquals(p, back);
            assertEquals(List.of("al40", "aa100"), List.copyOf(back.gpu().gpusPerNode().keySet()), "order kept");
            ClusterProfile plain = store.loadProfiles().stream().filter(x -> x.id().equals("plain")).findFirst().orElseThrow();
            assertTrue(plain.gpu().isEmpty());
        }
    }
}
