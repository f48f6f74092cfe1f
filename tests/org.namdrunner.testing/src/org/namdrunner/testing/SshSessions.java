package org.namdrunner.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Kills, for real, the per-connection sshd processes of the test cluster (descendants of the listener whose
 * pid start.sh recorded), which drops every open session. The listener itself stays up.
 */
public final class SshSessions {

    private SshSessions() {
    }

    public static void killAll() {
        try {
            long listener = Long.parseLong(Files.readString(TestCluster.BASE.resolve("run/sshd.pid")).strip());
            ProcessHandle.of(listener).orElseThrow(() -> new IllegalStateException("sshd listener " + listener + " is not running"))
                    .descendants().forEach(ProcessHandle::destroyForcibly);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the sshd pid file under " + Path.of(TestCluster.BASE.toString()), e);
        }
    }
}
