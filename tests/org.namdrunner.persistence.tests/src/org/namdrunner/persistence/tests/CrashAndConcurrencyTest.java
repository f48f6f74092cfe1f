package org.namdrunner.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.persistence.SqliteJobStore;

/** Real processes on a real file: SIGKILL in the middle of writing, and two writers at once. */
class CrashAndConcurrencyTest {

    private static final int GROUP = 20;

    @Test
    void aWriterKilledWithSigkillNeverLeavesACorruptFileOrAHalfBatch() throws Exception {
        Path db = Files.createTempDirectory("namdrunner-crash").resolve("jobs.db");
        Random random = new Random(4242);
        int kills = 50;
        long started = System.nanoTime();
        int lastBatchSeen = 0;
        for (int k = 0; k < kills; k++) {
            Process p = ChildJvm.command(BatchWriter.class, db.toString(), "crash", Integer.toString(GROUP), "0").start();
            p.getOutputStream().close();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("READY"));
            assertEquals("READY", line, "child started");
            Thread.sleep(20 + random.nextInt(250));
            p.destroyForcibly();   // SIGKILL
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
            int batch = checkConsistent(db);
            assertTrue(batch >= lastBatchSeen, "batches only move forward: " + batch + " after " + lastBatchSeen);
            lastBatchSeen = batch;
        }
        System.out.printf("crash test: %d SIGKILLs in %.1f s, %d batches committed, 0 corrupt, 0 torn%n", kills,
                (System.nanoTime() - started) / 1e9, lastBatchSeen);
        assertTrue(lastBatchSeen > 0, "the writer got some batches in");
    }

    /** Integrity check passes and every job of the group shows the same last batch; returns that batch. */
    private static int checkConsistent(Path db) throws Exception {
        try (Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + db, new java.util.Properties());
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertEquals("ok", rs.getString(1));
            }
        }
        try (SqliteJobStore store = SqliteJobStore.open(db)) {
            List<Job> jobs = store.list(JobFilter.all());
            assertEquals(GROUP, jobs.size());
            Set<String> reasons = new HashSet<>();
            Set<Integer> historySizes = new HashSet<>();
            for (Job j : jobs) {
                reasons.add(j.slurmReason().orElse("none"));
                historySizes.add(store.history(j.id()).size());
                String lastDetail = store.history(j.id()).get(store.history(j.id()).size() - 1).detail();
                assertEquals(j.slurmReason().orElse("created"), lastDetail, "job row and history row come from the same batch");
            }
            assertEquals(1, reasons.size(), "one batch for all jobs: " + reasons);
            assertEquals(1, historySizes.size(), "same history length for all jobs: " + historySizes);
            String reason = reasons.iterator().next();
            return reason.equals("none") ? 0 : Integer.parseInt(reason.substring(reason.lastIndexOf('-') + 1));
        }
    }

    @Test
    void twoProcessesWritingTheSameFileLoseNothing() throws Exception {
        Path db = Files.createTempDirectory("namdrunner-two").resolve("jobs.db");
        SqliteJobStore.open(db).close();
        int batches = 150;
        Process a = ChildJvm.command(BatchWriter.class, db.toString(), "alpha", Integer.toString(GROUP), Integer.toString(batches)).start();
        Process b = ChildJvm.command(BatchWriter.class, db.toString(), "beta", Integer.toString(GROUP), Integer.toString(batches)).start();
        a.getOutputStream().close();
        b.getOutputStream().close();
        String outA = new String(a.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String outB = new String(b.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(a.waitFor(120, TimeUnit.SECONDS) && b.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, a.exitValue(), outA);
        assertEquals(0, b.exitValue(), outB);
        assertTrue(outA.contains("DONE") && outB.contains("DONE"), outA + outB);
        try (SqliteJobStore store = SqliteJobStore.open(db)) {
            List<Job> jobs = store.list(JobFilter.all());
            assertEquals(2 * GROUP, jobs.size());
            for (Job j : jobs) {
                String group = j.clusterProfileId();
                assertEquals(group + "-batch-" + batches, j.slurmReason().orElseThrow());
                assertEquals(1 + batches, store.history(j.id()).size(), "no history row lost for " + j.id());
            }
        }
    }
}
