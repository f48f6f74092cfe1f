package org.namdrunner.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.namdrunner.app.JobLogs;
import org.namdrunner.app.LogProgress;
import org.namdrunner.app.LogView;
import org.namdrunner.core.cluster.ExecResult;
import org.namdrunner.core.cluster.ShellQuoting;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.testing.TestCluster;

/**
 * Benchmark, not a timed test: how long the app takes to show the progress of a 200 MB, 10^6-step NAMD log on the
 * twin (the first read: head + tail; with the plots' samples of the middle; a refresh with nothing new), against
 * {@code tail -c 64k} of the same log over the same SSH session, medians of alternating rounds in the same run. The
 * log is written by this checkout's namd3 stand-in as a SLURM job. Writes {@code target/benchmarks/logprogress.md}
 * for ./benchmark.sh. Asserts only that the work was done (and what was read is right).
 */
class LogProgressBenchmarkTest {

    private static final int RUNS = Integer.getInteger("namdrunner.benchmark.rounds", 5);
    private static final NullProgressMonitor M = new NullProgressMonitor();

    @Test
    void progressOfA200MbLogAgainstTailOf64k() throws Exception {
        Path local = Files.createTempDirectory("namdrunner-logbench");
        TestCluster cluster = TestCluster.load();
        try (Harness h = new Harness(cluster, cluster.profile("testcluster"), local.resolve("bench.db"), Duration.ofMinutes(10))) {
            String dir = cluster.get("scratchRoot") + "/namdrunner-logbench-" + System.currentTimeMillis();
            try {
                String log = writeLongLog(h, dir);
                long size = LongLogProgressTest.remoteSize(h, log);
                assertTrue(size > 200L * 1024 * 1024, "a log over 200 MB: " + size);
                Instant t = Instant.now().minusSeconds(60);
                Job job = Job.builder().id("job_logbench").name("logbench").jobTypeId("namd").clusterProfileId(h.profile.id())
                        .status(JobStatus.RUNNING).createdAt(t).updatedAt(t).submittedAt(t).startedAt(t).scratchDir(dir).projectDir(dir)
                        .resources(TestJobs.resources(1, Duration.ofMinutes(5), "acpu", "cpu-normal")).typeParameters("{}").build();
                StandinNamdJobType type = new StandinNamdJobType();
                String tail = ShellQuoting.command("tail", "-c", "65536", "--", log);
                h.connection.exec(tail, Duration.ofSeconds(60), M);   // warm-up: the session is open, the file in the page cache
                JobLogs.refresh(new LogProgress(), h.connection, job, type, true, false, M);
                double[] progress = new double[RUNS];
                double[] plots = new double[RUNS];
                double[] refresh = new double[RUNS];
                double[] base = new double[RUNS];
                long progressBytes = 0;
                long plotBytes = 0;
                long refreshBytes = 0;
                for (int i = 0; i < RUNS; i++) {
                    long s = System.nanoTime();
                    ExecResult r = h.connection.exec(tail, Duration.ofSeconds(60), M);
                    base[i] = (System.nanoTime() - s) / 1e6;
                    assertEquals(65536, r.stdout().length(), "tail printed 64 KiB");

                    LogProgress p = new LogProgress();
                    s = System.nanoTime();
                    LogView v = JobLogs.refresh(p, h.connection, job, type, false, false, M).orElseThrow();
                    progress[i] = (System.nanoTime() - s) / 1e6;
                    progressBytes = v.bytesRead();
                    assertEquals(1_000_000, v.summary().totalSteps());
                    assertEquals(1_000_000, v.summary().step());

                    s = System.nanoTime();
                    v = JobLogs.refresh(p, h.connection, job, type, false, false, M).orElseThrow();
                    refresh[i] = (System.nanoTime() - s) / 1e6;
                    refreshBytes = v.bytesRead() - progressBytes;
                    assertEquals(0, v.restarts(), "nothing appended: no new read from the head");

                    s = System.nanoTime();
                    v = JobLogs.refresh(new LogProgress(), h.connection, job, type, true, false, M).orElseThrow();
                    plots[i] = (System.nanoTime() - s) / 1e6;
                    plotBytes = v.bytesRead();
                    assertTrue(v.series().stream().allMatch(x -> x.steps().length <= 2000) && !v.series().isEmpty(), "bounded series");
                }
                double b = median(base);
                String md = "| what | ms | bytes read | ours / tail -c 64k |\n| --- | ---: | ---: | ---: |\n"
                        + row("progress of the log (first read: head + tail)", median(progress), progressBytes, b)
                        + row("progress and plots (first read of the Log page: + samples of the middle)", median(plots), plotBytes, b)
                        + row("refresh with nothing appended", median(refresh), refreshBytes, b)
                        + row("`tail -c 64k` of the log (same SSH session)", b, 65536, b);
                String title = String.format("Progress of a %,d-byte, 10^6-step log on the twin, median of %d rounds", size, RUNS);
                System.out.println(title + ":\n" + md);
                Path out = Path.of(System.getProperty("namdrunner.repoRoot", "."), "tests/org.namdrunner.integration.tests/target/benchmarks");
                Files.createDirectories(out);
                Files.writeString(out.resolve("logprogress.md"), title + "\n\n" + md);
            } finally {
                h.exec(ShellQuoting.command("rm", "-rf", "--", dir));
            }
        }
    }

    /** Runs this checkout's stand-in as a SLURM job (not on the login node) that writes 10^6 steps fast; waits for it. */
    static String writeLongLog(Harness h, String dir) throws Exception {
        String config = """
                # standin: fast_log
                structure tiny.psf
                coordinates tiny.pdb
                outputName bench
                timestep 2
                outputEnergies 1
                outputTiming 1000
                restartfreq 1000000
                dcdfreq 1000000
                run 1000000
                """;
        h.connection.mkdirs(dir, M);
        h.connection.writeFile(dir + "/namd3-standin", StandinNamdJobType.treeStandin(), M);
        h.connection.writeFile(dir + "/run.namd", config, M);
        h.connection.writeFile(dir + "/tiny.pdb", "ATOM      1  CA  ALA A   1       0.000   0.000   0.000  1.00  0.00      PROT\nEND\n", M);
        h.connection.writeFile(dir + "/tiny.psf", "PSF\n\n       1 !NATOM\n", M);
        ExecResult r = h.slurm(ShellQuoting.command("sbatch", "--wait", "--job-name=logbench", "--chdir=" + dir, "-p", "acpu", "-q",
                "cpu-normal", "-t", "5", "-n", "1", "--mem=400M", "--wrap",
                "chmod +x namd3-standin && ./namd3-standin run.namd > namd_output.log 2>&1"));
        assertEquals(0, r.exitCode(), "the stand-in job: " + r.stdout() + r.stderr());
        return dir + "/namd_output.log";
    }

    private static String row(String what, double ms, long bytes, double base) {
        return String.format("| %s | %.1f | %s | %.2f× |%n", what, ms, String.format("%,d", bytes), ms / base);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
