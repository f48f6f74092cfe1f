package org.namdrunner.core.lifecycle;

import java.time.Duration;
import java.util.List;

import org.eclipse.core.runtime.IStatus;
import org.namdrunner.core.cluster.FailureKind;

/**
 * What one poll of one cluster did.
 *
 * @param profileId   the cluster
 * @param asked       how many jobs were asked about
 * @param changed     ids whose stored status changed
 * @param missing     ids neither squeue nor sacct knew this time (status kept)
 * @param unknown     ids that became UNKNOWN because they were missing for longer than the grace period
 * @param conflicts   ids skipped because another instance changed them meanwhile
 * @param flagged     ids whose SLURM id now names another job (comment, name or folder differ): not moved, a note
 *                    is on the job
 * @param problems    every problem of the poll in words a person can act on: output the parsers could not read,
 *                    a failed sacct, jobs whose SLURM id names another job (never fatal)
 * @param commands    remote commands issued
 * @param duration    wall time of the poll
 * @param status      OK, or the error that stopped the poll (stored state untouched)
 * @param failureKind null on success; TRANSIENT when trying again later may help
 */
public record SyncReport(String profileId, int asked, List<String> changed, List<String> missing, List<String> unknown,
        List<String> conflicts, List<String> flagged, List<String> problems, int commands, Duration duration, IStatus status, FailureKind failureKind) {

    public SyncReport {
        changed = List.copyOf(changed);
        missing = List.copyOf(missing);
        unknown = List.copyOf(unknown);
        conflicts = List.copyOf(conflicts);
        flagged = List.copyOf(flagged);
        problems = List.copyOf(problems);
    }

    public boolean succeeded() {
        return status.isOK();
    }
}
