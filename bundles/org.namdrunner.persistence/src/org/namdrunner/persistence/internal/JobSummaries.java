package org.namdrunner.persistence.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;

import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.ReplicaLink;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.core.store.JobSummary;

/**
 * The {@link JobSummary} rows of the {@code jobs} table: only the columns a list shows, with the walltime and the
 * error message taken out of their JSON columns by SQLite, so no JSON is decoded and no whole job built.
 *
 * <p>A list of 100,000 jobs is read at start-up, so what a row costs in garbage matters (docs/benchmarks.md,
 * "Scale"). Text columns are made into Strings from the driver's bytes, a repeated value once ({@link TextColumns}); the
 * four times come as whole seconds and nanoseconds that SQLite reads out of the stored text ({@link Times} writes a
 * fixed 30-character form); only a time in another form is read as text.
 */
final class JobSummaries {

    private static final int TIME_TEXT_LENGTH = 30;   // Times.format: 2026-11-29T10:00:00.000000000Z
    private static final String COLUMNS = "SELECT id, name, job_type, cluster_profile, status, slurm_job_id, slurm_state, "
            + "slurm_reason, project_dir, json_extract(resources, '$.walltimeSeconds'), json_extract(error_info, '$.message'), "
            + time("created_at") + ", " + time("submitted_at") + ", " + time("started_at") + ", " + time("completed_at") + ", chain_id, chain_stage, chain_label, replica_set, replica_index, replica_count FROM jobs";
    private static final int FIRST_TIME = 12;
    private static final int IDS_PER_QUERY = 500;

    private JobSummaries() {
    }

    /**
     * Three columns: the seconds of a time in its stored form (null when it is in another), its nanoseconds, and its text,
     * which the driver turns into a String only when asked, so only for a time in another form. One {@code unixepoch}
     * a time, not four: parsing each time four times was about a tenth of the CPU of reading 100,000 rows.
     */
    private static String time(String column) {
        return "CASE WHEN length(" + column + ") = " + TIME_TEXT_LENGTH + " THEN unixepoch(" + column + ") END, CAST(substr("
                + column + ", 21, 9) AS INTEGER), " + column;
    }

    /** Newest first, ties by id: the order of {@link JobTable#list}. */
    static List<JobSummary> list(Database db, JobFilter filter) throws SQLException {
        PreparedStatement ps = JobTable.filtered(db, COLUMNS, filter);
        List<JobSummary> out = new ArrayList<>();
        read(ps, new TextColumns(), out);
        return out;
    }

    /** The summaries of these jobs in the same order; ids with no job are left out. */
    static List<JobSummary> of(Database db, Collection<String> ids) throws SQLException {
        List<String> unique = new ArrayList<>(new LinkedHashSet<>(ids));
        TextColumns text = new TextColumns();
        List<JobSummary> out = new ArrayList<>(unique.size());
        for (int from = 0; from < unique.size(); from += IDS_PER_QUERY) {
            List<String> part = unique.subList(from, Math.min(unique.size(), from + IDS_PER_QUERY));
            PreparedStatement ps = db.prepared(COLUMNS + " WHERE id IN (" + "?, ".repeat(part.size() - 1) + "?)");
            for (int i = 0; i < part.size(); i++) {
                ps.setString(i + 1, part.get(i));
            }
            read(ps, text, out);
        }
        out.sort(Comparator.comparing(JobSummary::createdAt).reversed().thenComparing(JobSummary::id));
        return out;
    }

    /** The clusters with a submitted job in one of these statuses (every status when empty). */
    static TreeSet<String> clustersWithSubmittedJobs(Database db, Collection<JobStatus> statuses) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT DISTINCT cluster_profile FROM jobs WHERE slurm_job_id IS NOT NULL");
        List<String> names = statuses.stream().sorted().map(JobStatus::name).toList();
        if (!names.isEmpty()) {
            sql.append(" AND status IN (").append("?, ".repeat(names.size() - 1)).append("?)");
        }
        PreparedStatement ps = db.prepared(sql.toString());
        for (int i = 0; i < names.size(); i++) {
            ps.setString(i + 1, names.get(i));
        }
        TreeSet<String> out = new TreeSet<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static void read(PreparedStatement ps, TextColumns text, List<JobSummary> out) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String id = text.text(rs, 1);
                try {
                    out.add(new JobSummary(id, text.text(rs, 2), text.shared(rs, 3), text.shared(rs, 4),
                            JobStatus.valueOf(text.shared(rs, 5)), text.text(rs, 6), text.shared(rs, 7), text.shared(rs, 8),
                            time(rs, FIRST_TIME), time(rs, FIRST_TIME + 3), time(rs, FIRST_TIME + 6),
                            time(rs, FIRST_TIME + 9), text.text(rs, 9), Duration.ofSeconds(rs.getLong(10)), text.shared(rs, 11),
                            JobRows.chain(rs.getString(FIRST_TIME + 12), rs.getString(FIRST_TIME + 13), rs.getString(FIRST_TIME + 14)),
                            replica(rs, FIRST_TIME + 15, text)));
                } catch (RuntimeException e) {
                    throw new IllegalStateException("the stored job '" + id + "' cannot be read (" + e.getMessage() + ")", e);
                }
            }
        }
    }

    /** Read only when the row is in a set, so a lone job costs one null column, not three Strings. */
    private static ReplicaLink replica(ResultSet rs, int column, TextColumns text) throws SQLException {
        String setId = text.shared(rs, column);
        return setId == null ? null : new ReplicaLink(setId, rs.getInt(column + 1), rs.getInt(column + 2));
    }

    private static Instant time(ResultSet rs, int column) throws SQLException {
        long seconds = rs.getLong(column);
        if (!rs.wasNull()) {
            return Instant.ofEpochSecond(seconds, rs.getLong(column + 1));
        }
        return Times.parse(rs.getString(column + 2));   // null, or a time not in the stored form
    }

}
