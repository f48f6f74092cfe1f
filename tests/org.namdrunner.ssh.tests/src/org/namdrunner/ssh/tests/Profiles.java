package org.namdrunner.ssh.tests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.ClusterProfile.AuthMethod;
import org.namdrunner.core.cluster.RetryPolicy;

/** Variations of a test profile, and a retry policy that records its waits instead of sleeping them. */
final class Profiles {

    private Profiles() {
    }

    static ClusterProfile login(ClusterProfile p, String id, String host, int port, String user, AuthMethod method, String keyFile) {
        return new ClusterProfile(id, p.name(), host, port, user, method, keyFile, p.transferHost(), p.commandPrefix(),
                p.moduleLines(), p.partitions(), p.qos(), p.accounts(), p.projectsRoot(), p.scratchRoot(), p.coresPerNode(),
                p.memoryPerNodeMb(), p.maxWalltime(), p.pollInterval());
    }

    static ClusterProfile withKey(ClusterProfile p, String keyFile) {
        return login(p, p.id() + "-k", p.host(), p.port(), p.user(), p.authMethod(), keyFile);
    }

    static ClusterProfile withMethod(ClusterProfile p, AuthMethod method) {
        return login(p, p.id() + "-m", p.host(), p.port(), p.user(), method, p.keyFile());
    }

    static ClusterProfile withTransferHost(ClusterProfile p, String transferHost) {
        return new ClusterProfile(p.id() + "-t", p.name(), p.host(), p.port(), p.user(), p.authMethod(), p.keyFile(), transferHost,
                p.commandPrefix(), p.moduleLines(), p.partitions(), p.qos(), p.accounts(), p.projectsRoot(), p.scratchRoot(),
                p.coresPerNode(), p.memoryPerNodeMb(), p.maxWalltime(), p.pollInterval());
    }

    /** Three attempts like the standard policy, but the waits are recorded, not slept. */
    static final class RecordingRetry {
        final List<Duration> waits = new ArrayList<>();
        final RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(30), new Random(5),
                d -> {
                    synchronized (waits) {
                        waits.add(d);
                    }
                });
    }
}
