package org.namdrunner.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.namdrunner.app.JobLogs;
import org.namdrunner.app.LogProgress;
import org.namdrunner.app.LogView;
import org.namdrunner.core.cluster.ShellQuoting;
import org.namdrunner.core.jobtype.JobType.LogSummary;
import org.namdrunner.core.lifecycle.JobRequest;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.testing.TestCluster;

/**
 * A stand-in NAMD job on the twin writes a log of 10^6 steps (over 200 MB) in seconds and then goes on slowly; the
 * app's progress read takes a few hundred KB of it, shows the right step, total, ns/day and ETA, and the next read takes
 * only the bytes appended since. Bytes are counted at the connection, not taken from the reader's own word.
 */
class LongLogProgressTest {

    static final int FAST_STEPS = 1_000_000;
    static final int RUN_STEPS = FAST_STEPS + 400;
    /** TestJobs.request minimizes 20 steps first. */
    static final int TOTAL = RUN_STEPS + 20;
    static final double SECONDS_PER_STEP = 0.25;

    @Test
    void aMillionStepLogIsReadByItsHeadTailAndNewBytesOnly() throws Exception {
        Path local = Files.createTempDirectory("namdrunner-longlog");
        TestCluster cluster = TestCluster.load();
        try (Harness h = new Harness(cluster, cluster.profile("testcluster"), local.resolve("jobs.db"), Duration.ofSeconds(20))) {
            JobRequest base = TestJobs.request("longlog", TestJobs.inputs(local.resolve("inputs")),
                    TestJobs.resources(1, Duration.ofMinutes(6), "acpu", "cpu-normal"), RUN_STEPS, "long");
            Map<String, String> params = new LinkedHashMap<>(base.parameters());
            params.put("energyFreq", "1");
            params.put("restartFreq", "500000");
            params.put(StandinNamdJobType.DIRECTIVES, "fast_log " + FAST_STEPS + ";seconds_per_step " + SECONDS_PER_STEP);
            params.put(StandinNamdJobType.CONFIG_LINES, "outputTiming 1000");
            params.put(StandinNamdJobType.FROM_TREE, "true");
            Job job = h.service.create(new JobRequest(base.name(), base.jobTypeId(), base.profileId(), base.resources(), params,
                    base.inputs()), new NullProgressMonitor());
            job = SharedCluster.submit(h.service, job.id());
            try {
                job = h.syncUntil(job.id(), j -> j.status() == JobStatus.RUNNING || j.status().isTerminal(), Duration.ofMinutes(3));
                assertEquals(JobStatus.RUNNING, job.status(), "the job runs");
                String log = JobLogs.remotePath(job, new StandinNamdJobType()).orElseThrow();
                awaitFastPart(h, log);
                long size = remoteSize(h, log);
                assertTrue(size > 200L * 1024 * 1024, "the log is over 200 MB: " + size);

                CountingConnection counting = new CountingConnection(h.connection);
                LogProgress progress = new LogProgress();
                LogView first = JobLogs.refresh(progress, counting, job, new StandinNamdJobType(), false, false, new NullProgressMonitor())
                        .orElseThrow();
                long firstBytes = counting.bytes();
                System.out.printf("first progress read: %,d bytes of a %,d-byte log in %d command(s)%n", firstBytes, size, counting.calls());
                assertTrue(firstBytes < 1024 * 1024 && firstBytes * 200 < size, "far fewer bytes than the log: " + firstBytes);
                assertEquals(firstBytes, first.bytesRead(), "the reader's own count agrees with the connection's");
                LogSummary s = first.summary();
                assertEquals(TOTAL, s.totalSteps(), "20 minimization + " + RUN_STEPS + " dynamics steps, from the log's head");
                assertTrue(s.step() >= FAST_STEPS - 1000 && s.step() < TOTAL, "the step from the log's end: " + s.step());
                assertEquals(86_400 / SECONDS_PER_STEP * 2e-6, s.nsPerDay(), 1e-9, "2 fs at the TIMING lines' wall time per step");
                long minutesLeft = Math.round((TOTAL - s.step()) * SECONDS_PER_STEP / 60);
                assertEquals(minutesLeft + " min", s.etaText(), "steps left × s/step");
                assertEquals(s, progress.get(job.id()).orElseThrow(), "kept as the running job's progress");

                long offsetSize = first.logSize();
                Instant end = Instant.now().plus(Duration.ofMinutes(1));
                while (remoteSize(h, log) < offsetSize + 2000 && Instant.now().isBefore(end)) {
                    Thread.sleep(500);
                }
                long before = counting.bytes();
                LogView second = JobLogs.refresh(progress, counting, job, new StandinNamdJobType(), false, false, new NullProgressMonitor())
                        .orElseThrow();
                long read = counting.bytes() - before;
                long appended = second.logSize() - offsetSize;
                System.out.printf("refresh after %,d appended bytes read %,d bytes%n", appended, read);
                assertTrue(appended >= 2000, "the job appended to its log: " + appended);
                // from the last whole line (at most one ENERGY line back) plus the 64-byte check, plus stat's line
                assertTrue(read >= appended && read <= appended + 600 + 64 + 100, "only the new bytes: " + read + " for " + appended);
                assertTrue(second.summary().step() > s.step(), second.summary().step() + " after " + s.step());
                assertEquals(0, second.restarts());

                h.realConnections.closeAll();
                assertFalse(h.connection.isConnected());
                assertTrue(JobLogs.refresh(progress, counting, job, new StandinNamdJobType(), false, false, new NullProgressMonitor()).isEmpty(),
                        "a background refresh with the session closed reads nothing");
                assertFalse(h.connection.isConnected(), "and did not log in");
            } finally {
                h.slurm(ShellQuoting.command("scancel", job.slurmId().orElse("0")));
                if (job.scratchDir().isPresent()) {   // 260 MB of log: not left on the shared twin
                    h.exec(ShellQuoting.command("rm", "-rf", "--", job.scratchDir().get()));
                }
            }
        }
    }

    /** Waits until the stand-in wrote the fast part (its TIMING line at step 10^6). */
    private static void awaitFastPart(Harness h, String log) throws Exception {
        Instant end = Instant.now().plus(Duration.ofMinutes(3));
        String probe = "tail -c 100000 " + ShellQuoting.quote(log) + " 2>/dev/null | grep -c " + ShellQuoting.quote("^TIMING: " + FAST_STEPS + " ");
        while (!h.exec(probe).stdout().strip().equals("1")) {
            assertTrue(Instant.now().isBefore(end), "the stand-in did not write " + FAST_STEPS + " steps within 3 minutes");
            Thread.sleep(1000);
        }
    }

    static long remoteSize(Harness h, String path) throws Exception {
        return Long.parseLong(h.exec(ShellQuoting.command("stat", "-c", "%s", "--", path)).stdout().strip());
    }
}
