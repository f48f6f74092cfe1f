package org.namdrunner.core.lifecycle;

import java.time.Instant;
import java.util.Optional;

import org.namdrunner.core.store.JobStore;
import org.namdrunner.core.store.StoreException;

/**
 * Whether a cluster's stored statuses are fresh: the last successful sync and the last failure, kept as
 * store metadata so that a restarted workbench still shows that data is stale.
 */
public final class SyncHealth {

    private SyncHealth() {
    }

    static String key(String profileId, String what) {
        return "sync." + profileId + "." + what;
    }

    static void recordSuccess(JobStore store, String profileId, Instant at) throws StoreException {
        store.putMetadata(key(profileId, "lastSuccess"), at.toString());
        store.putMetadata(key(profileId, "lastError"), "");
    }

    static void recordFailure(JobStore store, String profileId, Instant at, String message) throws StoreException {
        store.putMetadata(key(profileId, "lastFailure"), at.toString());
        store.putMetadata(key(profileId, "lastError"), message == null ? "sync failed" : message);
    }

    /** The last successful sync of a cluster, if any. */
    public static Optional<Instant> lastSuccess(JobStore store, String profileId) throws StoreException {
        return store.metadata(key(profileId, "lastSuccess")).filter(s -> !s.isEmpty()).map(Instant::parse);
    }

    /** The error of the last sync when it failed; empty when the last sync succeeded. */
    public static Optional<String> staleBecause(JobStore store, String profileId) throws StoreException {
        return store.metadata(key(profileId, "lastError")).filter(s -> !s.isEmpty());
    }
}
