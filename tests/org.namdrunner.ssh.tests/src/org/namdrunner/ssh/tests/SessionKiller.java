package org.namdrunner.ssh.tests;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;

import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ExecResult;
import org.namdrunner.testing.TestCluster;

/**
 * Finds and kills, for real, the one sshd process that serves a given connection: the parent of the remote
 * shell ({@code $PPID}), checked to be an sshd descendant of the listener whose pid tests/cluster/start.sh
 * recorded. The listener and everybody else's sessions stay up.
 */
final class SessionKiller {

    private SessionKiller() {
    }

    /** The pid of the sshd process serving {@code c}'s session (it is on this machine: the cluster is local). */
    static long servingPid(ClusterConnection c) throws Exception {
        ExecResult r = c.exec("echo $PPID", Duration.ofSeconds(30), null);
        long pid = Long.parseLong(r.stdout().strip());
        long listener = Long.parseLong(Files.readString(TestCluster.BASE.resolve("run/sshd.pid")).strip());
        ProcessHandle p = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid));
        if (!p.info().commandLine().orElse("").contains("sshd")) {
            throw new AssertionError("process " + pid + " is not an sshd: " + p.info().commandLine().orElse("?"));
        }
        for (Optional<ProcessHandle> up = p.parent(); up.isPresent(); up = up.get().parent()) {
            if (up.get().pid() == listener) {
                return pid;
            }
        }
        throw new AssertionError("sshd process " + pid + " is not served by the test cluster's listener " + listener);
    }

    static boolean hasChild(long pid, String commandLinePart) {
        return ProcessHandle.of(pid).map(p -> p.descendants()
                .anyMatch(d -> d.info().commandLine().orElse("").contains(commandLinePart))).orElse(false);
    }

    static void kill(long pid) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
}
