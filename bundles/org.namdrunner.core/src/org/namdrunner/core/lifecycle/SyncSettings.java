package org.namdrunner.core.lifecycle;

import java.time.Duration;
import java.util.Objects;

/**
 * How patient the synchronizer is.
 *
 * @param missingGrace      how long a job may be absent from both squeue and sacct (accounting lag, a purged
 *                          controller record) before it is shown as UNKNOWN; it is still checked afterwards
 * @param preemptionRequeue on a site that requeues preempted jobs ({@code PreemptMode=REQUEUE}): how long after SLURM's
 *                          preemption time a PREEMPTED job is still watched for its requeue before PREEMPTED counts
 *                          as final; {@link Duration#ZERO} (the default) where preemption ends a job
 */
public record SyncSettings(Duration missingGrace, Duration preemptionRequeue) {

    public SyncSettings {
        Objects.requireNonNull(missingGrace, "missingGrace");
        Objects.requireNonNull(preemptionRequeue, "preemptionRequeue");
    }

    public SyncSettings(Duration missingGrace) {
        this(missingGrace, Duration.ZERO);
    }

    public static SyncSettings defaults() {
        return new SyncSettings(Duration.ofMinutes(10));
    }
}
