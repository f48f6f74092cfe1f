package org.namdrunner.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ShellQuoting;
import org.namdrunner.core.lifecycle.StatusSynchronizer;
import org.namdrunner.core.lifecycle.SyncReport;
import org.namdrunner.core.lifecycle.SyncSettings;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.core.store.JobStore;
import org.namdrunner.slurm.SlurmScheduler;
import org.namdrunner.testing.TestCluster;

/**
 * Benchmark, not a timed test: a sync of N held jobs on the real cluster against a bare squeue of the same ids and
 * against the prototype's one-squeue-per-job, all in the same run. In every round the sync and the bare squeues run
 * back to back, in alternating order; the medians are compared. It prints the table that docs/benchmarks.md quotes
 * (also written to {@code target/benchmarks/sync.md} for ./benchmark.sh) and asserts only what must hold whatever the
 * machine: at most two commands, and an unchanged poll changes nothing.
 * <p>
 * Two bare squeues: the one of the issue ({@code %i|%T}, the least a sync could ask) is the baseline of the ratio;
 * the same squeue with NAMDRunner's own format shows what SLURM itself spends on the fields we read. The prototype's
 * one squeue per job is timed once at 10 and 100 jobs, and at 1,000 only with {@code -Dnamdrunner.benchmark.full=true}
 * (about 30 s; ./benchmark.sh sets it).
 */
class SyncBenchmarkTest {

    private static final int[] SIZES = { 10, 100, 1000 };
    private static final int RUNS = Integer.getInteger("namdrunner.benchmark.rounds", 5);
    private static final boolean FULL = Boolean.getBoolean("namdrunner.benchmark.full");

    @Test
    void syncCostStaysAtTwoCommandsWhateverTheNumberOfJobs() throws Exception {
        TestCluster cluster = TestCluster.load();
        Path dir = Files.createTempDirectory("namdrunner-bench");
        StringBuilder table = new StringBuilder(String.format("%n%-6s %9s %10s %17s %22s %20s %10s%n", "jobs", "commands",
                "sync (ms)", "bare squeue (ms)", "same format squeue (ms)", "squeue per job (ms)", "sync/bare"));
        StringBuilder md = new StringBuilder("| jobs | remote commands | sync (ms) | bare squeue `%i\\|%T` (ms) | squeue with our format (ms) "
                + "| one squeue per job (ms) | sync / bare squeue |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        try (Harness h = new Harness(cluster, cluster.profile("bench"), dir.resolve("bench.db"),
                Duration.ofMinutes(10))) {
            for (int n : SIZES) {
                List<String> ids = submitHeld(h, n);
                try {
                    seed(h.store, ids, h.profile.id());
                    StatusSynchronizer sync = new StatusSynchronizer(h.store, new SlurmScheduler(), SyncSettings.defaults(), Clock.systemUTC());
                    sync.syncCluster(h.connection, new NullProgressMonitor());   // warm-up: the first poll writes the reasons
                    double[] syncRuns = new double[RUNS];
                    double[] bareRuns = new double[RUNS];
                    double[] sameFormatRuns = new double[RUNS];
                    SyncReport report = null;
                    String idList = String.join(",", ids);
                    String bareCommand = "squeue --noheader --states=all --jobs=" + idList + " --format='%i|%T'";
                    String sameFormatCommand = "squeue --noheader --states=all --jobs=" + idList + " --format='%i|%T|%r|%M|%L|%D|%C|%N|%Z'";
                    for (int run = 0; run < RUNS; run++) {
                        for (int step = 0; step < 3; step++) {
                            int which = (step + run) % 3;   // rotate who goes first
                            long t0 = System.nanoTime();
                            if (which == 0) {
                                report = sync.syncCluster(h.connection, new NullProgressMonitor());
                                syncRuns[run] = (System.nanoTime() - t0) / 1e6;
                                assertTrue(report.succeeded(), report.status().toString());
                                assertEquals(n, report.asked());
                                assertTrue(report.commands() <= 2, n + " jobs took " + report.commands() + " commands");
                                assertTrue(report.changed().isEmpty(), "a poll of unchanged jobs changes nothing");
                            } else if (which == 1) {
                                String bare = h.slurm(bareCommand).stdout();
                                bareRuns[run] = (System.nanoTime() - t0) / 1e6;
                                assertEquals(n, bare.lines().count());
                            } else {
                                String same = h.slurm(sameFormatCommand).stdout();
                                sameFormatRuns[run] = (System.nanoTime() - t0) / 1e6;
                                assertEquals(n, same.lines().count());
                            }
                        }
                    }
                    double syncMs = median(syncRuns);
                    double bareMs = median(bareRuns);
                    double sameMs = median(sameFormatRuns);

                    double perJobMs = Double.NaN;
                    if (n <= 100 || FULL) {
                        long t0 = System.nanoTime();
                        for (String id : ids) {
                            h.slurm("squeue --noheader --jobs=" + id + " --format='%i|%T'");
                        }
                        perJobMs = (System.nanoTime() - t0) / 1e6;
                    }
                    String perJob = Double.isNaN(perJobMs) ? "(not run)" : String.format("%.0f", perJobMs);
                    table.append(String.format("%-6d %9d %10.0f %17.0f %22.0f %20s %10.2f%n", n, report.commands(), syncMs, bareMs,
                            sameMs, perJob, syncMs / bareMs));
                    md.append(String.format("| %,d | %d | %.0f | %.0f | %.0f | %s | %.2f× |%n", n, report.commands(), syncMs, bareMs, sameMs,
                            perJob, syncMs / bareMs));
                } finally {
                    h.slurm("scancel " + String.join(" ", ids));
                    for (Job j : h.store.list(JobFilter.all())) {
                        h.store.delete(j.id());
                    }
                }
            }
        }
        String title = "Sync benchmark on the local SLURM test cluster (same run; sync and bare squeues: median of " + RUNS
                + " rounds, alternating; squeue per job: one pass)";
        System.out.println(title + ":" + table);
        Path out = Path.of(System.getProperty("namdrunner.repoRoot", "."), "tests/org.namdrunner.integration.tests/target/benchmarks");
        Files.createDirectories(out);
        Files.writeString(out.resolve("sync.md"), title + "\n\n" + md);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Submits n held jobs with one remote command; returns their ids. */
    static List<String> submitHeld(Harness h, int n) throws Exception {
        String loop = "for i in $(seq " + n + "); do sbatch --parsable --hold --time=1 --mem=10M --output=/dev/null "
                + ShellQuoting.quote("--job-name=bench") + " --wrap=true || exit 1; done";
        var r = h.connection.exec(Harness.withPrefix(h.profile, loop), Duration.ofMinutes(10), new NullProgressMonitor());
        assertEquals(0, r.exitCode(), r.stderr());
        List<String> ids = r.stdout().lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        assertEquals(n, ids.size());
        return ids;
    }

    static void seed(JobStore store, List<String> ids, String profileId) throws Exception {
        List<Job> jobs = new ArrayList<>();
        Instant now = Instant.now();
        for (String id : ids) {
            jobs.add(Job.builder().id("bench_" + id).name("bench-" + id).jobTypeId("namd").clusterProfileId(profileId)
                    .status(JobStatus.PENDING).slurmId(id).createdAt(now).build());
        }
        for (Job j : jobs) {
            store.create(j);
        }
    }
}
