package org.namdrunner.core.lifecycle;

import java.time.Instant;
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
 */
public final class StateEvidence {

    private StateEvidence() {
    }

    /**
     * @return the update, or empty when the stored job already says all of this (then nothing is written)
     */
    public static Optional<JobUpdate> apply(Job job, SchedulerJobState reported, Instant now) {
        JobStatus next = reported.status();
        Job.Builder b = job.toBuilder()
                .slurmState(reported.rawState())
                .slurmReason(reported.reason())
                .missingSince(null);
        if (reported.start() != null && job.startedAt().isEmpty()) {
            b.startedAt(reported.start());
        }
        boolean moves = next != job.status() && job.status().canMoveTo(next);
        if (moves) {
            if (next == JobStatus.RUNNING && job.startedAt().isEmpty() && reported.start() == null) {
                b.startedAt(now);
            }
            if (next.isTerminal()) {
                b.completedAt(reported.end() != null ? reported.end() : now);
                if (next.isFailure()) {
                    b.error(new ErrorInfo(next.name(), FailureExplanation.of(next, reported), orEmpty(reported.exitCode()), now));
                }
            }
        }
        Job candidate = b.updatedAt(job.updatedAt()).build();
        if (!moves && candidate.equals(job)) {
            return Optional.empty();
        }
        Job updated = candidate.toBuilder().status(moves ? next : job.status()).updatedAt(now).build();
        if (!moves) {
            return Optional.of(JobUpdate.fieldsOnly(updated));
        }
        StatusChange change = new StatusChange(job.id(), job.status(), next, now, StatusSource.SLURM, detail(reported));
        return Optional.of(JobUpdate.statusChange(updated, change));
    }

    /**
     * Whether {@link #apply} would return an update for a job with these stored fields: the status may move to
     * the reported one, or the raw state, the reason, a first start time or a cleared {@code missingSince} would
     * be new. A sync asks this first and reads the whole job only when the answer is yes (StateEvidenceTest checks
     * that the two agree).
     */
    public static boolean changes(PolledJob stored, SchedulerJobState reported) {
        JobStatus next = reported.status();
        return next != stored.status() && stored.status().canMoveTo(next)
                || !Objects.equals(stored.slurmState(), emptyToNull(reported.rawState()))
                || !Objects.equals(stored.slurmReason(), emptyToNull(reported.reason()))
                || stored.missingSince() != null
                || reported.start() != null && !stored.started();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** What the history row keeps as evidence: the raw state, reason and exit code as reported. */
    static String detail(SchedulerJobState s) {
        StringBuilder sb = new StringBuilder(s.origin() == SchedulerJobState.Origin.QUEUE ? "squeue: " : "sacct: ");
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
