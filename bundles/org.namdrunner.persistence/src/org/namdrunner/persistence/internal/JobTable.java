package org.namdrunner.persistence.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.store.JobFilter;

/** The {@code jobs} table: rows in and out, always through prepared statements. */
public final class JobTable {

    private final Database db;

    public JobTable(Database db) {
        this.db = db;
    }

    /** Inserts the row; false when a job with its id exists already. */
    public boolean insert(String[] values) throws SQLException {
        PreparedStatement ps = db.prepared(JobRows.INSERT);
        JobRows.bind(ps, values);
        try {
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (StoreErrors.isPrimaryKeyViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    public void update(String[] values) throws SQLException {
        PreparedStatement ps = db.prepared(JobRows.UPDATE);
        JobRows.bind(ps, values);
        ps.executeUpdate();
    }

    /** The stored row as text, or null. */
    public String[] text(String id) throws SQLException {
        PreparedStatement ps = db.prepared(JobRows.SELECT + " WHERE id = ?");
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? JobRows.text(rs) : null;
        }
    }

    public Optional<Job> find(String id) throws SQLException {
        PreparedStatement ps = db.prepared(JobRows.SELECT + " WHERE id = ?");
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(JobRows.read(rs)) : Optional.empty();
        }
    }

    /** Newest first; ties (jobs created in the same instant) by id. */
    public List<Job> list(JobFilter filter) throws SQLException {
        StringBuilder sql = new StringBuilder(JobRows.SELECT);
        List<String> args = new ArrayList<>();
        String glue = " WHERE ";
        if (!filter.statuses().isEmpty()) {
            sql.append(glue).append("status IN (").append("?, ".repeat(filter.statuses().size() - 1)).append("?)");
            // sorted, so that one filter is one cached statement
            filter.statuses().stream().sorted().map(JobStatus::name).forEach(args::add);
            glue = " AND ";
        }
        if (filter.clusterProfileId() != null) {
            sql.append(glue).append("cluster_profile = ?");
            args.add(filter.clusterProfileId());
        }
        sql.append(" ORDER BY created_at DESC, id");
        PreparedStatement ps = db.prepared(sql.toString());
        for (int i = 0; i < args.size(); i++) {
            ps.setString(i + 1, args.get(i));
        }
        List<Job> jobs = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                jobs.add(JobRows.read(rs));
            }
        }
        return jobs;
    }

    public boolean delete(String id) throws SQLException {
        PreparedStatement ps = db.prepared("DELETE FROM jobs WHERE id = ?");
        ps.setString(1, id);
        return ps.executeUpdate() > 0;
    }
}
