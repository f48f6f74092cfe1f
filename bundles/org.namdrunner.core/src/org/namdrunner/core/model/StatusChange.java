package org.namdrunner.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a job's status history: appended, never rewritten.
 *
 * @param jobId      the job
 * @param from       the status before; {@code null} for the first entry of a new job
 * @param to         the status after
 * @param at         when it happened (UTC): SLURM's own time (submit, start, end) when SLURM reported one, else
 *                   when it was observed
 * @param source     who caused it
 * @param detail     what the evidence was: raw SLURM state, reason, exit code, or a note; may be empty
 * @param observedAt when NAMDRunner saw it (the poll's time); equals {@code at} for changes made here
 */
public record StatusChange(String jobId, JobStatus from, JobStatus to, Instant at, StatusSource source, String detail,
        Instant observedAt) {

    public StatusChange {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(source, "source");
        detail = detail == null ? "" : detail;
        observedAt = observedAt == null ? at : observedAt;
        if (from != null && !from.canMoveTo(to)) {
            throw new IllegalStateException("Job " + jobId + " cannot move from " + from + " to " + to);
        }
    }

    /** A change that happened when it was observed (a person's action, a local decision). */
    public StatusChange(String jobId, JobStatus from, JobStatus to, Instant at, StatusSource source, String detail) {
        this(jobId, from, to, at, source, detail, at);
    }

    /** The first history entry of a job. */
    public static StatusChange created(String jobId, JobStatus status, Instant at) {
        return new StatusChange(jobId, null, status, at, StatusSource.LOCAL, "created");
    }
}
