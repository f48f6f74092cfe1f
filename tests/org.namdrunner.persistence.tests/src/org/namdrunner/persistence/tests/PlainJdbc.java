package org.namdrunner.persistence.tests;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.namdrunner.persistence.internal.JobRows;

/**
 * The benchmark's baseline: the same SQL as the store, on a connection with the same pragmas, written the way a
 * careful plain-JDBC program would (statements prepared once, values already as text). No objects, no checks, no
 * JSON: what is left is the cost of SQLite and the driver.
 */
final class PlainJdbc implements AutoCloseable {

    static final String HISTORY_INSERT = "INSERT INTO job_status_history (job_id, old_status, new_status, changed_at, source, detail) "
            + "VALUES (?, ?, ?, ?, ?, ?)";

    private final Connection c;
    private final PreparedStatement begin;
    private final PreparedStatement commit;
    private final PreparedStatement insertJob;
    private final PreparedStatement insertHistory;
    private final PreparedStatement selectJob;
    private final PreparedStatement updateJob;
    private final PreparedStatement listJobs;

    PlainJdbc(Path file) throws SQLException {
        c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, new Properties());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 30000");
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA synchronous = NORMAL");
            s.execute("PRAGMA foreign_keys = ON");
        }
        begin = c.prepareStatement("BEGIN IMMEDIATE");
        commit = c.prepareStatement("COMMIT");
        insertJob = c.prepareStatement(JobRows.INSERT);
        insertHistory = c.prepareStatement(HISTORY_INSERT);
        selectJob = c.prepareStatement(JobRows.SELECT + " WHERE id = ?");
        updateJob = c.prepareStatement(JobRows.UPDATE);
        listJobs = c.prepareStatement(JobRows.SELECT + " ORDER BY created_at DESC, id");
    }

    /** One transaction: the job row and its first history row. */
    void insert(String[] job, String[] history) throws SQLException {
        begin.execute();
        bind(insertJob, job);
        insertJob.executeUpdate();
        bind(insertHistory, history);
        insertHistory.executeUpdate();
        commit.execute();
    }

    List<String[]> list() throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (ResultSet rs = listJobs.executeQuery()) {
            while (rs.next()) {
                String[] v = new String[JobRows.COUNT];
                for (int i = 0; i < v.length; i++) {
                    v[i] = rs.getString(i + 1);
                }
                rows.add(v);
            }
        }
        return rows;
    }

    /** One transaction: for each job, read the stored row, check its status, rewrite it; then the history rows. */
    int apply(List<String[]> jobs, List<String> expectedStatus, List<String[]> history) throws SQLException {
        int written = 0;
        begin.execute();
        for (int k = 0; k < jobs.size(); k++) {
            String[] row = jobs.get(k);
            selectJob.setString(1, row[JobRows.ID]);
            String[] stored = new String[JobRows.COUNT];
            try (ResultSet rs = selectJob.executeQuery()) {
                if (!rs.next()) {
                    continue;
                }
                for (int i = 0; i < stored.length; i++) {
                    stored[i] = rs.getString(i + 1);
                }
            }
            if (!expectedStatus.get(k).equals(stored[JobRows.STATUS])) {
                continue;
            }
            bind(updateJob, row);
            updateJob.executeUpdate();
            written++;
        }
        for (String[] h : history) {
            bind(insertHistory, h);
            insertHistory.addBatch();
        }
        insertHistory.executeBatch();
        commit.execute();
        return written;
    }

    private static void bind(PreparedStatement ps, String[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            ps.setString(i + 1, values[i]);
        }
    }

    @Override
    public void close() throws SQLException {
        c.close();
    }
}
