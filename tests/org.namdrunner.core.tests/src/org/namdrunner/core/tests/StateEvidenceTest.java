package org.namdrunner.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.lifecycle.StateEvidence;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.StatusSource;
import org.namdrunner.core.scheduler.SchedulerJobState;
import org.namdrunner.core.scheduler.SchedulerJobState.Origin;
import org.namdrunner.core.store.JobUpdate;
import org.namdrunner.core.store.PolledJob;

class StateEvidenceTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private static Job pending() {
        return JobTest.sample().toBuilder().status(JobStatus.PENDING).slurmId("42").slurmState("PENDING")
                .slurmReason("Priority").build();
    }

    private static SchedulerJobState state(JobStatus status, String raw, String reason, String exit, Origin origin) {
        return new SchedulerJobState("42", status, raw, reason, exit, null, null, null, null, null, null, null, null, null, null, null, origin);
    }

    @Test
    void theSameReportTwiceWritesNothing() {
        Optional<JobUpdate> u = StateEvidence.apply(pending(), state(JobStatus.PENDING, "PENDING", "Priority", null, Origin.QUEUE), NOW);
        assertTrue(u.isEmpty());
    }

    @Test
    void aNewReasonIsStoredWithoutAHistoryEntry() {
        JobUpdate u = StateEvidence.apply(pending(), state(JobStatus.PENDING, "PENDING", "Resources", null, Origin.QUEUE), NOW).orElseThrow();
        assertNull(u.change());
        assertEquals("Resources", u.job().slurmReason().orElseThrow());
        assertEquals(JobStatus.PENDING, u.job().status());
    }

    @Test
    void aTimeoutKeepsItsCauseAndEvidence() {
        JobUpdate u = StateEvidence.apply(pending(), state(JobStatus.TIMEOUT, "TIMEOUT", "TimeLimit", "0:0", Origin.ACCOUNTING), NOW).orElseThrow();
        assertEquals(JobStatus.TIMEOUT, u.job().status());
        assertEquals(StatusSource.SLURM, u.change().source());
        assertEquals("sacct: TIMEOUT, reason TimeLimit, exit 0:0", u.change().detail());
        assertEquals("TIMEOUT", u.job().error().orElseThrow().type());
        assertTrue(u.job().error().orElseThrow().message().contains("more walltime"));
        assertEquals(NOW, u.job().completedAt().orElseThrow());
    }

    @Test
    void aRequeuedJobGoesBackToPendingWithItsEvidence() {
        Job running = pending().toBuilder().status(JobStatus.RUNNING).slurmState("RUNNING").slurmReason("None").build();
        JobUpdate u = StateEvidence.apply(running, state(JobStatus.PENDING, "PENDING", "BeginTime", null, Origin.QUEUE), NOW).orElseThrow();
        assertEquals(JobStatus.RUNNING, u.change().from());
        assertEquals(JobStatus.PENDING, u.change().to());
        assertEquals("squeue: PENDING, reason BeginTime", u.change().detail());
    }

    @Test
    void aMissingMarkIsClearedWhenTheJobIsSeenAgain() {
        Job missing = pending().toBuilder().missingSince(NOW.minusSeconds(60)).build();
        JobUpdate u = StateEvidence.apply(missing, state(JobStatus.PENDING, "PENDING", "Priority", null, Origin.QUEUE), NOW).orElseThrow();
        assertTrue(u.job().missingSince().isEmpty());
    }

    /**
     * A sync reads whole jobs only when {@link StateEvidence#changes} says a report changes the stored fields; it
     * must say so exactly when {@link StateEvidence#apply} has an update. Every stored status, with and without a
     * start time and a missing mark, against every reported status, raw state, reason and start time.
     */
    @Test
    void theQuickCheckAgreesWithApplyForEveryCombination() {
        String[][] raws = { { "PENDING", "Priority" }, { "PENDING", "Resources" }, { "RUNNING", "None" }, { "RUNNING", null },
                { "COMPLETED", "" }, { "", null }, { "CANCELLED by 1001", "None" } };
        int combinations = 0;
        int withUpdate = 0;
        for (JobStatus stored : JobStatus.values()) {
            for (String[] storedRaw : raws) {
                for (boolean started : new boolean[] { false, true }) {
                    for (boolean missing : new boolean[] { false, true }) {
                        Job job = pending().toBuilder().status(stored).slurmState(storedRaw[0]).slurmReason(storedRaw[1])
                                .startedAt(started ? NOW.minusSeconds(600) : null).missingSince(missing ? NOW.minusSeconds(30) : null).build();
                        for (JobStatus next : JobStatus.values()) {
                            for (String[] raw : raws) {
                                for (Instant start : new Instant[] { null, NOW.minusSeconds(300) }) {
                                    SchedulerJobState report = new SchedulerJobState("42", next, raw[0], raw[1], "0:0", null, start, null,
                                            null, null, null, null, null, null, null, null, Origin.QUEUE);
                                    boolean applies = StateEvidence.apply(job, report, NOW).isPresent();
                                    assertEquals(applies, StateEvidence.changes(PolledJob.of(job), report),
                                            () -> job + " reported as " + report);
                                    combinations++;
                                    withUpdate += applies ? 1 : 0;
                                }
                            }
                        }
                    }
                }
            }
        }
        assertTrue(withUpdate > 0 && withUpdate < combinations, withUpdate + " of " + combinations + " had an update");
    }

    @Test
    void polledFieldsFollowTheJobsRules() {
        PolledJob p = PolledJob.of(pending().toBuilder().slurmReason("").build());
        assertEquals("42", p.slurmId());
        assertNull(p.slurmReason());
        assertFalse(p.started());
        org.junit.jupiter.api.Assertions.assertThrows(org.namdrunner.core.model.InvalidInputException.class,
                () -> new PolledJob(p.id(), JobStatus.PENDING, "42; rm -rf ~", null, null, null, null, null, "n", null));
        org.junit.jupiter.api.Assertions.assertThrows(org.namdrunner.core.model.InvalidInputException.class,
                () -> new PolledJob("../x", JobStatus.PENDING, "42", null, null, null, null, null, "n", null));
    }

    private static SchedulerJobState timed(JobStatus status, String raw, Instant submitted, Instant start, Instant end) {
        return new SchedulerJobState("42", status, raw, "None", "1:0", submitted, start, end,
                start != null && end != null ? java.time.Duration.between(start, end) : null, null, null, null, null, null, null, null,
                Origin.ACCOUNTING);
    }

    @Test
    void aJobThatStartedAndFailedBetweenTwoPollsGetsItsRunningRowAtSlurmsStart() {
        Instant submitted = NOW.minusSeconds(100);
        Instant start = NOW.minusSeconds(50);
        Instant end = NOW.minusSeconds(45);
        JobUpdate u = StateEvidence.apply(pending(), timed(JobStatus.FAILED, "FAILED", submitted, start, end), NOW).orElseThrow();
        assertEquals(2, u.changes().size(), u.changes().toString());
        assertEquals(JobStatus.PENDING, u.changes().get(0).from());
        assertEquals(JobStatus.RUNNING, u.changes().get(0).to());
        assertEquals(start, u.changes().get(0).at());
        assertEquals(JobStatus.FAILED, u.changes().get(1).to());
        assertEquals(end, u.changes().get(1).at());
        assertEquals(NOW, u.changes().get(1).observedAt());
        assertEquals(start, u.job().startedAt().orElseThrow());
        assertEquals(end, u.job().completedAt().orElseThrow());
        assertEquals(submitted, u.job().submittedAt().orElseThrow());
    }

    @Test
    void aJobCancelledWhilePendingGetsNoStartAndNoRunningRow() {
        Instant at = NOW.minusSeconds(30);
        JobUpdate u = StateEvidence.apply(pending(), timed(JobStatus.CANCELLED, "CANCELLED by 1001", NOW.minusSeconds(90), at, at), NOW)
                .orElseThrow();
        assertEquals(1, u.changes().size(), u.changes().toString());
        assertTrue(u.job().startedAt().isEmpty());
    }

    @Test
    void aPendingJobsExpectedStartIsNoStart() {
        JobUpdate u = StateEvidence.apply(pending(), timed(JobStatus.PENDING, "PENDING", NOW.minusSeconds(90), NOW.plusSeconds(3600), null), NOW)
                .orElseThrow();
        assertTrue(u.job().startedAt().isEmpty());
        assertEquals(NOW.minusSeconds(90), u.job().submittedAt().orElseThrow());
    }

    @Test
    void aRunningJobTakesSlurmsStartEvenWhenAPollHadRecordedItsOwnTime() {
        Job running = pending().toBuilder().status(JobStatus.RUNNING).slurmState("RUNNING").slurmReason("None")
                .startedAt(NOW.minusSeconds(10)).build();
        JobUpdate u = StateEvidence.apply(running, timed(JobStatus.RUNNING, "RUNNING", null, NOW.minusSeconds(22), null), NOW).orElseThrow();
        assertEquals(NOW.minusSeconds(22), u.job().startedAt().orElseThrow());
        assertTrue(StateEvidence.changes(PolledJob.of(running), timed(JobStatus.RUNNING, "RUNNING", null, NOW.minusSeconds(22), null)));
    }

    @Test
    void aRequeuedJobKeepsItsHistoryAndLosesItsStart() {
        Job running = pending().toBuilder().status(JobStatus.RUNNING).slurmState("RUNNING").startedAt(NOW.minusSeconds(600)).build();
        JobUpdate u = StateEvidence.apply(running, timed(JobStatus.PENDING, "PENDING", null, NOW.minusSeconds(600), null), NOW).orElseThrow();
        assertEquals(JobStatus.PENDING, u.job().status());
        assertTrue(u.job().startedAt().isEmpty(), "SLURM sets a new start when it runs again");
        assertEquals(JobStatus.RUNNING, u.change().from());
    }
}
