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
 * @param submitted when SLURM accepted it (squeue {@code %V}, sacct {@code Submit}), may be null
 * @param start    when it started (squeue {@code %S} only for a job that has started: for a pending one it is an
 *                 expected start, and the parser leaves it null), may be null
 * @param end      when it ended, may be null
 * @param elapsed  run time so far, may be null
 * @param timeLeft remaining walltime, may be null (also for UNLIMITED)
 * @param nodes    node count, may be null
 * @param cpus     CPU count, may be null
 * @param nodeList node list, may be null
 * @param workDir  working directory, may be null
 * @param jobName  the SLURM job name, may be null
 * @param comment  the job's comment, where NAMDRunner's tag is ({@link JobTag}); null when empty or not reported
 *                 (sacct reports it only with {@code AccountingStoreFlags=job_comment})
 * @param origin   which command reported it
 */
public record SchedulerJobState(String slurmId, JobStatus status, String rawState, String reason, String exitCode,
        Instant submitted, Instant start, Instant end, Duration elapsed, Duration timeLeft, Integer nodes, Integer cpus,
        String nodeList, String workDir, String jobName, String comment, Origin origin) {

    /** The command that reported a state. */
    public enum Origin {
        /** squeue: the controller's live view. */
        QUEUE,
        /** sacct: the accounting database. */
        ACCOUNTING,
        /** the job's own record in its folder (the batch script writes it when it ends): no SLURM command knew it */
        JOB_RECORD
    }

    public SchedulerJobState {
        Objects.requireNonNull(slurmId, "slurmId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(rawState, "rawState");
        Objects.requireNonNull(origin, "origin");
    }
}
