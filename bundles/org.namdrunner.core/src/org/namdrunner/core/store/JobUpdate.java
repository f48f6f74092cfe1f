package org.namdrunner.core.store;

import java.util.Objects;

import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.StatusChange;

/**
 * One element of a batch: the job as it should be stored, and the status change that led there
 * ({@code null} when only other fields changed, e.g. a new pending reason).
 *
 * @param job             the new row
 * @param expectedStatus  the status the stored row must still have for the update to apply
 * @param change          the history entry to append, or {@code null}
 */
public record JobUpdate(Job job, JobStatus expectedStatus, StatusChange change) {

    public JobUpdate {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(expectedStatus, "expectedStatus");
        if (change != null) {
            if (!change.jobId().equals(job.id())) {
                throw new IllegalArgumentException("Change for " + change.jobId() + " attached to job " + job.id());
            }
            if (change.to() != job.status() || change.from() != expectedStatus) {
                throw new IllegalArgumentException("Change " + change.from() + "->" + change.to()
                        + " does not match job " + job.id() + " (" + expectedStatus + "->" + job.status() + ")");
            }
        } else if (job.status() != expectedStatus) {
            throw new IllegalArgumentException("Status of job " + job.id() + " changes without a history entry");
        }
    }

    /** A status change with its history entry. */
    public static JobUpdate statusChange(Job updated, StatusChange change) {
        return new JobUpdate(updated, change.from(), change);
    }

    /** A change of other fields only; the status stays. */
    public static JobUpdate fieldsOnly(Job updated) {
        return new JobUpdate(updated, updated.status(), null);
    }
}
