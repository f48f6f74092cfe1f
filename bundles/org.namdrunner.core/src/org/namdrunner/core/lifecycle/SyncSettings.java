package org.namdrunner.core.lifecycle;

import java.time.Duration;

/**
 * How patient the synchronizer is.
 *
 * @param missingGrace how long a job may be absent from both squeue and sacct (accounting lag, a purged
 *                     controller record) before it is shown as UNKNOWN; it is still checked afterwards
 */
public record SyncSettings(Duration missingGrace) {

    public static SyncSettings defaults() {
        return new SyncSettings(Duration.ofMinutes(10));
    }
}
