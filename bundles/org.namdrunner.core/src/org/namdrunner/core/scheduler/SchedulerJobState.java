package org.namdrunner.core.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.namdrunner.core.model.JobStatus;

/**
 * What the scheduler said about one job in one query. Everything but id, status and raw state may be
 * absent ({@code null}) because squeue and sacct report different fields, and SLURM prints
 * {@code Unknown}/{@code None} for times it does not have.
 *
 * @param slurmId  the job id
 * @param status   the mapped status; {@link JobStatus#UNKNOWN} when the raw state was not recognised
 * @param rawState the state exactly as printed, e.g. {@code CANCELLED by 1001} or {@code CANCELLED+}
 * @param reason   pending reason or sacct reason, may be null
 * @param exitCode {@code status:signal}, may be null
 * @param start    when it started, may be null
 * @param end      when it ended, may be null
 * @param elapsed  run time so far, may be null
 * @param timeLeft remaining walltime, may be null (also for UNLIMITED)
 * @param nodes    node count, may be null
 * @param cpus     CPU count, may be null
 * @param nodeList node list, may be null
 * @param workDir  working directory, may be null
 * @param origin   which command reported it
 */
public record SchedulerJobState(String slurmId, JobStatus status, String rawState, String reason, String exitCode,
        Instant start, Instant end, Duration elapsed, Duration timeLeft, Integer nodes, Integer cpus, String nodeList,
        String workDir, Origin origin) {

    /** The command that reported a state. */
    public enum Origin {
        /** squeue: the controller's live view. */
        QUEUE,
        /** sacct: the accounting database. */
        ACCOUNTING
    }

    public SchedulerJobState {
        Objects.requireNonNull(slurmId, "slurmId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(rawState, "rawState");
        Objects.requireNonNull(origin, "origin");
    }
}
