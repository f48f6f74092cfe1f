package org.namdrunner.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
 * A child JVM applies batches in a loop and is killed with SIGKILL at a random moment, 100 times (a count, not a
 * duration; system property {@code namdrunner.crash.kills}). After every kill the file must pass
 * {@code PRAGMA integrity_check}, and every batch must be there whole or not at all: each batch writes {@value #GROUP}
 * job rows and {@value #GROUP} history rows tagged with its number. The run prints kills, committed batches,
 * integrity results and torn batches (docs/reliability.md).
 */
class CrashSafetyTest {

    private static final int GROUP = 20;
    private static final String NAME = "crash";

    @Test
    void aWriterKilledAtRandomNeverLeavesADamagedFileOrAHalfBatch(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("jobs.db");
        int kills = Integer.getInteger("namdrunner.crash.kills", 100);
        long seed = Long.getLong("namdrunner.seed", System.nanoTime());
        Random random = new Random(seed);
        long started = System.nanoTime();
        int batches = 0;
        int killsAfterProgress = 0;
        int integrityOk = 0;
        List<String> damage = new ArrayList<>();
        for (int k = 1; k <= kills; k++) {
            ChildProcess child = ChildProcess.start(dir, WriterProcess.class, "batches", db.toString(), NAME, Integer.toString(GROUP), "0");
            child.awaitReady(Duration.ofSeconds(60));
            Thread.sleep(random.nextInt(300));   // the moment of the kill is what is random
            child.kill();
            Check check = check(db, "after kill " + k + " (seed " + seed + ")");
            if (check.integrityOk()) {
                integrityOk++;
            }
            damage.addAll(check.damage());
            if (check.batches() < batches) {
                damage.add("after kill " + k + ": " + check.batches() + " batches, " + batches + " before: committed batches disappeared");
            }
            if (check.batches() > batches) {
                killsAfterProgress++;
            }
            batches = Math.max(batches, check.batches());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("crash test: %d SIGKILLs in %.1f s (seed %d); %d batches committed (%d job rows + %d history rows each); "
                + "integrity_check ok after %d of %d kills; torn or lost batches: %d%n", kills, seconds, seed, batches, GROUP, GROUP,
                integrityOk, kills, damage.size());
        assertEquals(List.of(), damage, "damage found after the kills (seed " + seed + ")");
        assertEquals(kills, integrityOk, "integrity_check ok after every kill");
        assertTrue(killsAfterProgress >= kills / 2, "the writer made progress between most kills (" + killsAfterProgress + " of " + kills
                + "), so the kills met it while it was writing");
    }

    /** What the file looked like after one kill. */
    private record Check(boolean integrityOk, int batches, List<String> damage) {
    }

    /**
     * Looks at the file after a crash: integrity, foreign keys, and whether every batch is there whole (each
     * torn, missing or half-applied batch is one entry of {@code damage}).
     */
    private static Check check(Path db, String when) throws Exception {
        List<String> damage = new ArrayList<>();
        boolean integrityOk;
        int last;
        try (RawDb raw = new RawDb(db)) {
            // the first connection after the kill recovers the WAL; the check sees the recovered file
            List<String> integrity = raw.rows("PRAGMA integrity_check");
            integrityOk = integrity.equals(List.of("ok"));
            if (!integrityOk) {
                damage.add(when + ": integrity_check says " + integrity);
            }
            List<String> fk = raw.rows("PRAGMA foreign_key_check");
            if (!fk.isEmpty()) {
                damage.add(when + ": foreign_key_check says " + fk);
            }
            Map<Integer, Long> rowsPerBatch = new TreeMap<>();
            for (String row : raw.rows("SELECT detail, count(*) FROM job_status_history WHERE detail LIKE '" + NAME
                    + "-batch-%' GROUP BY detail")) {
                String[] p = row.split("\\|");
                rowsPerBatch.put(Integer.parseInt(p[0].substring(p[0].lastIndexOf('-') + 1)), Long.parseLong(p[1]));
            }
            last = rowsPerBatch.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
            for (int b = 1; b <= last; b++) {
                Long n = rowsPerBatch.get(b);
                if (n == null || n != GROUP) {
                    damage.add(when + ": history rows of batch " + b + ": " + (n == null ? 0 : n) + " instead of " + GROUP);
                }
            }
            String expectedReason = last == 0 ? "null" : WriterProcess.batchDetail(NAME, last);
            List<String> reasons = raw.rows("SELECT slurm_reason, count(*) FROM jobs GROUP BY slurm_reason");
            if (!reasons.equals(List.of(expectedReason + "|" + GROUP))) {
                damage.add(when + ": job rows do not all carry batch " + last + ": " + reasons);
            }
        }
        try (SqliteJobStore store = SqliteJobStore.open(db)) {
            List<Job> jobs = store.list(JobFilter.all());
            if (jobs.size() != GROUP) {
                damage.add(when + ": " + jobs.size() + " jobs instead of " + GROUP);
                return new Check(integrityOk, last, damage);
            }
            int stored = checkedLastBatch(jobs.get(0));
            JobStatus expected = stored % 2 == 0 ? JobStatus.RUNNING : JobStatus.PENDING;
            for (Job j : jobs) {
                if (j.status() != expected) {
                    damage.add(when + ": status of " + j.id() + " is " + j.status() + " after " + stored + " batches");
                }
            }
            int history = store.history(jobs.get(GROUP - 1).id()).size();
            if (history != 1 + stored) {
                damage.add(when + ": " + history + " history rows for " + jobs.get(GROUP - 1).id() + " after " + stored + " batches");
            }
        }
        return new Check(integrityOk, last, damage);
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
        Check whole = check(db, "after 7 batches");
        assertEquals(7, whole.batches());
        assertEquals(List.of(), whole.damage());
        // a torn batch must be noticed: remove one history row of batch 7 behind the store's back
        try (RawDb raw = new RawDb(db)) {
            raw.execute("DROP TRIGGER history_rows_leave_only_with_their_job");
            raw.execute("DELETE FROM job_status_history WHERE id = (SELECT max(id) FROM job_status_history)");
        }
        Check torn = check(db, "torn");
        assertTrue(torn.damage().stream().anyMatch(d -> d.contains("history rows of batch 7")), torn.damage().toString());
    }
}
