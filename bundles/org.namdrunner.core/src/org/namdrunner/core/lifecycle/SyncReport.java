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
 * @param problems    output the parsers could not read (logged, never fatal)
 * @param commands    remote commands issued
 * @param duration    wall time of the poll
 * @param status      OK, or the error that stopped the poll (stored state untouched)
 * @param failureKind null on success; TRANSIENT when trying again later may help
 */
public record SyncReport(String profileId, int asked, List<String> changed, List<String> missing, List<String> unknown,
        List<String> conflicts, List<String> problems, int commands, Duration duration, IStatus status, FailureKind failureKind) {

    public SyncReport {
        changed = List.copyOf(changed);
        missing = List.copyOf(missing);
        unknown = List.copyOf(unknown);
        conflicts = List.copyOf(conflicts);
        problems = List.copyOf(problems);
    }

    public boolean succeeded() {
        return status.isOK();
    }
}
