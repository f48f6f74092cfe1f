package org.namdrunner.persistence.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.core.store.JobSummary;

/**
 * The {@link JobSummary} rows of the {@code jobs} table: only the columns a list shows, with the walltime and the
 * error message taken out of their JSON columns by SQLite, so no JSON is decoded and no whole job built.
 */
final class JobSummaries {

    private static final String SELECT = "SELECT id, name, job_type, cluster_profile, status, slurm_job_id, slurm_state, "
            + "slurm_reason, created_at, submitted_at, started_at, completed_at, project_dir, "
            + "json_extract(resources, '$.walltimeSeconds'), json_extract(error_info, '$.message'), chain_id, chain_stage, chain_label FROM jobs";

    private JobSummaries() {
    }

    /** Newest first, ties by id: the order of {@link JobTable#list}. */
    static List<JobSummary> list(Database db, JobFilter filter) throws SQLException {
        PreparedStatement ps = JobTable.filtered(db, SELECT, filter);
        // job types, clusters, SLURM states and reasons and error messages repeat: one string each, not one per row
        Map<String, String> shared = new HashMap<>();
        List<JobSummary> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String id = rs.getString(1);
                try {
                    out.add(new JobSummary(id, rs.getString(2), share(shared, rs.getString(3)),
                            share(shared, rs.getString(4)), JobStatus.valueOf(rs.getString(5)), rs.getString(6),
                            share(shared, rs.getString(7)), share(shared, rs.getString(8)), Times.parse(rs.getString(9)), Times.parse(rs.getString(10)),
                            Times.parse(rs.getString(11)), Times.parse(rs.getString(12)), rs.getString(13),
                            Duration.ofSeconds(rs.getLong(14)), share(shared, rs.getString(15)),
                            JobRows.chain(rs.getString(16), rs.getString(17), rs.getString(18))));
                } catch (RuntimeException e) {
                    throw new IllegalStateException("the stored job '" + id + "' cannot be read (" + e.getMessage() + ")", e);
                }
            }
        }
        return out;
    }

    private static String share(Map<String, String> shared, String s) {
        return s == null ? null : shared.computeIfAbsent(s, k -> k);
    }
}
