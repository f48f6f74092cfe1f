package org.namdrunner.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.namdrunner.app.Backend;
import org.namdrunner.app.LocalInputs;
import org.namdrunner.app.PerformanceHistory;
import org.namdrunner.core.jobtype.JobType.LogSummary;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.MemorySize;
import org.namdrunner.core.model.Resources;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Measured speeds kept in the real job database (the Backend service's SQLite file): the job's own, and the last
 * similar job's (same cluster and partition, size within a fifth) for a new job; they survive a reload. And the local
 * input files of a job, for "New job from this job".
 */
class PerformanceHistoryTest {

    private static ServiceTracker<Backend, Backend> tracker;
    private static Backend backend;
    private static final String RUN = "perf" + System.currentTimeMillis();

    @BeforeAll
    static void waitForTheService() throws InterruptedException {
        tracker = new ServiceTracker<>(FrameworkUtil.getBundle(Backend.class).getBundleContext(), Backend.class, null);
        tracker.open();
        backend = tracker.waitForService(60_000);
        assertNotNull(backend, "no Backend service");
    }

    @AfterAll
    static void close() {
        tracker.close();
    }

    private static Job job(String id, String profile, String partition, long atoms, int cores, int gpus) {
        return Job.builder().id(id).name(id + "-name").jobTypeId("namd").clusterProfileId(profile).createdAt(Instant.now())
                .resources(new Resources(cores, MemorySize.gigabytes(8), Duration.ofHours(2), partition, "", "", gpus, ""))
                .typeParameters("{\"atoms\":\"" + atoms + "\",\"runSteps\":\"1000\"}").build();
    }

    private static LogSummary speed(double nsPerDay) {
        return new LogSummary(100, 1000, nsPerDay, "", "");
    }

    @Test
    void aJobsSpeedAndTheLastSimilarJobsSurviveAReload() throws Exception {
        PerformanceHistory h = new PerformanceHistory(backend.store());
        Job a = job(RUN + "_a", RUN, "aa100", 60_000, 8, 1);
        Job b = job(RUN + "_b", RUN, "aa100", 100_000, 8, 2);
        Job c = job(RUN + "_c", RUN, "acpu", 61_000, 64, 0);
        assertFalse(h.record(a, speed(0)), "no speed measured: nothing kept");
        assertTrue(h.record(a, speed(42.0)));
        assertFalse(h.record(a, speed(42.2)), "within a percent: no write");
        assertTrue(h.record(a, speed(45.0)));
        assertTrue(h.record(b, speed(30.0)));
        assertTrue(h.record(c, speed(5.0)));

        PerformanceHistory reloaded = new PerformanceHistory(backend.store());
        assertEquals(45.0, reloaded.of(a.id()).orElseThrow().nsPerDay());
        PerformanceHistory.Measurement similar = reloaded.lastSimilar(RUN, "aa100", 55_000, null).orElseThrow();
        assertEquals(a.id(), similar.jobId(), "60 000 atoms is within a fifth of 55 000; 100 000 is not");
        assertEquals(1, similar.gpus());
        assertEquals(60_000, similar.size());
        assertEquals(c.id(), reloaded.lastSimilar(RUN, "acpu", 55_000, null).orElseThrow().jobId(), "per partition");
        assertEquals(b.id(), reloaded.lastSimilar(RUN, "aa100", 95_000, null).orElseThrow().jobId());
        assertTrue(reloaded.lastSimilar(RUN, "aa100", 30_000, null).isEmpty(), "nothing of that size");
        assertTrue(reloaded.lastSimilar(RUN, "aa100", 60_000, a.id()).isEmpty(), "not the job itself");
        assertTrue(reloaded.lastSimilar("other-cluster", "aa100", 60_000, null).isEmpty(), "per cluster");
        assertTrue(reloaded.lastSimilar(RUN, "aa100", 0, null).isEmpty(), "an unknown size matches nothing");
    }

    @Test
    void aJobsLocalInputsAreKeptInOrder() throws Exception {
        Map<String, Path> inputs = new java.util.LinkedHashMap<>();
        inputs.put("structure", Path.of("/data/lyz/step3_input.psf"));
        inputs.put("coordinates", Path.of("/data/lyz/step3_input.pdb"));
        inputs.put("parameters", Path.of("/data/lyz/toppar/par_all36m_prot.prm"));
        inputs.put("parameters.2", Path.of("/data/lyz/toppar/toppar_water_ions.str"));
        LocalInputs.remember(backend.store(), RUN + "_in", inputs);
        assertEquals(inputs, LocalInputs.recall(backend.store(), RUN + "_in"));
        assertEquals(java.util.List.copyOf(inputs.keySet()), java.util.List.copyOf(LocalInputs.recall(backend.store(), RUN + "_in").keySet()));
        assertTrue(LocalInputs.recall(backend.store(), RUN + "_never").isEmpty());
    }
}
