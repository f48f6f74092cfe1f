package org.namdrunner.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.persistence.SqliteJobStore;

/**
 * A child JVM applies batches in a loop and is killed with SIGKILL at a random moment, again and again. After every
 * kill the file must pass {@code PRAGMA integrity_check}, and every batch must be there whole or not at all: each
 * batch writes {@value #GROUP} job rows and {@value #GROUP} history rows tagged with its number.
 */
class CrashSafetyTest {

    private static final int GROUP = 20;
    private static final String NAME = "crash";

    @Test
    void aWriterKilledAtRandomNeverLeavesADamagedFileOrAHalfBatch(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("jobs.db");
        int kills = Integer.getInteger("namdrunner.crash.kills", 55);
        long seed = System.nanoTime();
        Random random = new Random(seed);
        long started = System.nanoTime();
        int batches = 0;
        int killsAfterProgress = 0;
        for (int k = 1; k <= kills; k++) {
            ChildProcess child = ChildProcess.start(dir, WriterProcess.class, "batches", db.toString(), NAME, Integer.toString(GROUP), "0");
            child.awaitReady(Duration.ofSeconds(60));
            Thread.sleep(random.nextInt(300));   // the moment of the kill is what is random
            child.kill();
            int now = checkWholeBatches(db, "after kill " + k + " (seed " + seed + ")");
            assertTrue(now >= batches, "committed batches never disappear: " + now + " after " + batches);
            if (now > batches) {
                killsAfterProgress++;
            }
            batches = now;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("crash test: %d SIGKILLs in %.1f s (seed %d); %d batches committed (%d job rows and %d history rows "
                + "each); after every kill: integrity ok, no half batch%n", kills, seconds, seed, batches, GROUP, GROUP);
        assertTrue(killsAfterProgress >= kills / 2, "the writer made progress between most kills (" + killsAfterProgress + " of " + kills
                + "), so the kills met it while it was writing");
    }

    /** Checks the file after a crash and returns the number of committed batches. */
    private static int checkWholeBatches(Path db, String when) throws Exception {
        try (RawDb raw = new RawDb(db)) {
            // the first connection after the kill recovers the WAL; the check sees the recovered file
            assertEquals(List.of("ok"), raw.rows("PRAGMA integrity_check"), when);
            assertEquals(List.of(), raw.rows("PRAGMA foreign_key_check"), when);
            Map<Integer, Long> rowsPerBatch = new TreeMap<>();
            for (String row : raw.rows("SELECT detail, count(*) FROM job_status_history WHERE detail LIKE '" + NAME
                    + "-batch-%' GROUP BY detail")) {
                String[] p = row.split("\\|");
                rowsPerBatch.put(Integer.parseInt(p[0].substring(p[0].lastIndexOf('-') + 1)), Long.parseLong(p[1]));
            }
            int last = rowsPerBatch.isEmpty() ? 0 : rowsPerBatch.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
            assertEquals(last, rowsPerBatch.size(), when + ": batches 1.." + last + " all present: " + rowsPerBatch.keySet());
            rowsPerBatch.forEach((b, n) -> assertEquals(GROUP, n, when + ": history rows of batch " + b));
            String expectedReason = last == 0 ? "null" : WriterProcess.batchDetail(NAME, last);
            assertEquals(List.of(expectedReason + "|" + GROUP), raw.rows("SELECT slurm_reason, count(*) FROM jobs GROUP BY slurm_reason"),
                    when + ": every job row carries the last batch");
        }
        try (SqliteJobStore store = SqliteJobStore.open(db)) {
            List<Job> jobs = store.list(JobFilter.all());
            assertEquals(GROUP, jobs.size(), when);
            int last = checkedLastBatch(jobs.get(0));
            JobStatus expected = last % 2 == 0 ? JobStatus.RUNNING : JobStatus.PENDING;
            for (Job j : jobs) {
                assertEquals(expected, j.status(), when + ": status of " + j.id() + " after " + last + " batches");
            }
            assertEquals(1 + last, store.history(jobs.get(GROUP - 1).id()).size(), when);
            return last;
        }
    }

    private static int checkedLastBatch(Job j) {
        String reason = j.slurmReason().orElse("");
        return reason.isEmpty() ? 0 : Integer.parseInt(reason.substring(reason.lastIndexOf('-') + 1));
    }

    @Test
    void theTestReallyChecksAFileThatHoldsBatches(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("jobs.db");
        ChildProcess child = ChildProcess.start(dir, WriterProcess.class, "batches", db.toString(), NAME, Integer.toString(GROUP), "7");
        assertEquals(0, child.finish(Duration.ofSeconds(60)), child.output());
        assertEquals(7, checkWholeBatches(db, "after 7 batches"));
        // a torn batch must be noticed: remove one history row of batch 7 behind the store's back
        try (RawDb raw = new RawDb(db)) {
            raw.execute("DROP TRIGGER history_rows_leave_only_with_their_job");
            raw.execute("DELETE FROM job_status_history WHERE id = (SELECT max(id) FROM job_status_history)");
        }
        AssertionError torn = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> checkWholeBatches(db, "torn"));
        assertTrue(torn.getMessage().contains("history rows of batch 7"), torn.getMessage());
    }
}
