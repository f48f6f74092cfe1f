package org.namdrunner.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a job's status history: appended, never rewritten.
 *
 * @param jobId  the job
 * @param from   the status before; {@code null} for the first entry of a new job
 * @param to     the status after
 * @param at     when the change was observed (UTC)
 * @param source who caused it
 * @param detail what the evidence was: raw SLURM state, reason, exit code, or a note; may be empty
 */
public record StatusChange(String jobId, JobStatus from, JobStatus to, Instant at, StatusSource source, String detail) {

    public StatusChange {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(source, "source");
        detail = detail == null ? "" : detail;
        if (from != null && !from.canMoveTo(to)) {
            throw new IllegalStateException("Job " + jobId + " cannot move from " + from + " to " + to);
        }
    }

    /** The first history entry of a job. */
    public static StatusChange created(String jobId, JobStatus status, Instant at) {
        return new StatusChange(jobId, null, status, at, StatusSource.LOCAL, "created");
    }
}
