package org.namdrunner.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.StatusChange;
import org.namdrunner.core.model.StatusSource;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.persistence.SqliteJobStore;

/** The prototype's version-1 file (PrototypeDatabase) opened by the store: upgraded to version 2 without loss. */
class MigrationTest {

    @TempDir
    Path dir;

    @Test
    void everyJobIsUpgradedWithItsValuesInTheNewColumns() throws Exception {
        Path db = dir.resolve("namdrunner.db");
        PrototypeDatabase.write(db);
        try (SqliteJobStore store = SqliteJobStore.open(db)) {
            assertEquals(4, store.list(JobFilter.all()).size());

            Job done = store.find("job_001").orElseThrow();
            assertEquals(JobStatus.COMPLETED, done.status());
            assertEquals("ubiquitin_eq", done.name());
            assertEquals("4412345", done.slurmId().orElseThrow());
            assertEquals("namd", done.jobTypeId());
            assertEquals("default", done.clusterProfileId());
            assertEquals(24, done.resources().cores());
            assertEquals("16G", done.resources().memory().toSlurm());
            assertEquals(Duration.ofHours(4), done.resources().walltime());
            assertEquals("amilan", done.resources().partition(), "old names are kept; profiles decide what is valid");
            assertEquals("normal", done.resources().qos());
            assertEquals("{\"temperature\":\"310\",\"steps\":\"500000\",\"timestep\":\"2.0\"}", done.typeParameters());
            assertEquals(List.of("input_files/ubq.psf", "input_files/ubq.pdb", "input_files/par_all36_prot.prm"), done.inputFiles());
            assertEquals(Instant.parse("2025-10-01T09:00:00Z"), done.createdAt());
            assertEquals(Instant.parse("2025-10-01T09:05:00Z"), done.submittedAt().orElseThrow());
            assertEquals(Instant.parse("2025-10-01T10:00:00Z"), done.startedAt().orElseThrow(), "from the first RUNNING in the history");
            assertEquals(Instant.parse("2025-10-02T08:00:00Z"), done.completedAt().orElseThrow());
            assertEquals("/projects/ralphie/namdrunner_jobs/job_001", done.projectDir().orElseThrow());
            assertTrue(done.error().isEmpty());
            List<StatusChange> history = store.history("job_001");
            assertEquals(List.of(
                    new StatusChange("job_001", null, JobStatus.CREATED, Instant.parse("2025-10-01T09:00:00Z"), StatusSource.LOCAL, ""),
                    new StatusChange("job_001", JobStatus.CREATED, JobStatus.PENDING, Instant.parse("2025-10-01T09:05:00Z"), StatusSource.USER, ""),
                    new StatusChange("job_001", JobStatus.PENDING, JobStatus.RUNNING, Instant.parse("2025-10-01T10:00:00Z"), StatusSource.SLURM, ""),
                    new StatusChange("job_001", JobStatus.RUNNING, JobStatus.COMPLETED, Instant.parse("2025-10-02T08:00:00Z"), StatusSource.LOCAL,
                            "migrated from schema 1: source not recorded")), history, "a clean job gets no note row");

            Job odd = store.find("job_002").orElseThrow();
            assertEquals(JobStatus.UNKNOWN, odd.status(), "a status word this version does not know");
            assertEquals("my_job_2", odd.name());
            assertEquals("8G", odd.resources().memory().toSlurm(), "the prototype's bare numbers meant GB");
            assertEquals(Duration.ofDays(1), odd.resources().walltime());
            assertEquals(Instant.parse("2025-10-03T10:00:00Z"), odd.createdAt(), "zone-less times were UTC");
            assertEquals("sbatch: error: Invalid qos specification", odd.error().orElseThrow().message());
            List<StatusChange> oddHistory = store.history("job_002");
            assertEquals(List.of(JobStatus.CREATED, JobStatus.UNKNOWN, JobStatus.UNKNOWN), oddHistory.stream().map(StatusChange::to).toList());
            assertTrue(oddHistory.get(1).detail().contains("status was 'QUEUED'"), oddHistory.get(1).detail());
            String note = oddHistory.get(2).detail();
            assertTrue(note.startsWith("migrated from schema 1:") && note.contains("'QUEUED'") && note.contains("'my job 2'"), note);

            Job running = store.find("job_003").orElseThrow();
            assertEquals(JobStatus.RUNNING, running.status(), "'running' is RUNNING");
            assertEquals("4412399", running.slurmId().orElseThrow());
            assertEquals(Instant.parse("2025-10-04T06:00:00Z"), running.createdAt(), "a time with an offset");
            assertEquals(List.of("input_files/membrane.psf", "input_files/membrane.pdb", "input_files/my_run.conf"), running.inputFiles());
            assertEquals("{\"legacy\":\"temperature=310\"}", running.typeParameters());
            assertEquals(1, running.resources().cores(), "'lots' is not a number: the default");
            assertEquals(Duration.ofMinutes(90), running.resources().walltime(), "SLURM reads a bare 90 as minutes");
            String runningNote = last(store.history("job_003")).detail();
            for (String kept : List.of("'4412399.batch'", "'/home/ralphie/sims/membrane.psf'", "my run.conf", "cores", "'a lot'")) {
                assertTrue(runningNote.contains(kept), "the note keeps " + kept + ": " + runningNote);
            }
            assertEquals(StatusSource.USER, store.history("job_003").get(1).source(), "'USER' is user");

            Job renamed = store.find("job_004").orElseThrow();
            assertEquals(JobStatus.FAILED, renamed.status());
            assertEquals("failed_run", renamed.name());
            assertEquals("FATAL ERROR: Unable to open PSF file", renamed.error().orElseThrow().message());
            List<StatusChange> renamedHistory = store.history("job_004");
            assertEquals(3, renamedHistory.size(), "the history follows the new id");
            assertTrue(renamedHistory.get(1).detail().contains("source was 'cron'"));
            assertTrue(last(renamedHistory).detail().contains("id 'job 004' became 'job_004'"));

            String orphans = store.metadata("migration.schema1.orphanHistory").orElseThrow();
            assertTrue(orphans.contains("job_999"), "a history row of a job that never existed is kept aside: " + orphans);
            assertTrue(store.metadata("migration.schema1").orElseThrow().contains("\"jobs\":4"));
        }
        try (RawDb raw = new RawDb(db)) {
            assertEquals(6, raw.count("PRAGMA user_version"));
            assertEquals(List.of(), raw.rows("PRAGMA foreign_key_check"));
            assertEquals(List.of("1", "2", "3", "4"), raw.rows("SELECT id FROM job_status_history WHERE job_id = 'job_001' ORDER BY id"),
                    "history rows keep their ids");
        }
    }

