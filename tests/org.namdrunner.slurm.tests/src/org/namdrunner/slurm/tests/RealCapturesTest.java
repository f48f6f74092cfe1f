package org.namdrunner.slurm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.scheduler.SchedulerJobState;
import org.namdrunner.slurm.internal.ParsedRows;
import org.namdrunner.slurm.internal.SacctParser;
import org.namdrunner.slurm.internal.SqueueParser;

/**
 * The parsers over outputs captured from real SLURM 22.05 (fixtures/real, made by
 * tests/cluster/capture-fixtures.sh; its README says how each was captured). Job ids and times change when the
 * captures are refreshed, so the assertions use what the captures' own command lines asked for.
 */
class RealCapturesTest {

    private static final String SQUEUE_FORMAT = "--format='%i|%T|%V|%S|%e|%M|%L|%D|%C|%N|%j|%k|%Z|%r'";
    private final SacctParser sacct = new SacctParser(ZoneOffset.UTC);

    @Test
    void everySqueueCaptureParsesWithoutAProblem() {
        List<String> names = Fixtures.captureNames(Fixtures.REAL, "squeue_").stream()
                .filter(n -> Capture.real(n).command().contains(SQUEUE_FORMAT)).toList();
        assertTrue(names.size() >= 15, "expected the squeue captures, found " + names);
        for (String name : names) {
            Capture c = Capture.real(name);
            ParsedRows rows = SqueueParser.parse(c.stdout(), java.time.ZoneOffset.UTC);
            assertEquals(List.of(), rows.problems(), name);
            assertEquals(c.nonBlankLines(), rows.states().size(), name);
            for (SchedulerJobState s : rows.states()) {
                assertTrue(c.jobIds().contains(s.slurmId()), name + ": " + s.slurmId() + " was not asked for");
                assertNotEquals(JobStatus.UNKNOWN, s.status(), name);
                assertNotNull(s.workDir(), name);
            }
        }
    }

