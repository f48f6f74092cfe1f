package org.namdrunner.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.lifecycle.StatusSynchronizer;
import org.namdrunner.core.lifecycle.SyncReport;
import org.namdrunner.core.lifecycle.SyncSettings;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.slurm.SlurmScheduler;
import org.namdrunner.testing.BuiltInProfiles;
import org.namdrunner.testing.TestCluster;

/**
 * Benchmark, not a timed test: what one poll of 100 jobs costs through the twin's latency path (netns + veth,
 * ~40 ms round trip, Lmod prefix), against OpenSSH doing the same squeue behind the same prefix in a new
 * connection, and against {@code ssh host true}, all in the same run (medians of alternating rounds). Writes
 * {@code target/benchmarks/latency.md} for ./benchmark.sh. Asserts only that the work was done.
 */
class LatencyPollBenchmarkTest {

    private static final int JOBS = 100;
    private static final int RUNS = Integer.getInteger("namdrunner.benchmark.rounds", 5);

    @Test
    void aPollOf100JobsThroughTheLatencyPathAgainstOpenSsh() throws Exception {
        TestCluster cluster = TestCluster.load();
        String latHost = cluster.get("latencyHost");
        assertTrue(!latHost.isEmpty(), "the twin has no latency path (latencyHost is empty; see tests/cluster/README.md)");
        int latPort = Integer.parseInt(cluster.get("latencyPort"));
        ClusterProfile far = BuiltInProfiles.with(cluster.profile("latency"), Map.of("host", latHost, "port", latPort));
        Path dir = Files.createTempDirectory("namdrunner-latency");
        try (Harness h = new Harness(cluster, far, dir.resolve("bench.db"), Duration.ofMinutes(10))) {
            List<String> ids = SyncBenchmarkTest.submitHeld(h, JOBS);
            try {
                SyncBenchmarkTest.seed(h.store, ids, h.profile.id());
                StatusSynchronizer sync = new StatusSynchronizer(h.store, new SlurmScheduler(), SyncSettings.defaults(), Clock.systemUTC());
                sync.syncCluster(h.connection, new NullProgressMonitor());   // warm-up: logs in, first poll writes the reasons
                String squeue = "squeue --noheader --states=all --jobs=" + String.join(",", ids) + " --format='%i|%T'";
                List<String> sshBase = List.of("ssh", "-p", Integer.toString(latPort), "-i", cluster.get("key"), "-o", "BatchMode=yes",
                        "-o", "IdentitiesOnly=yes", "-o", "UserKnownHostsFile=" + cluster.get("knownHosts"), "-o", "StrictHostKeyChecking=yes",
                        "-o", "LogLevel=ERROR", cluster.get("user") + "@" + latHost);
                double[] poll = new double[RUNS];
                double[] sshModule = new double[RUNS];
                double[] sshTrue = new double[RUNS];
                for (int run = 0; run < RUNS; run++) {
                    for (int step = 0; step < 3; step++) {
                        int which = (step + run) % 3;
                        long t0 = System.nanoTime();
                        if (which == 0) {
                            SyncReport r = sync.syncCluster(h.connection, new NullProgressMonitor());
                            poll[run] = (System.nanoTime() - t0) / 1e6;
                            assertTrue(r.succeeded(), r.status().toString());
                            assertEquals(JOBS, r.asked());
                        } else if (which == 1) {
                            String out = ssh(sshBase, far.commandPrefix() + " && " + squeue);
                            sshModule[run] = (System.nanoTime() - t0) / 1e6;
                            assertEquals(JOBS, out.lines().count(), out);
                        } else {
                            ssh(sshBase, "true");
                            sshTrue[run] = (System.nanoTime() - t0) / 1e6;
                        }
                    }
                }
                double p = SyncBenchmarkTest.median(poll);
                double m = SyncBenchmarkTest.median(sshModule);
                double t = SyncBenchmarkTest.median(sshTrue);
                String title = String.format("Poll of %d jobs through the latency path (%s, %s ms each way; median of %d alternating rounds)",
                        JOBS, cluster.get("latencyMethod"), cluster.get("latencyOneWayMs"), RUNS);
                String md = "| what | ms | NAMDRunner poll / this |\n| --- | ---: | ---: |\n"
                        + String.format("| NAMDRunner poll (open session, prefix + squeue + sacct as needed) | %.0f | 1.00× |%n", p)
                        + String.format("| `ssh host '%s && squeue …'` (OpenSSH, new connection) | %.0f | %.2f× |%n", far.commandPrefix(), m, p / m)
                        + String.format("| `ssh host true` (OpenSSH, new connection) | %.0f | %.2f× |%n", t, p / t);
                System.out.println(title + ":\n" + md);
                Path out = Path.of(System.getProperty("namdrunner.repoRoot", "."), "tests/org.namdrunner.integration.tests/target/benchmarks");
                Files.createDirectories(out);
                Files.writeString(out.resolve("latency.md"), title + "\n\n" + md
                        + String.format("%nraw: poll %.1f, ssh+module+squeue %.1f, ssh true %.1f ms%n", p, m, t));
            } finally {
                h.slurm("scancel " + String.join(" ", ids));
                for (Job j : h.store.list(JobFilter.all())) {
                    h.store.delete(j.id());
                }
            }
        }
    }

    private static String ssh(List<String> base, String command) throws Exception {
        List<String> cmd = new ArrayList<>(base);
        cmd.add(command);
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ssh did not finish");
        assertEquals(0, p.exitValue(), String.join(" ", cmd));
        return out;
    }
}
