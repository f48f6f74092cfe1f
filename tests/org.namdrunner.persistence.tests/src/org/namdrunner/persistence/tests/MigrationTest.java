package org.namdrunner.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.StatusChange;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.persistence.SqliteJobStore;

/** A version-1 file (the prototype's schema, docs/persistence.md) written with plain JDBC, then opened. */
class MigrationTest {

    @Test
    void aVersionOneDatabaseIsUpgradedWithoutLoss() throws Exception {
        Path db = Files.createTempDirectory("namdrunner-v1").resolve("namdrunner.db");
        try (Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + db, new java.util.Properties());
                Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE jobs (id TEXT PRIMARY KEY, name TEXT NOT NULL, status TEXT NOT NULL, slurm_job_id TEXT,
                      created_at TEXT NOT NULL, updated_at TEXT NOT NULL, submitted_at TEXT, completed_at TEXT,
                      project_dir TEXT, scratch_dir TEXT, error_info TEXT, namd_config TEXT, slurm_config TEXT, input_files TEXT)""");
            s.execute("""
                    CREATE TABLE job_status_history (id INTEGER PRIMARY KEY AUTOINCREMENT,
                      job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE, old_status TEXT, new_status TEXT NOT NULL,
                      changed_at TEXT NOT NULL, source TEXT)""");
            s.execute("""
                    INSERT INTO jobs VALUES ('job_001', 'ubiquitin_eq', 'COMPLETED', '4412345', '2025-10-01T09:00:00Z',
                      '2025-10-02T09:00:00Z', '2025-10-01T09:05:00Z', '2025-10-02T08:00:00Z',
                      '/projects/u/namdrunner_jobs/job_001', '/scratch/alpine/u/namdrunner_jobs/job_001', NULL,
                      '{"temperature":"310","steps":"500000"}',
                      '{"cores":24,"memory":"16GB","walltime":"04:00:00","partition":"amilan","qos":"normal","account":""}',
                      '["input_files/ubq.psf","input_files/ubq.pdb"]')""");
            s.execute("""
                    INSERT INTO jobs VALUES ('job_002', 'my job 2', 'QUEUED', NULL, '2025-10-03 10:00:00',
                      '2025-10-03 10:00:00', NULL, NULL, NULL, NULL, 'sbatch: error: Invalid qos specification', NULL,
                      '{"cores":4,"memory":"8","walltime":"1-00:00:00"}', NULL)""");
            s.execute("INSERT INTO job_status_history (job_id, old_status, new_status, changed_at, source) VALUES "
                    + "('job_001', NULL, 'CREATED', '2025-10-01T09:00:00Z', 'local'),"
                    + "('job_001', 'CREATED', 'PENDING', '2025-10-01T09:05:00Z', 'user'),"
                    + "('job_001', 'PENDING', 'RUNNING', '2025-10-01T10:00:00Z', 'slurm'),"
                    + "('job_001', 'RUNNING', 'COMPLETED', '2025-10-02T08:00:00Z', NULL)");
            s.execute("PRAGMA user_version = 1");
        }

        try (SqliteJobStore store = SqliteJobStore.open(db)) {
            List<Job> jobs = store.list(JobFilter.all());
            assertEquals(2, jobs.size());
            Job done = store.find("job_001").orElseThrow();
            assertEquals(JobStatus.COMPLETED, done.status());
            assertEquals("4412345", done.slurmId().orElseThrow());
            assertEquals("namd", done.jobTypeId());
            assertEquals("default", done.clusterProfileId());
            assertEquals(24, done.resources().cores());
            assertEquals("16G", done.resources().memory().toSlurm());
            assertEquals(Duration.ofHours(4), done.resources().walltime());
            assertEquals("amilan", done.resources().partition(), "old names are kept; profiles decide what is valid");
            assertTrue(done.typeParameters().contains("500000"));
            assertEquals(List.of("input_files/ubq.psf", "input_files/ubq.pdb"), done.inputFiles());
            assertEquals(Instant.parse("2025-10-02T08:00:00Z"), done.completedAt().orElseThrow());
            List<StatusChange> history = store.history("job_001");
            assertEquals(List.of(JobStatus.CREATED, JobStatus.PENDING, JobStatus.RUNNING, JobStatus.COMPLETED),
                    history.stream().map(StatusChange::to).toList());

            Job odd = store.find("job_002").orElseThrow();
            assertEquals(JobStatus.UNKNOWN, odd.status(), "a status word this version does not know");
            assertEquals("my_job_2", odd.name());
            assertEquals("8G", odd.resources().memory().toSlurm(), "the prototype's bare numbers meant GB");
            assertEquals(Duration.ofDays(1), odd.resources().walltime());
            assertEquals(Instant.parse("2025-10-03T10:00:00Z"), odd.createdAt());
            assertTrue(odd.error().orElseThrow().message().contains("Invalid qos"));
            String note = store.history("job_002").get(0).detail();
            assertTrue(note.contains("'QUEUED'") && note.contains("'my job 2'"), note);
        }
        try (Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + db, new java.util.Properties());
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            rs.next();
            assertEquals(2, rs.getInt(1));
        }
        try (SqliteJobStore again = SqliteJobStore.open(db)) {
            assertEquals(2, again.list(JobFilter.all()).size(), "opening twice migrates once");
            assertEquals(4, again.history("job_001").size());
        }
    }
}
