package org.namdrunner.persistence.tests;

import java.nio.file.Path;
import java.sql.SQLException;

/**
 * A database file as the prototype wrote it: schema version 1 (docs/persistence.md), built with plain JDBC, with
 * the rows a prototype user would really have, odd ones included.
 */
final class PrototypeDatabase {

    private PrototypeDatabase() {
    }

    static void write(Path file) throws SQLException {
        try (RawDb raw = new RawDb(file)) {
            raw.execute("""
                    CREATE TABLE jobs (id TEXT PRIMARY KEY, name TEXT NOT NULL, status TEXT NOT NULL, slurm_job_id TEXT,
                      created_at TEXT NOT NULL, updated_at TEXT NOT NULL, submitted_at TEXT, completed_at TEXT,
                      project_dir TEXT, scratch_dir TEXT, error_info TEXT, namd_config TEXT, slurm_config TEXT, input_files TEXT)""");
            raw.execute("""
                    CREATE TABLE job_status_history (id INTEGER PRIMARY KEY AUTOINCREMENT,
                      job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE, old_status TEXT, new_status TEXT NOT NULL,
                      changed_at TEXT NOT NULL, source TEXT)""");
            // a finished job, everything filled in
            raw.execute("""
                    INSERT INTO jobs VALUES ('job_001', 'ubiquitin_eq', 'COMPLETED', '4412345', '2025-10-01T09:00:00Z',
                      '2025-10-02T09:00:00Z', '2025-10-01T09:05:00Z', '2025-10-02T08:00:00Z',
                      '/projects/ralphie/namdrunner_jobs/job_001', '/scratch/alpine/ralphie/namdrunner_jobs/job_001', NULL,
                      '{"temperature":"310","steps":"500000","timestep":"2.0"}',
                      '{"cores":24,"memory":"16GB","walltime":"04:00:00","partition":"amilan","qos":"normal","account":""}',
                      '["input_files/ubq.psf","input_files/ubq.pdb","input_files/par_all36_prot.prm"]')""");
            // a name with spaces, a status word the model never had, zone-less times, a bare memory number, an error line
            raw.execute("""
                    INSERT INTO jobs VALUES ('job_002', 'my job 2', 'QUEUED', NULL, '2025-10-03 10:00:00',
                      '2025-10-03 10:00:00', NULL, NULL, NULL, NULL, 'sbatch: error: Invalid qos specification', NULL,
                      '{"cores":4,"memory":"8","walltime":"1-00:00:00"}', NULL)""");
            // a running job with a step id, local input paths, config that is not JSON and memory it cannot read
            raw.execute("""
                    INSERT INTO jobs VALUES ('job_003', 'membrane-npt', 'running', '4412399.batch', '2025-10-04T08:00:00+02:00',
                      '2025-10-04T09:00:00Z', '2025-10-04T06:05:00Z', NULL,
                      '/projects/ralphie/namdrunner_jobs/job_003', '/scratch/alpine/ralphie/namdrunner_jobs/job_003', NULL,
                      'temperature=310', '{"cores":"lots","memory":"a lot","walltime":"90","partition":"amilan"}',
                      '["/home/ralphie/sims/membrane.psf","input_files/membrane.pdb","C:\\\\Users\\\\r\\\\my run.conf"]')""");
            // an id the current rules refuse, and a lower-case status
            raw.execute("""
                    INSERT INTO jobs VALUES ('job 004', 'failed run', 'failed', '4412400', '2025-10-05T12:00:00Z',
                      '2025-10-05T13:00:00Z', '2025-10-05T12:01:00Z', '2025-10-05T13:00:00Z', NULL, NULL,
                      'FATAL ERROR: Unable to open PSF file', '{}', '{}', '[]')""");
            raw.execute("INSERT INTO job_status_history (job_id, old_status, new_status, changed_at, source) VALUES "
                    + "('job_001', NULL, 'CREATED', '2025-10-01T09:00:00Z', 'local'),"
                    + "('job_001', 'CREATED', 'PENDING', '2025-10-01T09:05:00Z', 'user'),"
                    + "('job_001', 'PENDING', 'RUNNING', '2025-10-01T10:00:00Z', 'slurm'),"
                    + "('job_001', 'RUNNING', 'COMPLETED', '2025-10-02T08:00:00Z', NULL),"
                    + "('job_002', NULL, 'CREATED', '2025-10-03 10:00:00', 'local'),"
                    + "('job_002', 'CREATED', 'QUEUED', '2025-10-03 10:01:00', 'user'),"
                    + "('job_003', NULL, 'CREATED', '2025-10-04T06:00:00Z', 'local'),"
                    + "('job_003', 'CREATED', 'PENDING', '2025-10-04T06:05:00Z', 'USER'),"
                    + "('job_003', 'PENDING', 'RUNNING', '2025-10-04T07:30:00Z', 'slurm'),"
                    + "('job 004', NULL, 'CREATED', '2025-10-05T12:00:00Z', 'local'),"
                    + "('job 004', 'CREATED', 'FAILED', '2025-10-05T13:00:00Z', 'cron'),"
                    + "('job_999', NULL, 'CREATED', '2025-09-01T00:00:00Z', 'local')");
            raw.execute("PRAGMA user_version = 1");
        }
    }
}
