package org.namdrunner.persistence.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.StatusChange;
import org.namdrunner.core.model.StatusSource;

/** {@code job_status_history}: rows are appended, never changed (the schema refuses updates). */
public final class HistoryTable {

    static final String INSERT = "INSERT INTO job_status_history (job_id, old_status, new_status, changed_at, source, detail, observed_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT = "SELECT old_status, new_status, changed_at, source, detail, observed_at FROM job_status_history "
            + "WHERE job_id = ? ORDER BY id";

    private final Database db;

    public HistoryTable(Database db) {
        this.db = db;
    }

    public void append(List<StatusChange> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        PreparedStatement ps = db.prepared(INSERT);
        if (changes.size() == 1) {
            bind(ps, changes.get(0));
            ps.executeUpdate();
            return;
        }
        try {
            for (StatusChange c : changes) {
                bind(ps, c);
                ps.addBatch();
            }
            ps.executeBatch();
        } finally {
            ps.clearBatch();
        }
    }

    private static void bind(PreparedStatement ps, StatusChange c) throws SQLException {
        ps.setString(1, c.jobId());
        ps.setString(2, c.from() == null ? null : c.from().name());
        ps.setString(3, c.to().name());
        ps.setString(4, Times.format(c.at()));
        ps.setString(5, c.source().key());
        ps.setString(6, c.detail());
        ps.setString(7, c.observedAt().equals(c.at()) ? null : Times.format(c.observedAt()));
    }

    /** Oldest first, in the order the rows were appended. */
    public List<StatusChange> read(String jobId) throws SQLException {
        PreparedStatement ps = db.prepared(SELECT);
        ps.setString(1, jobId);
        List<StatusChange> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String from = rs.getString(1);
                out.add(change(jobId, from == null ? null : JobStatus.valueOf(from), JobStatus.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
            }
        }
        return out;
    }

    /**
     * History keeps what happened, even a move today's transition table refuses (a prototype's row, schema 1);
     * such a row is shown as a fresh start that says what was recorded.
     */
    private static StatusChange change(String jobId, JobStatus from, JobStatus to, String at, String source, String detail,
            String observedAt) {
        Instant observed = Times.parse(observedAt);
        if (from != null && !from.canMoveTo(to)) {
            return new StatusChange(jobId, null, to, Times.parse(at), StatusSource.fromKey(source),
                    detail + " (recorded as " + from + " -> " + to + ")", observed);
        }
        return new StatusChange(jobId, from, to, Times.parse(at), StatusSource.fromKey(source), detail, observed);
    }
}
