package org.namdrunner.slurm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ExecResult;
import org.namdrunner.core.lifecycle.StatusSynchronizer;
import org.namdrunner.core.lifecycle.SyncSettings;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.StatusChange;
import org.namdrunner.slurm.SlurmScheduler;

/**
 * Issue [J] rule 5 through the real query and synchronizer. The twin has no preemption configured, so SLURM's rows for
 * a preempted and then requeued job are given here (the shape of real rows, today's format); everything from the
 * parser to the store is real.
 */
class PreemptionRequeueTest {

    private static final Instant PREEMPTED_AT = Instant.parse("2026-11-29T12:00:00Z");

    private static String row(String state, Instant start, Instant end) {
        return "77|" + state + "|" + (PREEMPTED_AT.getEpochSecond() - 600) + "|" + (start == null ? "" : start.getEpochSecond()) + "|"
                + (end == null ? "" : end.getEpochSecond()) + "|5:00|55:00|1|2|vm|j|(null)|/s/j|None\n";
    }

    private static Job running() {
        return Job.builder().id("j").name("j").jobTypeId("namd").clusterProfileId("test").status(JobStatus.RUNNING).slurmId("77")
                .slurmState("RUNNING").createdAt(PREEMPTED_AT.minusSeconds(3600)).startedAt(PREEMPTED_AT.minusSeconds(300)).build();
    }

    @Test
    void onASiteThatRequeuesPreemptedIsNotFinalAndTheRequeueKeepsHistoryAndResetsTheStart() throws Exception {
        MemoryJobStore store = new MemoryJobStore();
        store.create(running());
        AtomicReference<String> squeue = new AtomicReference<>(row("PREEMPTED", PREEMPTED_AT.minusSeconds(300), PREEMPTED_AT));
        // the window is site behaviour: the cluster profile's
        RecordingConnection c = new RecordingConnection(TestProfiles.testCluster().withPreemptionRequeue(Duration.ofMinutes(15)),
                line -> new ExecResult(line, 0, line.contains(" squeue ") ? squeue.get() : "", ""));
        SyncSettings requeues = SyncSettings.defaults();

        new StatusSynchronizer(store, new SlurmScheduler(ZoneOffset.UTC), requeues, Clock.fixed(PREEMPTED_AT.plusSeconds(30), ZoneOffset.UTC))
                .syncCluster(c, null);
        Job held = store.find("j").orElseThrow();
        assertEquals(JobStatus.RUNNING, held.status(), "PREEMPTED on a requeuing site is watched, not final");
        assertEquals("PREEMPTED", held.slurmState().orElseThrow());
        assertTrue(held.slurmReason().orElseThrow().contains("requeues preempted jobs"), held.slurmReason().toString());

        squeue.set(row("PENDING", null, null));
        new StatusSynchronizer(store, new SlurmScheduler(ZoneOffset.UTC), requeues, Clock.fixed(PREEMPTED_AT.plusSeconds(90), ZoneOffset.UTC))
                .syncCluster(c, null);
        Job requeued = store.find("j").orElseThrow();
        assertEquals(JobStatus.PENDING, requeued.status());
        assertTrue(requeued.startedAt().isEmpty(), "the next run's start comes from SLURM when it starts");
        List<StatusChange> history = store.history("j");
        assertEquals(JobStatus.RUNNING, history.getLast().from());
        assertEquals(JobStatus.PENDING, history.getLast().to());
    }

    @Test
    void withoutRequeueOrAfterTheWindowPreemptedIsFinal() throws Exception {
        SyncSettings settings = SyncSettings.defaults();
        for (Duration window : List.of(Duration.ZERO, Duration.ofMinutes(15))) {
            MemoryJobStore store = new MemoryJobStore();
            store.create(running());
            RecordingConnection c = new RecordingConnection(TestProfiles.testCluster().withPreemptionRequeue(window), line -> new ExecResult(line, 0,
                    line.contains(" squeue ") ? row("PREEMPTED", PREEMPTED_AT.minusSeconds(300), PREEMPTED_AT) : "", ""));
            Instant now = window.isZero() ? PREEMPTED_AT.plusSeconds(30) : PREEMPTED_AT.plusSeconds(16 * 60);
            new StatusSynchronizer(store, new SlurmScheduler(ZoneOffset.UTC), settings, Clock.fixed(now, ZoneOffset.UTC)).syncCluster(c, null);
            Job done = store.find("j").orElseThrow();
            assertEquals(JobStatus.PREEMPTED, done.status(), "window " + window);
            assertEquals(PREEMPTED_AT, done.completedAt().orElseThrow(), "SLURM's preemption time");
        }
    }
}
