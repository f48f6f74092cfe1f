package org.namdrunner.ui.tests;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.store.StoreException;
import org.namdrunner.testing.BuiltInProfiles;
import org.namdrunner.testing.TestCluster;
import org.namdrunner.app.Backend;

/**
 * Puts the Alpine twin into the workbench as copies of the built-in Alpine profile. The test JVM has its own home folder, so ~/.ssh/known_hosts starts empty: the first login shows
 * the host-key dialog.
 */
public final class TestClusterSetup {

    public static final String RUN = "ui-" + System.currentTimeMillis();

    private TestClusterSetup() {
    }

    public static TestCluster cluster() throws IOException {
        return TestCluster.load();
    }

    /**
     * The built-in Alpine profile on the twin for testuser with its key. Besides host, port, user, key and
     * transfer host, only the display name (several copies sit side by side in the workbench) and the poll
     * interval (5 s, so that a test sees each state) differ.
     */
    public static ClusterProfile keyProfile(String id, String name) throws IOException, StoreException {
        ClusterProfile named = BuiltInProfiles.with(cluster().profile(id), Map.of("name", name, "pollInterval", Duration.ofSeconds(5)));
        save(named);
        return named;
    }

    /** The built-in Alpine profile as shipped for ralphie@colostate.edu: password, then Duo's menu. */
    public static ClusterProfile mfaProfile(String id, String name) throws IOException, StoreException {
        ClusterProfile named = BuiltInProfiles.with(cluster().duoProfile(id), Map.of("name", name, "pollInterval", Duration.ofSeconds(30)));
        save(named);
        return named;
    }

    private static void save(ClusterProfile p) throws StoreException {
        Backend b = Workbench.backend();
        b.profiles().save(p);
    }
}
