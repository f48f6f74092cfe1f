package org.namdrunner.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Stops and starts the test cluster's real slurmctld, the way tests/cluster/start.sh does
 * ({@code start_slurm_daemon}): remove its pid file, run {@code /usr/sbin/slurmctld} (it forks), wait until the
 * pid file names a live slurmctld, copy it to {@code run/slurmctld.pid}. Other tests use the cluster, so a test
 * keeps the controller down only as long as it must and restarts it in a finally block.
 */
public final class SlurmController {

    private static final Path RUN = TestCluster.BASE.resolve("run");
    private static final Path DAEMON_PID = RUN.resolve("slurm/slurmctld.pid");
    private static final Path RECORDED_PID = RUN.resolve("slurmctld.pid");

    private SlurmController() {
    }

    /** SIGTERM to the recorded slurmctld (it saves its state), then waits until it has exited. */
    public static void stop() {
        try {
            long pid = Long.parseLong(Files.readString(RECORDED_PID).strip());
            ProcessHandle h = ProcessHandle.of(pid).filter(p -> isSlurmctld(pid))
                    .orElseThrow(() -> new IllegalStateException("slurmctld (pid " + pid + " in " + RECORDED_PID + ") is not running"));
            h.destroy();
            h.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not stop slurmctld: " + e.getMessage(), e);
        }
    }

    /** True when the recorded pid is a live slurmctld. */
    public static boolean isRunning() {
        try {
            long pid = Long.parseLong(Files.readString(RECORDED_PID).strip());
            return isSlurmctld(pid);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    /** Starts slurmctld exactly as start.sh does, unless it runs; then waits until {@code squeue} answers. */
    public static void startAndAwaitAnswer(Duration timeout) throws IOException, InterruptedException {
        if (!isRunning()) {
            Files.deleteIfExists(DAEMON_PID);
            ProcessBuilder pb = new ProcessBuilder("/usr/sbin/slurmctld");
            pb.environment().put("TZ", TestCluster.CLUSTER_TIME_ZONE);   // the twin's daemons run in Denver time
            Process p = pb
                    .redirectError(ProcessBuilder.Redirect.appendTo(TestCluster.BASE.resolve("log/slurmctld.stderr").toFile()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("/usr/sbin/slurmctld did not fork within 30 s");
            }
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!pidFileNamesSlurmctld()) {
                if (System.nanoTime() > end) {
                    throw new IllegalStateException("slurmctld wrote no pid file " + DAEMON_PID + " (see " + TestCluster.BASE.resolve("log") + ")");
                }
                Thread.sleep(200);
            }
            Files.copy(DAEMON_PID, RECORDED_PID, StandardCopyOption.REPLACE_EXISTING);
        }
        awaitSqueue(timeout);
    }

    /** Waits until {@code squeue -h} exits 0. */
    public static void awaitSqueue(Duration timeout) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            Process p = new ProcessBuilder(TestCluster.slurmCommand("squeue"), "-h", "-o", "%i").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return;
            }
            p.destroyForcibly();
            if (System.nanoTime() > end) {
                throw new IllegalStateException("squeue does not answer " + timeout + " after slurmctld was started");
            }
            Thread.sleep(200);
        }
    }

    private static boolean pidFileNamesSlurmctld() {
        try {
            String text = Files.readString(DAEMON_PID).strip();
            return !text.isEmpty() && isSlurmctld(Long.parseLong(text));
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    private static boolean isSlurmctld(long pid) {
        try {
            Path proc = Path.of("/proc", Long.toString(pid));
            return Files.readString(proc.resolve("comm")).strip().equals("slurmctld")
                    && Files.readAllLines(proc.resolve("status")).stream().noneMatch(l -> l.matches("State:\\s*Z.*"));
        } catch (IOException e) {
            return false;
        }
    }
}
