package org.namdrunner.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The schema and its forward migrations, versioned by {@code PRAGMA user_version}. Version 1 is the
 * prototype's (see docs/persistence.md); version 2 is the current one. Each migration runs in the caller's
 * transaction, so a failed migration leaves the file as it was.
 */
public final class Schema {

    public static final int CURRENT = 2;

    private Schema() {
    }

    public static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Brings the database to {@link #CURRENT}; refuses a database written by a newer NAMDRunner. */
    public static void migrate(Connection c) throws SQLException {
        int version = version(c);
        if (version > CURRENT) {
            throw new SQLException("The database was written by a newer NAMDRunner (schema " + version
                    + "); this version understands schema " + CURRENT + ". Update NAMDRunner.");
        }
        if (version == 0) {
            createCurrent(c);
        } else if (version == 1) {
            MigrationFromV1.run(c);
        }
        if (version != CURRENT) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA user_version = " + CURRENT);
            }
        }
    }

    static void createCurrent(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE jobs (
                      id TEXT PRIMARY KEY,
                      name TEXT NOT NULL,
                      job_type TEXT NOT NULL,
                      cluster_profile TEXT NOT NULL,
                      status TEXT NOT NULL,
                      slurm_job_id TEXT,
                      slurm_state TEXT,
                      slurm_reason TEXT,
                      created_at TEXT NOT NULL,
                      updated_at TEXT NOT NULL,
                      submitted_at TEXT,
                      started_at TEXT,
                      completed_at TEXT,
                      project_dir TEXT,
                      scratch_dir TEXT,
                      resources TEXT NOT NULL,
                      type_parameters TEXT NOT NULL,
                      input_files TEXT NOT NULL,
                      output_files TEXT NOT NULL,
                      error_info TEXT,
                      missing_since TEXT)""");
            createSideTables(s);
        }
    }

    static void createSideTables(Statement s) throws SQLException {
        s.execute("""
                CREATE TABLE IF NOT EXISTS job_status_history (
                  id INTEGER PRIMARY KEY AUTOINCREMENT,
                  job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
                  old_status TEXT,
                  new_status TEXT NOT NULL,
                  changed_at TEXT NOT NULL,
                  source TEXT NOT NULL,
                  detail TEXT NOT NULL DEFAULT '')""");
        s.execute("CREATE TABLE IF NOT EXISTS cluster_profiles (id TEXT PRIMARY KEY, data TEXT NOT NULL, updated_at TEXT NOT NULL)");
        s.execute("CREATE TABLE IF NOT EXISTS app_metadata (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        s.execute("CREATE INDEX IF NOT EXISTS jobs_by_status ON jobs(status)");
        s.execute("CREATE INDEX IF NOT EXISTS jobs_by_cluster ON jobs(cluster_profile)");
        s.execute("CREATE INDEX IF NOT EXISTS history_by_job ON job_status_history(job_id, id)");
    }

    static boolean hasColumn(Connection c, String table, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pragma_table_info(?) WHERE name = ?")) {
            ps.setString(1, table);
            ps.setString(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