    @Test
    void theUpgradedSchemaIsExactlyTheFreshOne() throws Exception {
        Path old = dir.resolve("old.db");
        PrototypeDatabase.write(old);
        SqliteJobStore.open(old).close();
        Upgrades.assertSchemaIsTheFreshOne(old, dir);
    }

    @Test
    void foreignKeysAndTheAppendOnlyGuardWorkAfterTheUpgrade() throws Exception {
        Path db = dir.resolve("namdrunner.db");
        PrototypeDatabase.write(db);
        try (SqliteJobStore store = SqliteJobStore.open(db)) {
            Job running = store.find("job_003").orElseThrow();
            store.apply(List.of(Jobs.move(running, JobStatus.COMPLETED, Instant.parse("2025-10-05T00:00:00Z"), "sacct COMPLETED 0:0")));
            assertEquals(JobStatus.COMPLETED, last(store.history("job_003")).to());
            assertTrue(store.delete("job_001"));
        }
        try (RawDb raw = new RawDb(db)) {
            assertEquals(0, raw.count("SELECT count(*) FROM job_status_history WHERE job_id = 'job_001'"), "deleted with its job");
        }
    }

    @Test
    void openingAgainDoesNotMigrateAgain() throws Exception {
        Path db = dir.resolve("namdrunner.db");
        PrototypeDatabase.write(db);
        SqliteJobStore.open(db).close();
        List<String> before;
        try (RawDb raw = new RawDb(db)) {
            before = raw.rows("SELECT * FROM job_status_history ORDER BY id");
        }
        try (SqliteJobStore again = SqliteJobStore.open(db)) {
            assertEquals(4, again.list(JobFilter.all()).size());
        }
        try (RawDb raw = new RawDb(db)) {
            assertEquals(before, raw.rows("SELECT * FROM job_status_history ORDER BY id"));
        }
    }

    @Test
    void twoProcessesOpeningTheOldFileAtOnceUpgradeItOnce() throws Exception {
        Path db = dir.resolve("namdrunner.db");
        PrototypeDatabase.write(db);
        ChildProcess a = ChildProcess.start(dir, WriterProcess.class, "open", db.toString());
        ChildProcess b = ChildProcess.start(dir, WriterProcess.class, "open", db.toString());
        assertEquals(0, a.finish(Duration.ofSeconds(60)), a.output());
        assertEquals(0, b.finish(Duration.ofSeconds(60)), b.output());
        assertTrue(a.output().contains("JOBS 4") && b.output().contains("JOBS 4"), a.output() + b.output());
        try (RawDb raw = new RawDb(db)) {
            assertEquals(3, raw.count("SELECT count(*) FROM job_status_history WHERE detail LIKE 'migrated from schema 1:%' AND old_status IS NULL"),
                    "one note row for each of the three jobs that needed one, not two");
        }
    }

    private static StatusChange last(List<StatusChange> history) {
        assertTrue(!history.isEmpty());
        return history.get(history.size() - 1);
    }
}