    @Test
    void everySacctCaptureParsesWithoutAProblemAndStepsAreIgnored() {
        List<String> names = Fixtures.captureNames(Fixtures.REAL, "sacct_");
        assertTrue(names.size() >= 15, "expected the sacct captures, found " + names);
        for (String name : names) {
            Capture c = Capture.real(name);
            ParsedRows rows = sacct.parse(c.stdout());
            assertEquals(List.of(), rows.problems(), name);
            assertEquals(c.nonBlankLines(), rows.states().size() + rows.stepRows(), name);
            if (c.command().contains(" -X ")) {
                assertEquals(0, rows.stepRows(), name);
            }
            for (SchedulerJobState s : rows.states()) {
                assertTrue(c.jobIds().contains(s.slurmId()), name + ": " + s.slurmId() + " was not asked for");
                assertNotEquals(JobStatus.UNKNOWN, s.status(), name);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "sacct_finished", "sacct_timeout", "sacct_cancelled_running", "sacct_cancelled_pending",
            "sacct_all_mixed" })
    void withAndWithoutStepsTheFinishedJobsReadTheSame(String allocationsOnly) {
        Map<String, SchedulerJobState> x = finished(sacct.parse(Capture.real(allocationsOnly).stdout()));
        Map<String, SchedulerJobState> withSteps = finished(sacct.parse(Capture.real(allocationsOnly + "_with_steps").stdout()));
        assertFalse(x.isEmpty());
        assertEquals(x, withSteps);
    }

    @Test
    void finishedJobsCarryExitCodesAndTimes() {
        List<SchedulerJobState> states = sacct.parse(Capture.real("sacct_finished").stdout()).states();
        assertEquals(Capture.real("sacct_finished").jobIds().size(), states.size());
        Set<String> failedExitCodes = states.stream().filter(s -> s.status() == JobStatus.FAILED).map(SchedulerJobState::exitCode)
                .collect(Collectors.toSet());
        assertTrue(failedExitCodes.contains("1:0"), "exit 1: " + failedExitCodes);
        assertTrue(failedExitCodes.contains("0:9"), "killed over memory without cgroups: " + failedExitCodes);
        for (SchedulerJobState s : states) {
            assertTrue(s.status().isTerminal(), s.toString());
            if (s.status() == JobStatus.COMPLETED) {
                assertEquals("0:0", s.exitCode());
            }
            assertNotNull(s.start(), s.toString());
            assertNotNull(s.end(), s.toString());
            long gap = Math.abs(Duration.between(s.start(), s.end()).minus(s.elapsed()).toSeconds());
            assertTrue(gap <= 1, "elapsed agrees with start and end: " + s);
        }
    }

    @Test
    void squeueAndSacctAgreeOnFinishedJobs() {
        Map<String, SchedulerJobState> queue = byId(SqueueParser.parse(Capture.real("squeue_finished_states_all").stdout(), java.time.ZoneOffset.UTC));
        Map<String, SchedulerJobState> accounting = byId(sacct.parse(Capture.real("sacct_finished").stdout()));
        assertFalse(queue.isEmpty());
        queue.forEach((id, q) -> {
            assertTrue(q.status().isTerminal(), q.toString());
            assertEquals(accounting.get(id).status(), q.status(), id);
        });
        assertTrue(queue.values().stream().anyMatch(s -> s.status() == JobStatus.COMPLETED));
        assertTrue(queue.values().stream().filter(s -> s.status() == JobStatus.FAILED).allMatch(s -> s.reason() != null));
    }

    @Test
    void runningAndPendingJobsInTheQueue() {
        List<SchedulerJobState> states = SqueueParser.parse(Capture.real("squeue_running_and_pending").stdout(), java.time.ZoneOffset.UTC).states();
        List<SchedulerJobState> running = states.stream().filter(s -> s.status() == JobStatus.RUNNING).toList();
        assertEquals(1, running.size(), "one node, one NAMD job at a time");
        assertNotNull(running.get(0).nodeList());
        assertNotNull(running.get(0).elapsed());
        assertTrue(running.get(0).timeLeft().compareTo(Duration.ZERO) > 0);
        for (SchedulerJobState s : states) {
            if (s.status() != JobStatus.RUNNING) {
                assertEquals(JobStatus.PENDING, s.status());
                assertTrue(Set.of("Resources", "Priority").contains(s.reason()), s.reason());
                assertNull(s.nodeList(), "a pending job has no nodes yet");
            }
        }
    }

    @Test
    void pendingReasonsAreKeptAsSlurmPrintsThem() {
        Set<String> reasons = SqueueParser.parse(Capture.real("squeue_pending_reasons").stdout(), java.time.ZoneOffset.UTC).states().stream()
                .map(SchedulerJobState::reason).filter(r -> r != null).collect(Collectors.toSet());
        assertTrue(reasons.containsAll(Set.of("JobHeldUser", "JobHeldAdmin", "DependencyNeverSatisfied",
                "QOSMaxWallDurationPerJobLimit")), reasons.toString());
        // accounting lags: sacct may not list a new job yet, or list a running job as PENDING with a start time
        for (SchedulerJobState s : sacct.parse(Capture.real("sacct_pending_reasons").stdout()).states()) {
            if (s.status() == JobStatus.PENDING) {
                assertNull(s.end(), "Unknown");
            }
        }
    }

    @Test
    void aJobCancelledWhilePendingEndsCancelled() {
        List<SchedulerJobState> states = sacct.parse(Capture.real("sacct_cancelled_pending").stdout()).states();
        assertEquals(1, states.size());
        SchedulerJobState s = states.get(0);
        assertEquals(JobStatus.CANCELLED, s.status());
        assertTrue(s.rawState().matches("CANCELLED by \\d+"), s.rawState());
        assertNotNull(s.end());
        assertTrue(s.start() == null || s.start().equals(s.end()), "None, or the moment of cancelling: " + s);
        assertEquals(JobStatus.CANCELLED, single("squeue_cancelled_pending").status());
    }

    @Test
    void cancelledWhileRunningHasStartAndEnd() {
        SchedulerJobState s = sacct.parse(Capture.real("sacct_cancelled_running").stdout()).states().get(0);
        assertEquals(JobStatus.CANCELLED, s.status());
        assertTrue(s.rawState().startsWith("CANCELLED by "), s.rawState());
        assertNotNull(s.start());
        assertNotNull(s.end());
    }

    @Test
    void aWalltimeKillIsTimeoutNotFailed() {
        SchedulerJobState queue = single("squeue_timeout");
        assertEquals(JobStatus.TIMEOUT, queue.status());
        assertNull(queue.timeLeft(), "squeue prints INVALID past the limit");
        assertEquals("TimeLimit", queue.reason());
        assertEquals(JobStatus.TIMEOUT, sacct.parse(Capture.real("sacct_timeout").stdout()).states().get(0).status());
    }

    @Test
    void aSuspendedJobStaysSuspended() {
        assertEquals(JobStatus.SUSPENDED, single("squeue_suspended").status());
        SchedulerJobState accounting = sacct.parse(Capture.real("sacct_suspended").stdout()).states().get(0);
        assertEquals(JobStatus.SUSPENDED, accounting.status());
        assertNull(accounting.end(), "Unknown");
    }

    @Test
    void completingIsNotYetFinished() {
        SchedulerJobState s = single("squeue_completing");
        assertEquals("COMPLETING", s.rawState());
        assertFalse(s.status().isTerminal());
    }

    @Test
    void aRequeuedJobIsPendingAgain() {
        assertEquals(JobStatus.PENDING, single("squeue_requeued").status());
        SchedulerJobState accounting = sacct.parse(Capture.real("sacct_requeued").stdout()).states().get(0);
        assertEquals("REQUEUED", accounting.rawState());
        assertEquals(JobStatus.PENDING, accounting.status());
    }

    private static SchedulerJobState single(String capture) {
        List<SchedulerJobState> states = SqueueParser.parse(Capture.real(capture).stdout(), java.time.ZoneOffset.UTC).states();
        assertEquals(1, states.size(), capture);
        return states.get(0);
    }

    private static Map<String, SchedulerJobState> byId(ParsedRows rows) {
        return SqueueParserTest.byId(rows);
    }

    private static Map<String, SchedulerJobState> finished(ParsedRows rows) {
        return rows.states().stream().filter(s -> s.status().isTerminal())
                .collect(Collectors.toMap(SchedulerJobState::slurmId, s -> s));
    }
}
