package org.namdrunner.core.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.namdrunner.core.model.ErrorInfo;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.StatusChange;
import org.namdrunner.core.model.StatusSource;
import org.namdrunner.core.scheduler.SchedulerJobState;
import org.namdrunner.core.store.JobUpdate;
import org.namdrunner.core.store.PolledJob;

/**
 * Turns what the scheduler reported about one job into the update to store, or nothing when nothing
 * changed. Pure: the same job, report and time give the same answer.
 * <p>
 * Times are SLURM's where SLURM has them: the submit time, the start time (only once the job has really started:
 * squeue's {@code %S} of a pending job is an expected start) and the end time; a history row is dated by them and
 * also notes when the poll observed it. A job that started and ended between two polls gets its RUNNING row at
 * SLURM's start before the final row. A job put back into the queue (RUNNING → PENDING: requeue, preemption) keeps
 * its history and loses its start time, which SLURM sets again when it runs.
 */
public final class StateEvidence {

    private StateEvidence() {
    }

    /**
     * @return the update, or empty when the stored job already says all of this (then nothing is written)
     */
    public static Optional<JobUpdate> apply(Job job, SchedulerJobState reported, Instant now) {
        JobStatus from = job.status();
        JobStatus next = reported.status();
        Instant start = startOf(reported);
        boolean moves = next != from && from.canMoveTo(next);
        boolean requeued = moves && next == JobStatus.PENDING && job.startedAt().isPresent();
        Job.Builder b = job.toBuilder()
                .slurmState(reported.rawState())
                .slurmReason(reported.reason())
                .missingSince(null);
        if (reported.submitted() != null) {
            b.submittedAt(reported.submitted());
        }
        if (requeued) {
            b.startedAt(null);
        } else if (start != null) {
            b.startedAt(start);
        }
        List<StatusChange> changes = new ArrayList<>();
        if (moves) {
            JobStatus before = from;
            if (start != null && job.startedAt().isEmpty() && next != JobStatus.RUNNING
                    && from.canMoveTo(JobStatus.RUNNING) && JobStatus.RUNNING.canMoveTo(next)) {
                changes.add(new StatusChange(job.id(), from, JobStatus.RUNNING, start, StatusSource.SLURM,
                        origin(reported) + "RUNNING from SLURM's start time (ended " + reported.rawState() + " before a poll saw it run)", now));
                before = JobStatus.RUNNING;
            }
            if (next == JobStatus.RUNNING && start == null && job.startedAt().isEmpty()) {
                b.startedAt(now);
            }
            if (next.isTerminal()) {
                b.completedAt(reported.end() != null ? reported.end() : now);
                if (next.isFailure()) {
                    b.error(new ErrorInfo(next.name(), FailureExplanation.of(next, reported), orEmpty(reported.exitCode()), now));
                }
            }
            changes.add(new StatusChange(job.id(), before, next, when(from, next, reported, start, now), StatusSource.SLURM,
                    detail(reported), now));
        }
        Job candidate = b.updatedAt(job.updatedAt()).build();
        if (!moves && candidate.equals(job)) {
            return Optional.empty();
        }
        Job updated = candidate.toBuilder().status(moves ? next : from).updatedAt(now).build();
        return Optional.of(moves ? JobUpdate.statusChanges(updated, changes) : JobUpdate.fieldsOnly(updated));
    }

    /**
     * Whether {@link #apply} would return an update for a job with these stored fields: the status may move to
     * the reported one, or the raw state, the reason, SLURM's submit or start time or a cleared {@code missingSince}
     * would be new. A sync asks this first and reads the whole job only when the answer is yes (StateEvidenceTest
     * checks that the two agree).
     */
    public static boolean changes(PolledJob stored, SchedulerJobState reported) {
        JobStatus next = reported.status();
        Instant start = startOf(reported);
        return next != stored.status() && stored.status().canMoveTo(next)
                || !Objects.equals(stored.slurmState(), emptyToNull(reported.rawState()))
                || !Objects.equals(stored.slurmReason(), emptyToNull(reported.reason()))
                || stored.missingSince() != null
                || reported.submitted() != null && !reported.submitted().equals(stored.submittedAt())
                || start != null && !start.equals(stored.startedAt());
    }

    /**
     * SLURM's start time when the job has really started: never for a pending job (squeue's {@code %S} is then the
     * expected start, and a requeued job's sacct row still has its old start), and not for a job cancelled before it
     * ran (SLURM then prints the cancel time, or nothing, as its start).
     */
    static Instant startOf(SchedulerJobState s) {
        Instant start = s.start();
        if (start == null || s.status() == JobStatus.PENDING || s.status() == JobStatus.UNKNOWN) {
            return null;
        }
        boolean neverRan = s.end() != null && !start.isBefore(s.end()) && (s.elapsed() == null || s.elapsed().isZero());
        if (neverRan && (s.status() == JobStatus.CANCELLED || s.status() == JobStatus.DEADLINE)) {
            return null;
        }
        return start;
    }

    /** When a change happened by SLURM's record; the observation time when SLURM has no time for it. */
    private static Instant when(JobStatus from, JobStatus next, SchedulerJobState s, Instant start, Instant now) {
        if (next == JobStatus.RUNNING && start != null) {
            return start;
        }
        if (next.isTerminal() && s.end() != null) {
            return s.end();
        }
        if (next == JobStatus.PENDING && (from == JobStatus.SUBMITTING || from == JobStatus.CREATED) && s.submitted() != null) {
            return s.submitted();
        }
        return now;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String origin(SchedulerJobState s) {
        return switch (s.origin()) {
            case QUEUE -> "squeue: ";
            case ACCOUNTING -> "sacct: ";
            case JOB_RECORD -> "job record: ";
        };
    }

    /** What the history row keeps as evidence: the raw state, reason and exit code as reported. */
    static String detail(SchedulerJobState s) {
        StringBuilder sb = new StringBuilder(origin(s));
        sb.append(s.rawState());
        if (s.reason() != null && !s.reason().isBlank() && !"None".equals(s.reason())) {
            sb.append(", reason ").append(s.reason());
        }
        if (s.exitCode() != null && !s.exitCode().isBlank()) {
            sb.append(", exit ").append(s.exitCode());
        }
        return sb.toString();
    }

    private static String orEmpty(String s) {
        return Objects.requireNonNullElse(s, "");
    }
}
