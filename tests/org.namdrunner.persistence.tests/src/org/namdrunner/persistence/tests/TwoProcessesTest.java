package org.namdrunner.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.StatusChange;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.persistence.SqliteJobStore;

/** Two JVMs writing the same file at the same time: no error reaches either caller and no row is lost. */
class TwoProcessesTest {

    private static final int GROUP = 20;

    @Test
    void twoProcessesWritingTheirOwnJobsLoseNothing(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("jobs.db");
        int batches = 150;
        // the parent keeps the file open and idle meanwhile, as a third NAMDRunner window would
        try (SqliteJobStore idle = SqliteJobStore.open(db)) {
            ChildProcess a = ChildProcess.start(dir, WriterProcess.class, "batches", db.toString(), "alpha", Integer.toString(GROUP), Integer.toString(batches));
            ChildProcess b = ChildProcess.start(dir, WriterProcess.class, "batches", db.toString(), "beta", Integer.toString(GROUP), Integer.toString(batches));
            assertEquals(0, a.finish(Duration.ofSeconds(120)), a.output());
            assertEquals(0, b.finish(Duration.ofSeconds(120)), b.output());
            assertTrue(a.output().contains("DONE") && b.output().contains("DONE"), a.output() + b.output());

            List<Job> jobs = idle.list(JobFilter.all());
            assertEquals(2 * GROUP, jobs.size());
            for (Job j : jobs) {
                assertEquals(WriterProcess.batchDetail(j.clusterProfileId(), batches), j.slurmReason().orElseThrow());
                assertEquals(1 + batches, idle.history(j.id()).size(), "no history row lost for " + j.id());
            }
        }
        try (RawDb raw = new RawDb(db)) {
            assertEquals(2L * GROUP * (1 + batches), raw.count("SELECT count(*) FROM job_status_history"));
            assertEquals(List.of("ok"), raw.rows("PRAGMA integrity_check"));
        }
    }

    @Test
    void twoProcessesMovingTheSameJobsNeverLoseAnUpdate(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("jobs.db");
        try (SqliteJobStore store = SqliteJobStore.open(db)) {
            for (int i = 0; i < GROUP; i++) {
                store.create(Jobs.job(String.format("shared_%03d", i), "shared").toBuilder().status(JobStatus.RUNNING).build());
            }
        }
        int rounds = 200;
        ChildProcess a = ChildProcess.start(dir, WriterProcess.class, "race", db.toString(), "shared", "A", Integer.toString(rounds));
        ChildProcess b = ChildProcess.start(dir, WriterProcess.class, "race", db.toString(), "shared", "B", Integer.toString(rounds));
        assertEquals(0, a.finish(Duration.ofSeconds(120)), a.output());
        assertEquals(0, b.finish(Duration.ofSeconds(120)), b.output());
        Map<String, Integer> writes = new HashMap<>();
        for (ChildProcess c : List.of(a, b)) {
            String line = c.output().lines().filter(l -> l.startsWith("WRITES")).findFirst().orElseThrow();
            for (String pair : line.substring("WRITES".length()).trim().split(" ")) {
                if (!pair.isEmpty()) {
                    String[] kv = pair.split("=");
                    writes.merge(kv[0], Integer.parseInt(kv[1]), Integer::sum);
                }
            }
        }
        System.out.println("two processes on the same jobs: " + a.output().lines().filter(l -> l.startsWith("CONFLICTS")).findFirst().orElse("")
                + " (A), " + b.output().lines().filter(l -> l.startsWith("CONFLICTS")).findFirst().orElse("") + " (B)");
        try (SqliteJobStore store = SqliteJobStore.open(db)) {
            for (Job j : store.list(JobFilter.all())) {
                List<StatusChange> history = store.history(j.id());
                int written = writes.getOrDefault(j.id(), 0);
                assertTrue(written >= rounds, "each round of either process moved " + j.id() + " or met the other's move: " + written);
                assertEquals(1 + written, history.size(), "one history row per reported write of " + j.id());
                assertNull(history.get(0).from());
                for (int i = 1; i < history.size(); i++) {
                    assertEquals(history.get(i - 1).to(), history.get(i).from(),
                            "history of " + j.id() + " is one unbroken chain: no update was applied to a stale row (row " + i + ")");
                }
                assertEquals(history.get(history.size() - 1).to(), j.status());
            }
        }
    }
}
