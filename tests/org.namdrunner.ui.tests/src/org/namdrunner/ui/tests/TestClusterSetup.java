package org.namdrunner.ui.tests;

import java.io.IOException;
import java.time.Duration;

import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.store.StoreException;
import org.namdrunner.testing.TestCluster;
import org.namdrunner.app.Backend;

/**
 * Puts the local SLURM + SSH test cluster into the workbench as cluster profiles, with job folders private to
 * this run. The test JVM has its own home folder, so ~/.ssh/known_hosts starts empty: the first login shows
 * the host-key dialog.
 */
public final class TestClusterSetup {

    public static final String RUN = "ui-" + System.currentTimeMillis();

    private TestClusterSetup() {
    }

    public static TestCluster cluster() throws IOException {
        return TestCluster.load();
    }

    /** testuser with its key; polls every 5 s so that a test sees each state. */
    public static ClusterProfile keyProfile(String id, String name) throws IOException, StoreException {
        ClusterProfile p = cluster().profile(id, RUN);
        ClusterProfile named = new ClusterProfile(p.id(), name, p.host(), p.port(), p.user(), p.authMethod(), p.keyFile(),
                p.transferHost(), p.commandPrefix(), p.moduleLines(), p.partitions(), p.qos(), p.accounts(), p.projectsRoot(),
                p.scratchRoot(), p.coresPerNode(), p.memoryPerNodeMb(), p.maxWalltime(), Duration.ofSeconds(5));
        save(named);
        return named;
    }

    /** mfauser: password, then a one-time code (the test cluster's stand-in for Duo). */
    public static ClusterProfile mfaProfile(String id, String name) throws IOException, StoreException {
        ClusterProfile p = cluster().mfaProfile(id, RUN);
        ClusterProfile named = new ClusterProfile(p.id(), name, p.host(), p.port(), p.user(), p.authMethod(), p.keyFile(),
                p.transferHost(), p.commandPrefix(), p.moduleLines(), p.partitions(), p.qos(), p.accounts(), p.projectsRoot(),
                p.scratchRoot(), p.coresPerNode(), p.memoryPerNodeMb(), p.maxWalltime(), Duration.ofSeconds(30));
        save(named);
        return named;
    }

    private static void save(ClusterProfile p) throws StoreException {
        Backend b = Workbench.backend();
        b.profiles().save(p);
    }
}
