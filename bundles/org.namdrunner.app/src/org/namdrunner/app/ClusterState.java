package org.namdrunner.app;

import java.time.Instant;

/**
 * How fresh the statuses of one cluster are, for the status line and the stale marker of the Jobs view.
 *
 * @param profileId   the cluster profile
 * @param connected   whether its SSH session is open (as last seen by a background job)
 * @param lastSuccess the last successful sync, or null if there was none
 * @param lastError   why the last sync failed, or null when it succeeded
 * @param lastFailure when the last sync failed, or null
 * @param syncing     whether a sync a person asked for is running
 */
public record ClusterState(String profileId, boolean connected, Instant lastSuccess, String lastError, Instant lastFailure,
        boolean syncing) {

    public static ClusterState initial(String profileId) {
        return new ClusterState(profileId, false, null, null, null, false);
    }

    /** True when the last sync failed: the statuses shown may be out of date. */
    public boolean stale() {
        return lastError != null && !lastError.isEmpty();
    }

    ClusterState withSyncing(boolean s) {
        return new ClusterState(profileId, connected, lastSuccess, lastError, lastFailure, s);
    }

    ClusterState withConnected(boolean c) {
        return new ClusterState(profileId, c, lastSuccess, lastError, lastFailure, syncing);
    }

    ClusterState succeeded(Instant at, boolean c) {
        return new ClusterState(profileId, c, at, null, null, false);
    }

    ClusterState failed(Instant at, String error, boolean c) {
        return new ClusterState(profileId, c, lastSuccess, error, at, false);
    }
}
