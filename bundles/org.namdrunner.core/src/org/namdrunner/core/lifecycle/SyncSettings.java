package org.namdrunner.core.lifecycle;

import java.time.Duration;
import java.util.Objects;

/**
 * How patient the synchronizer is.
 *
 * How long a preempted job is watched for its requeue is site behaviour and lives in the cluster profile
 * ({@link org.namdrunner.core.cluster.ClusterProfile#preemptionRequeue()}).
 *
 * @param missingGrace how long a job may be absent from both squeue and sacct (accounting lag, a purged controller
 *                     record) before it is shown as UNKNOWN; it is still checked afterwards
 */
public record SyncSettings(Duration missingGrace) {

    public SyncSettings {
        Objects.requireNonNull(missingGrace, "missingGrace");
    }

    public static SyncSettings defaults() {
        return new SyncSettings(Duration.ofMinutes(10));
    }
}
