package org.namdrunner.core.cluster;

/**
 * Hands out the one shared connection of each cluster profile. Registered as an OSGi service by the
 * transport bundle.
 */
public interface ClusterConnectionProvider {

    /** The connection for this profile; it logs in lazily on first use. Never null. */
    ClusterConnection connectionFor(ClusterProfile profile);

    /** Closes every open connection. */
    void closeAll();
}
