package org.namdrunner.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.StatusChange;
import org.namdrunner.core.model.StatusSource;

class JobStatusTest {

    @Test
    void terminalStatesAreExactlyTheFinishedOnes() {
        assertEquals(EnumSet.of(JobStatus.COMPLETED, JobStatus.FAILED, JobStatus.CANCELLED, JobStatus.TIMEOUT,
                JobStatus.OUT_OF_MEMORY, JobStatus.NODE_FAIL, JobStatus.PREEMPTED, JobStatus.BOOT_FAIL,
                JobStatus.DEADLINE), EnumSet.copyOf(JobStatus.terminalStates()));
        for (JobStatus s : JobStatus.values()) {
            assertEquals(JobStatus.terminalStates().contains(s), s.isTerminal(), s.name());
        }
    }

    @ParameterizedTest
    @EnumSource(value = JobStatus.class, names = { "COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "OUT_OF_MEMORY",
            "NODE_FAIL", "PREEMPTED", "BOOT_FAIL", "DEADLINE" })
    void terminalStatesNeverMoveAgain(JobStatus terminal) {
        for (JobStatus next : JobStatus.values()) {
            assertFalse(terminal.canMoveTo(next), terminal + " -> " + next);
        }
    }

    @Test
    void completedCannotGoBackToRunning() {
        assertFalse(JobStatus.COMPLETED.canMoveTo(JobStatus.RUNNING));
        assertThrows(IllegalStateException.class, () -> new StatusChange("j1", JobStatus.COMPLETED, JobStatus.RUNNING,
                Instant.now(), StatusSource.SLURM, ""));
    }

    @Test
    void unknownMayBecomeAnythingElse() {
        for (JobStatus next : JobStatus.values()) {
            assertEquals(next != JobStatus.UNKNOWN, JobStatus.UNKNOWN.canMoveTo(next), "UNKNOWN -> " + next);
        }
    }

    @Test
    void theNormalLifeIsAllowed() {
        assertTrue(JobStatus.CREATED.canMoveTo(JobStatus.SUBMITTING));
        assertTrue(JobStatus.SUBMITTING.canMoveTo(JobStatus.PENDING));
        assertTrue(JobStatus.PENDING.canMoveTo(JobStatus.RUNNING));
        assertTrue(JobStatus.RUNNING.canMoveTo(JobStatus.COMPLETED));
        assertTrue(JobStatus.PENDING.canMoveTo(JobStatus.COMPLETED), "a short job may finish between two polls");
        assertTrue(JobStatus.SUBMITTING.canMoveTo(JobStatus.CREATED), "a rejected sbatch rolls back");
        assertTrue(JobStatus.RUNNING.canMoveTo(JobStatus.PENDING), "SLURM requeues");
    }

    @Test
    void aJobNotYetSubmittedCannotBeFinishedBySync() {
        Set<JobStatus> allowed = JobStatus.CREATED.successors();
        assertEquals(EnumSet.of(JobStatus.SUBMITTING, JobStatus.PENDING), EnumSet.copyOf(allowed));
    }

    @Test
    void noStatusMovesToItself() {
        for (JobStatus s : JobStatus.values()) {
            assertFalse(s.canMoveTo(s), s.name());
        }
    }

    @Test
    void activeStatesAreTheOnesTheSchedulerStillOwns() {
        for (JobStatus s : JobStatus.values()) {
            boolean expected = EnumSet.of(JobStatus.SUBMITTING, JobStatus.PENDING, JobStatus.RUNNING,
                    JobStatus.SUSPENDED, JobStatus.UNKNOWN).contains(s);
            assertEquals(expected, s.isActive(), s.name());
            if (s.isActive()) {
                assertFalse(s.isTerminal());
            }
        }
    }

    @Test
    void failureMeansTerminalButNotCompleted() {
        assertFalse(JobStatus.COMPLETED.isFailure());
        assertTrue(JobStatus.TIMEOUT.isFailure());
        assertFalse(JobStatus.RUNNING.isFailure());
    }
}
