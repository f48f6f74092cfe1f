package org.namdrunner.core.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.namdrunner.core.model.ChainLink;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.ReplicaLink;
import org.namdrunner.core.validation.InputRules;

/**
 * What a list of jobs shows of each job: its names, status, SLURM fields, times, walltime and the error message,
 * without the scratch folder, files, type parameters and the rest of the resources a whole {@link Job} carries. A list
 * of 100,000 jobs holds these (the same rules as {@link Job} for the id, name and SLURM id); the whole job is read ({@link JobStore#find}) when one is opened or acted on.
 *
 * @param id               the job id
 * @param name             the job's name
 * @param jobTypeId        the job type
 * @param clusterProfileId the cluster profile
 * @param status           the stored status
 * @param slurmId          the SLURM job id, or null before submission
 * @param slurmState       the raw state last reported, or null
 * @param slurmReason      the reason last reported, or null
 * @param createdAt        when the job was created
 * @param submittedAt      when it was submitted, or null
 * @param startedAt        when it started, or null
 * @param completedAt      when it ended, or null
 * @param projectDir       the job's folder on the cluster, or null before it was made
 * @param walltime         the walltime asked for
 * @param errorMessage     the stored error's message, or null
 * @param chain            the job's place in a chain of stages, or null
 * @param replica          the job's place in a set of replicas, or null
 */
public record JobSummary(String id, String name, String jobTypeId, String clusterProfileId, JobStatus status, String slurmId,
        String slurmState, String slurmReason, Instant createdAt, Instant submittedAt, Instant startedAt, Instant completedAt,
        String projectDir, Duration walltime, String errorMessage, ChainLink chain, ReplicaLink replica) {

    /** A summary of a job that is not a stage of a chain. */
    public JobSummary(String id, String name, String jobTypeId, String clusterProfileId, JobStatus status, String slurmId,
            String slurmState, String slurmReason, Instant createdAt, Instant submittedAt, Instant startedAt, Instant completedAt,
            String projectDir, Duration walltime, String errorMessage) {
        this(id, name, jobTypeId, clusterProfileId, status, slurmId, slurmState, slurmReason, createdAt, submittedAt, startedAt,
                completedAt, projectDir, walltime, errorMessage, null, null);
    }

    public JobSummary {
        InputRules.checkJobId(id);
        InputRules.checkJobName(name);
        Objects.requireNonNull(jobTypeId, "jobTypeId");
        Objects.requireNonNull(clusterProfileId, "clusterProfileId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(walltime, "walltime");
        slurmId = emptyToNull(slurmId);
        if (slurmId != null && !PolledJob.isSlurmId(slurmId)) {
            throw new InvalidInputException("slurmId", "'" + InputRules.printable(slurmId) + "' is not a SLURM job id.");
        }
        slurmState = emptyToNull(slurmState);
        slurmReason = emptyToNull(slurmReason);
        projectDir = emptyToNull(projectDir);
        errorMessage = emptyToNull(errorMessage);
    }

    /** The summary of a whole job. */
    public static JobSummary of(Job job) {
        return new JobSummary(job.id(), job.name(), job.jobTypeId(), job.clusterProfileId(), job.status(), job.slurmId().orElse(null),
                job.slurmState().orElse(null), job.slurmReason().orElse(null), job.createdAt(), job.submittedAt().orElse(null),
                job.startedAt().orElse(null), job.completedAt().orElse(null), job.projectDir().orElse(null), job.resources().walltime(),
                job.error().map(e -> e.message()).orElse(null), job.chain().orElse(null),
                job.replica().orElse(null));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
