package org.namdrunner.core.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.namdrunner.core.model.ErrorInfo;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.scheduler.SchedulerJobState;
import org.namdrunner.core.store.JobUpdate;
import org.namdrunner.core.store.PolledJob;

/**
 * The note on a job whose SLURM id now names another job (SLURM's ids started again after its state was lost, or
 * the id was typed in by hand): the job is not moved, and the person is told what differs and what to do.
 */
final class IdentityNote {

    static final String CODE = "IDENTITY";

    private IdentityNote() {
    }

    static String text(PolledJob job, SchedulerJobState reported, List<String> mismatches) {
        return "SLURM job " + reported.slurmId() + " is no longer job " + job.name() + " (" + job.id() + "): "
                + String.join("; ", mismatches) + ". The job was left as it was (" + job.status().label()
                + "); SLURM may have lost its state and given the id to a new job. Look for the job with squeue/sacct "
                + "on the cluster, or delete it here if it is gone.";
    }

    /** The note as the job's error, written once: empty when the job already carries it. */
    static Optional<JobUpdate> update(Job job, String note, Instant now) {
        if (job.error().filter(e -> CODE.equals(e.type()) && note.equals(e.message())).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(JobUpdate.fieldsOnly(job.toBuilder().error(new ErrorInfo(CODE, note, "", now)).updatedAt(now).build()));
    }
}
