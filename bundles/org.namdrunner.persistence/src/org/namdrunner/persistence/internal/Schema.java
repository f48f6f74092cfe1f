package org.namdrunner.persistence.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema and its forward migrations, versioned by {@code PRAGMA user_version} (docs/persistence.md).
 * Version 1 is the prototype's; version 2 added profiles and settings beside the jobs; version 3 added
 * {@code job_templates}; version 4 adds {@code job_status_history.observed_at}, when a poll saw a change
 * whose {@code changed_at} is SLURM's own time (null in older rows: they were dated when observed); version 5
 * adds {@code jobs.chain_id}, {@code chain_stage} and {@code chain_label}, a job's place in a chain of stages (null for a
 * job that is none); version 6 (current) adds {@code jobs.replica_set}, {@code replica_index} and {@code replica_count},
 * a job's place in a set of replicas (null for a job that is none). {@link #migrate} runs inside the caller's
 * {@code BEGIN IMMEDIATE} transaction with foreign keys off, so a failed migration leaves the file as it was and
 * two processes opening an old file at once migrate it once.
 */
public final class Schema {

    public static final int CURRENT = 6;

    // the chain and replica columns on missing_since's line: exactly the text SQLite's ALTER TABLE ADD COLUMN leaves in
    // a file upgraded from version 4 or 5, so an upgraded file and a fresh one have the same schema, to the letter
    static final String JOBS = """
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
              missing_since TEXT, chain_id TEXT, chain_stage INTEGER, chain_label TEXT, replica_set TEXT, replica_index INTEGER, replica_count INTEGER)""";

    static final String HISTORY = """
            CREATE TABLE job_status_history (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
              old_status TEXT,
              new_status TEXT NOT NULL,
              changed_at TEXT NOT NULL,
              source TEXT NOT NULL,
              detail TEXT NOT NULL DEFAULT '',
              observed_at TEXT)""";

    private static final List<String> SIDE_TABLES = List.of(
            "CREATE TABLE IF NOT EXISTS cluster_profiles (id TEXT PRIMARY KEY, data TEXT NOT NULL, updated_at TEXT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS app_metadata (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            // version 3: a person's config templates; data = description, text and variables as JSON
            "CREATE TABLE IF NOT EXISTS job_templates (id TEXT PRIMARY KEY, name TEXT NOT NULL COLLATE NOCASE UNIQUE, "
                    + "job_type TEXT NOT NULL, data TEXT NOT NULL, updated_at TEXT NOT NULL)");

    /** Indexes and the append-only guard of the history; created where missing on every open. */
    private static final List<String> INDEXES_AND_GUARDS = List.of(
            "CREATE INDEX IF NOT EXISTS jobs_by_status ON jobs(status)",
            "CREATE INDEX IF NOT EXISTS jobs_by_cluster ON jobs(cluster_profile)",
            "CREATE INDEX IF NOT EXISTS jobs_by_chain ON jobs(chain_id, chain_stage)",
            "CREATE INDEX IF NOT EXISTS jobs_by_replica_set ON jobs(replica_set, replica_index)",
            "CREATE INDEX IF NOT EXISTS history_by_job ON job_status_history(job_id, id)",
            """
            CREATE TRIGGER IF NOT EXISTS history_rows_are_never_changed BEFORE UPDATE ON job_status_history
            BEGIN SELECT RAISE(ABORT, 'job_status_history is append-only: a row is never changed'); END""",
            // rows leave only together with their job (ON DELETE CASCADE runs after the job row is gone)
            """
            CREATE TRIGGER IF NOT EXISTS history_rows_leave_only_with_their_job BEFORE DELETE ON job_status_history
            WHEN EXISTS (SELECT 1 FROM jobs WHERE id = OLD.job_id)
            BEGIN SELECT RAISE(ABORT, 'job_status_history is append-only: rows are removed only with their job'); END""");

    private Schema() {
    }

    public static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /**
     * Refuses a database written by a newer NAMDRunner and one that is not ours, only reading: called before the
     * connection switches the file to WAL, so that a file we refuse is left exactly as it was.
     */
    public static void refuseForeign(Connection c) throws SQLException {
        int version = version(c);
        List<String> tables = tables(c);
        if (version > CURRENT) {
            throw new StoreProblem("it was written by a newer NAMDRunner (schema " + version + "; this version understands "
                    + "schema " + CURRENT + " and older). Update NAMDRunner; the file was not changed");
        }
        if (version == 0 && !tables.isEmpty()) {
            throw new StoreProblem("it is an SQLite database of another program (tables " + String.join(", ", tables)
                    + ", no NAMDRunner schema version); it was left untouched. Choose another file");
        }
        if (version == 1 && !(tables.contains("jobs") && tables.contains("job_status_history"))) {
            throw new StoreProblem("it says schema 1 but has no jobs and job_status_history tables (it has "
                    + String.join(", ", tables) + "); it was left untouched");
        }
    }

    /** Brings the database to {@link #CURRENT}, inside the caller's write transaction. */
    public static void migrate(Connection c) throws SQLException {
        // again, inside the transaction: another process may have changed the file since the first look
        refuseForeign(c);
        int version = version(c);
        try (Statement s = c.createStatement()) {
            if (version == 0) {
                s.execute(JOBS);
                s.execute(HISTORY);
            } else if (version == 1) {
                MigrationFromV1.run(c);
            }
            // 2 → 3 only adds job_templates (a side table below): every existing row stays as it is
            createSideTables(s);
            // 3 → 4: history rows note when they were observed; older rows keep null (changed_at was the observation)
            if (!columns(c, "job_status_history").contains("observed_at")) {
                s.execute("ALTER TABLE job_status_history ADD COLUMN observed_at TEXT");
            }
            // 4 → 5: a job's place in a chain of stages; 5 → 6: in a set of replicas; every existing job is in none (null)
            List<String> jobColumns = columns(c, "jobs");
            for (String column : List.of("chain_id TEXT", "chain_stage INTEGER", "chain_label TEXT", "replica_set TEXT",
                    "replica_index INTEGER", "replica_count INTEGER")) {
                if (!jobColumns.contains(column.substring(0, column.indexOf(' ')))) {
                    s.execute("ALTER TABLE jobs ADD COLUMN " + column);
                }
            }
            for (String sql : INDEXES_AND_GUARDS) {
                s.execute(sql);
            }
            if (version != CURRENT) {
                s.execute("PRAGMA user_version = " + CURRENT);
            }
        }
    }

    static void createSideTables(Statement s) throws SQLException {
        for (String sql : SIDE_TABLES) {
            s.execute(sql);
        }
    }

    static List<String> columns(Connection c, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                out.add(rs.getString("name"));
            }
        }
        return out;
    }

    static List<String> tables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
