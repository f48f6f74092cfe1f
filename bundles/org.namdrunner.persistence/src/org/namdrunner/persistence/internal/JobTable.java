package org.namdrunner.persistence.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.core.store.JobSummary;
import org.namdrunner.core.store.PolledJob;

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
        PreparedStatement ps = filtered(db, JobRows.SELECT, filter);
        List<Job> jobs = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                jobs.add(JobRows.read(rs));
            }
        }
        return jobs;
    }

    /** What a list shows of the jobs matching the filter, in the order of {@link #list}. */
    public List<JobSummary> summaries(JobFilter filter) throws SQLException {
        return JobSummaries.list(db, filter);
    }

    /** The summaries of these jobs, in the order of {@link #list}. */
    public List<JobSummary> summariesOf(Collection<String> ids) throws SQLException {
        return JobSummaries.of(db, ids);
    }

    /** The stages of one chain in stage order, by the chain index. */
    public List<Job> chainStages(String chainId) throws SQLException {
        return group(JobRows.SELECT + " WHERE chain_id = ? ORDER BY chain_stage, id", chainId);
    }

    /** The replicas of one set in order, by the replica-set index. */
    public List<Job> replicaSet(String setId) throws SQLException {
        return group(JobRows.SELECT + " WHERE replica_set = ? ORDER BY replica_index, id", setId);
    }

    private List<Job> group(String sql, String groupId) throws SQLException {
        PreparedStatement ps = db.prepared(sql);
        ps.setString(1, groupId);
        List<Job> jobs = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                jobs.add(JobRows.read(rs));
            }
        }
        return jobs;
    }

    /** The clusters with a job that has a SLURM id and one of these statuses. */
    public Set<String> clustersWithSubmittedJobs(Set<JobStatus> statuses) throws SQLException {
        return JobSummaries.clustersWithSubmittedJobs(db, statuses);
    }

    /**
     * The fields a sync compares, for the jobs of one cluster with a SLURM id and one of the statuses, newest first;
     * no JSON column is read and no {@link Job} built. A row that cannot be read names its job.
     */
    public List<PolledJob> polled(String clusterProfileId, Set<JobStatus> statuses) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT id, status, slurm_job_id, slurm_state, slurm_reason, submitted_at, started_at, "
                + "missing_since, name, scratch_dir FROM jobs WHERE cluster_profile = ? AND slurm_job_id IS NOT NULL");
        if (!statuses.isEmpty()) {
            sql.append(" AND status IN (").append("?, ".repeat(statuses.size() - 1)).append("?)");
        }
        sql.append(" ORDER BY created_at DESC, id");
        PreparedStatement ps = db.prepared(sql.toString());
        ps.setString(1, clusterProfileId);
        int i = 2;
        for (JobStatus status : statuses.stream().sorted().toList()) {   // sorted: one status set is one cached statement
            ps.setString(i++, status.name());
        }
        List<PolledJob> jobs = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String id = rs.getString(1);
                try {
                    jobs.add(new PolledJob(id, JobStatus.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                            rs.getString(5), Times.parse(rs.getString(6)), Times.parse(rs.getString(7)), Times.parse(rs.getString(8)),
                            rs.getString(9), rs.getString(10)));
                } catch (RuntimeException e) {
                    throw new IllegalStateException("the stored job '" + id + "' cannot be read (" + e.getMessage() + ")", e);
                }
            }
        }
        return jobs;
    }

    public boolean delete(String id) throws SQLException {
        PreparedStatement ps = db.prepared("DELETE FROM jobs WHERE id = ?");
        ps.setString(1, id);
        return ps.executeUpdate() > 0;
    }

    /** {@code select} with the filter's WHERE, newest first, its values bound; one cached statement per filter shape. */
    static PreparedStatement filtered(Database db, String select, JobFilter filter) throws SQLException {
        StringBuilder sql = new StringBuilder(select);
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
        return ps;
    }
}
