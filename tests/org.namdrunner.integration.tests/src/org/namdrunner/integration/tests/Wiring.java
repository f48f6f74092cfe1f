package org.namdrunner.integration.tests;

import java.nio.file.Path;

import org.namdrunner.core.cluster.ClusterConnectionProvider;
import org.namdrunner.core.store.JobStore;
import org.namdrunner.core.store.StoreException;
import org.namdrunner.persistence.SqliteJobStore;
import org.namdrunner.ssh.SshConnectionProvider;
import org.namdrunner.testing.ScriptedPrompter;
import org.namdrunner.testing.TestCluster;

/** The real implementations, constructed directly (the product gets the same ones as OSGi services). */
final class Wiring {

    private Wiring() {
    }

    static JobStore openStore(Path file) throws StoreException {
        return SqliteJobStore.open(file);
    }

    static ClusterConnectionProvider connections(TestCluster cluster) {
        return new SshConnectionProvider(new ScriptedPrompter(), cluster.knownHosts(), null);
    }
}
