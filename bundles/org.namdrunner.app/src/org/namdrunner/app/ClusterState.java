package org.namdrunner.app;

import java.time.Instant;
import java.util.List;

/**
 * How fresh the statuses of one cluster are, for the status line and the stale marker of the Jobs view.
 *
 * @param profileId   the cluster profile
 * @param connected   whether its SSH session is open (as last seen by a background job)
 * @param lastSuccess the last successful sync, or null if there was none
 * @param lastError   why the last sync failed, or null when it succeeded
 * @param lastFailure when the last sync failed, or null
 * @param syncing     whether a sync a person asked for is running
 * @param problems    the problems of the last sync in words ({@link SyncProblems#of}), empty when there were none
 */
public record ClusterState(String profileId, boolean connected, Instant lastSuccess, String lastError, Instant lastFailure,
        boolean syncing, List<String> problems) {

    public ClusterState {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public static ClusterState initial(String profileId) {
        return new ClusterState(profileId, false, null, null, null, false, List.of());
    }

    /** True when the last sync failed: the statuses shown may be out of date. */
    public boolean stale() {
        return lastError != null && !lastError.isEmpty();
    }

    ClusterState withSyncing(boolean s) {
        return new ClusterState(profileId, connected, lastSuccess, lastError, lastFailure, s, problems);
    }

    ClusterState withConnected(boolean c) {
        return new ClusterState(profileId, c, lastSuccess, lastError, lastFailure, syncing, problems);
    }

    ClusterState succeeded(Instant at, boolean c, List<String> syncProblems) {
        return new ClusterState(profileId, c, at, null, null, false, syncProblems);
    }

    ClusterState failed(Instant at, String error, boolean c) {
        return new ClusterState(profileId, c, lastSuccess, error, at, false, List.of(error));
    }
}
