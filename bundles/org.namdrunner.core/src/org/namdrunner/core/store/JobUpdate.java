package org.namdrunner.core.store;

import java.util.List;
import java.util.Objects;

import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.StatusChange;

/**
 * One element of a batch: the job as it should be stored, and the status changes that led there, oldest first
 * (empty when only other fields changed, e.g. a new pending reason). A poll may see more than one change at once: a
 * short job that started and failed between two polls gets PENDING → RUNNING and RUNNING → FAILED, each at SLURM's
 * time.
 *
 * @param job             the new row
 * @param expectedStatus  the status the stored row must still have for the update to apply
 * @param changes         the history entries to append: a chain from {@code expectedStatus} to the job's status
 */
public record JobUpdate(Job job, JobStatus expectedStatus, List<StatusChange> changes) {

    public JobUpdate {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(expectedStatus, "expectedStatus");
        changes = List.copyOf(changes);
        JobStatus at = expectedStatus;
        for (StatusChange c : changes) {
            if (!c.jobId().equals(job.id())) {
                throw new IllegalArgumentException("Change for " + c.jobId() + " attached to job " + job.id());
            }
            if (c.from() != at) {
                throw new IllegalArgumentException("Change " + c.from() + "->" + c.to() + " of job " + job.id()
                        + " does not follow " + at);
            }
            at = c.to();
        }
        if (at != job.status()) {
            throw new IllegalArgumentException(changes.isEmpty() ? "Status of job " + job.id() + " changes without a history entry"
                    : "Changes of job " + job.id() + " end at " + at + ", not at its status " + job.status());
        }
    }

    /** A status change with its history entry. */
    public static JobUpdate statusChange(Job updated, StatusChange change) {
        return new JobUpdate(updated, change.from(), List.of(change));
    }

    /** Several status changes seen at once, oldest first. */
    public static JobUpdate statusChanges(Job updated, List<StatusChange> changes) {
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("no status change for job " + updated.id());
        }
        return new JobUpdate(updated, changes.get(0).from(), changes);
    }

    /** A change of other fields only; the status stays. */
    public static JobUpdate fieldsOnly(Job updated) {
        return new JobUpdate(updated, updated.status(), List.of());
    }

    /** The last status change, or {@code null} when the status stays. */
    public StatusChange change() {
        return changes.isEmpty() ? null : changes.get(changes.size() - 1);
    }
}
