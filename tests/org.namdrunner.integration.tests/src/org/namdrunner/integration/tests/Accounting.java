package org.namdrunner.integration.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

import org.namdrunner.testing.TestCluster;

/**
 * Stops and starts the twin's real slurmdbd the way tests/cluster/start.sh does (pid files in run/ and run/slurm/):
 * the "no accounting" variant of the twin, for as short a time as a test needs (other tests share the cluster).
 */
final class Accounting {

    private static final Path RUN = TestCluster.BASE.resolve("run");
    private static final Path DAEMON_PID = RUN.resolve("slurm/slurmdbd.pid");
    private static final Path RECORDED_PID = RUN.resolve("slurmdbd.pid");

    private Accounting() {
    }

    static void stop() throws Exception {
        long pid = Long.parseLong(Files.readString(RECORDED_PID).strip());
        ProcessHandle h = ProcessHandle.of(pid).filter(p -> isSlurmdbd(pid))
                .orElseThrow(() -> new IllegalStateException("slurmdbd (pid " + pid + " in " + RECORDED_PID + ") is not running"));
        h.destroy();
        h.onExit().get(30, TimeUnit.SECONDS);
    }

    static void start() throws Exception {
        if (Files.exists(RECORDED_PID) && isSlurmdbd(Long.parseLong(Files.readString(RECORDED_PID).strip()))) {
            return;
        }
        Files.deleteIfExists(DAEMON_PID);
        ProcessBuilder pb = new ProcessBuilder("/usr/sbin/slurmdbd");
        pb.environment().put("TZ", TestCluster.CLUSTER_TIME_ZONE);
        Process p = pb.redirectError(ProcessBuilder.Redirect.appendTo(TestCluster.BASE.resolve("log/slurmdbd.stderr").toFile()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("/usr/sbin/slurmdbd did not fork within 30 s");
        }
        for (int i = 0; i < 100; i++) {
            if (Files.exists(DAEMON_PID) && !Files.readString(DAEMON_PID).isBlank()
                    && isSlurmdbd(Long.parseLong(Files.readString(DAEMON_PID).strip()))) {
                Files.copy(DAEMON_PID, RECORDED_PID, StandardCopyOption.REPLACE_EXISTING);
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("slurmdbd wrote no pid file " + DAEMON_PID);
    }

    private static boolean isSlurmdbd(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "comm")).strip().equals("slurmdbd");
        } catch (IOException e) {
            return false;
        }
    }
}
