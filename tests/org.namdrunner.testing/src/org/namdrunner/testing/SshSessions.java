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
        sessions().forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * Drops every session while the next command is on its way: the sessions' processes are stopped now (SIGSTOP: the
     * connections stay open, so a client that looks finds its session alive and sends the command) and killed
     * {@code after} from now, before they could answer. A kill right away races the client, which may notice the dead
     * session before it sends anything and log in again, as it should.
     */
    public static void killWhileTheNextCommandIsInFlight(java.time.Duration after) {
        java.util.List<ProcessHandle> stopped = sessions().toList();
        signal("-STOP", stopped);
        Thread killer = new Thread(() -> {
            try {
                Thread.sleep(after.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stopped.forEach(ProcessHandle::destroyForcibly);
        }, "kill sshd sessions");
        killer.setDaemon(true);
        killer.start();
    }

    private static java.util.stream.Stream<ProcessHandle> sessions() {
        try {
            long listener = Long.parseLong(Files.readString(TestCluster.BASE.resolve("run/sshd.pid")).strip());
            return ProcessHandle.of(listener).orElseThrow(() -> new IllegalStateException("sshd listener " + listener + " is not running"))
                    .descendants();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the sshd pid file under " + Path.of(TestCluster.BASE.toString()), e);
        }
    }

    private static void signal(String signal, java.util.List<ProcessHandle> processes) {
        if (processes.isEmpty()) {
            return;
        }
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("kill", signal));
        processes.forEach(p -> command.add(Long.toString(p.pid())));
        try {
            int rc = new ProcessBuilder(command).redirectErrorStream(true).start().waitFor();
            if (rc != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + rc);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }
}
