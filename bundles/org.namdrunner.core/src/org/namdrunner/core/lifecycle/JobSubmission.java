package org.namdrunner.core.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.FailureKind;
import org.namdrunner.core.cluster.RemotePaths;
import org.namdrunner.core.model.ErrorInfo;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.StatusChange;
import org.namdrunner.core.model.StatusSource;
import org.namdrunner.core.scheduler.JobTag;
import org.namdrunner.core.scheduler.Scheduler;
import org.namdrunner.core.scheduler.SchedulerJobState;
import org.namdrunner.core.store.JobStore;
import org.namdrunner.core.store.JobUpdate;
import org.namdrunner.core.store.StoreException;

/**
 * Submitting one job ({@link JobService#submit}): the project folder copied to scratch, sbatch with the job's tag, and
 * what follows each way it can end. Refused: the job is CREATED again with the reason, its scratch copy removed. No
 * answer: SLURM is asked for the tag, so a job is never queued twice (see {@link #afterUncertainSubmit}).
 */
final class JobSubmission {

    private final JobStore store;
    private final Scheduler scheduler;
    private final Clock clock;

    JobSubmission(JobStore store, Scheduler scheduler, Clock clock) {
        this.store = store;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /**
     * Submits {@code job} (CREATED, or SUBMITTING without a SLURM id when {@code retry}) on {@code c}, waiting for SLURM
     * job {@code afterOk} to succeed (null: for none).
     */
    Job submit(ClusterConnection c, Job job, boolean retry, String afterOk, IProgressMonitor monitor) throws ClusterException, StoreException {
        SubMonitor sub = SubMonitor.convert(monitor, "Submitting", 10);
        String jobId = job.id();
        if (retry) {
            Optional<SchedulerJobState> queued = UncertainSubmission.find(scheduler, c, job);
            if (queued.isPresent()) {
                return adopt(job, queued.get(), "found by its tag before submitting again");
            }
        }
        Instant now = clock.instant();
        Job submitting = job.toBuilder().status(JobStatus.SUBMITTING).updatedAt(now).error(null).build();
        if (retry) {
            apply(JobUpdate.fieldsOnly(submitting));
        } else {
            apply(JobUpdate.statusChange(submitting, new StatusChange(jobId, JobStatus.CREATED, JobStatus.SUBMITTING, now,
                    StatusSource.USER, "submit")));
        }
        String scratch = job.scratchDir().orElseThrow();
        try {
            RemoteFiles.copyContents(c, job.projectDir().orElseThrow(), scratch, sub.split(4));
        } catch (ClusterException | RuntimeException e) {
            rollBack(c, submitting, scratch, StatusSource.LOCAL, "copy to scratch failed: " + e.getMessage(), e);
            throw e;
        }
        String slurmId;
        try {
            slurmId = scheduler.submit(c, scratch, RemotePaths.join(scratch, JobFolders.SCRIPTS, scheduler.scriptFileName()),
                    new JobTag(jobId), afterOk, sub.split(4));
        } catch (ClusterException e) {
            if (!e.isTransient() && e.kind() != FailureKind.CANCELLED) {
                rollBack(c, submitting, scratch, StatusSource.SLURM, "sbatch refused: " + e.getMessage(), e);
                throw e;
            }
            return afterUncertainSubmit(c, submitting, e);
        } catch (OperationCanceledException e) {
            return afterUncertainSubmit(c, submitting, e);
        } catch (RuntimeException e) {
            rollBack(c, submitting, scratch, StatusSource.LOCAL, "sbatch failed: " + e.getMessage(), e);
            throw e;
        }
        Instant at = clock.instant();
        Job pending = submitting.toBuilder().status(JobStatus.PENDING).slurmId(slurmId).submittedAt(at).updatedAt(at).build();
        apply(JobUpdate.statusChange(pending, new StatusChange(jobId, JobStatus.SUBMITTING, JobStatus.PENDING, at,
                StatusSource.SLURM, "sbatch: Submitted batch job " + slurmId + (afterOk == null ? "" : ", after job " + afterOk + " succeeds"))));
        try {
            c.writeFile(RemotePaths.join(job.projectDir().orElseThrow(), JobFolders.JOB_INFO), JobInfoJson.write(pending), sub.split(2));
        } catch (ClusterException e) {
            // the job runs; job_info.json only lacks the SLURM id, which rediscovery can live without
        }
        return pending;
    }

    /**
     * sbatch was sent but its answer did not come back (cancelled, session dropped, timeout): SLURM is asked for the
     * job by its tag. Found: the job is PENDING under that id. Not found, or SLURM cannot be asked: the job stays
     * SUBMITTING with its scratch copy and a note, and the original failure is thrown; the next Submit asks again
     * before it runs sbatch, so the job never runs twice in its scratch folder.
     */
    private Job afterUncertainSubmit(ClusterConnection c, Job submitting, Exception cause) throws ClusterException, StoreException {
        String what = cause instanceof OperationCanceledException
                || (cause instanceof ClusterException ce && ce.kind() == FailureKind.CANCELLED)
                        ? "Submit was cancelled while sbatch ran" : "The cluster stopped answering while sbatch ran (" + cause.getMessage() + ")";
        String afterwards;
        try {
            Optional<SchedulerJobState> queued = UncertainSubmission.find(scheduler, c, submitting);
            if (queued.isPresent()) {
                return adopt(submitting, queued.get(), what.toLowerCase().charAt(0) + what.substring(1) + "; found by its tag");
            }
            afterwards = "SLURM has no job with its tag (squeue and sacct asked), so it was not queued.";
        } catch (ClusterException e) {
            afterwards = "SLURM could not be asked whether it was queued (" + e.getMessage() + ").";
        }
        Instant at = clock.instant();
        apply(JobUpdate.fieldsOnly(submitting.toBuilder().updatedAt(at).error(new ErrorInfo("SUBMIT", what + ". " + afterwards
                + " Press Submit again: it first looks for the job by its tag on the cluster and only submits when none is there.",
                "", at)).build()));
        if (cause instanceof ClusterException ce) {
            throw ce;
        }
        throw (OperationCanceledException) cause;
    }

    /** SUBMITTING → PENDING under the SLURM id a tag search found; the next sync takes the state from there. */
    private Job adopt(Job submitting, SchedulerJobState found, String how) throws StoreException {
        Instant at = clock.instant();
        Job pending = submitting.toBuilder().status(JobStatus.PENDING).slurmId(found.slurmId()).submittedAt(at).updatedAt(at)
                .error(null).build();
        apply(JobUpdate.statusChange(pending, new StatusChange(submitting.id(), JobStatus.SUBMITTING, JobStatus.PENDING, at,
                StatusSource.SLURM, "SLURM job " + found.slurmId() + " (" + found.rawState() + ") " + how)));
        return pending;
    }

    /** SUBMITTING → CREATED with the reason, scratch copy removed: the job is as it was before Submit. */
    private void rollBack(ClusterConnection c, Job submitting, String scratch, StatusSource source, String detail, Exception cause) throws StoreException {
        Instant at = clock.instant();
        RemoteFiles.removeQuietly(c, scratch);
        Job back = submitting.toBuilder().status(JobStatus.CREATED).updatedAt(at)
                .error(new ErrorInfo("SUBMIT", cause.getMessage() == null ? cause.toString() : cause.getMessage(), "", at)).build();
        apply(JobUpdate.statusChange(back, new StatusChange(submitting.id(), JobStatus.SUBMITTING, JobStatus.CREATED, at,
                source, detail)));
    }

    private void apply(JobUpdate update) throws StoreException {
        var result = store.apply(List.of(update));
        if (!result.conflicts().isEmpty()) {
            throw new StoreException("Job " + update.job().name() + " was changed by another NAMDRunner window; try again.");
        }
    }
}
