package org.namdrunner.persistence.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;

/** A {@link Job} to and from a row of {@code jobs}. Times are ISO-8601 UTC text. */
public final class JobRows {

    /** The columns, in the order {@link #bind} writes them; id last so that UPDATE ... WHERE id = ? works. */
    public static final String COLUMNS = "name, job_type, cluster_profile, status, slurm_job_id, slurm_state, slurm_reason, "
            + "created_at, updated_at, submitted_at, started_at, completed_at, project_dir, scratch_dir, resources, "
            + "type_parameters, input_files, output_files, error_info, missing_since, id";
    static final int COUNT = 21;

    public static final String INSERT = "INSERT INTO jobs (" + COLUMNS + ") VALUES (" + "?, ".repeat(COUNT - 1) + "?)";
    public static final String UPDATE = "UPDATE jobs SET " + COLUMNS.replace(", id", "").replace(", ", " = ?, ") + " = ? WHERE id = ?";
    public static final String SELECT = "SELECT " + COLUMNS + " FROM jobs";

    private JobRows() {
    }

    public static void bind(PreparedStatement ps, Job j) throws SQLException {
        int i = 1;
        ps.setString(i++, j.name());
        ps.setString(i++, j.jobTypeId());
        ps.setString(i++, j.clusterProfileId());
        ps.setString(i++, j.status().name());
        ps.setString(i++, j.slurmId().orElse(null));
        ps.setString(i++, j.slurmState().orElse(null));
        ps.setString(i++, j.slurmReason().orElse(null));
        ps.setString(i++, j.createdAt().toString());
        ps.setString(i++, j.updatedAt().toString());
        ps.setString(i++, text(j.submittedAt().orElse(null)));
        ps.setString(i++, text(j.startedAt().orElse(null)));
        ps.setString(i++, text(j.completedAt().orElse(null)));
        ps.setString(i++, j.projectDir().orElse(null));
        ps.setString(i++, j.scratchDir().orElse(null));
        ps.setString(i++, JsonCodec.resources(j.resources()));
        ps.setString(i++, j.typeParameters());
        ps.setString(i++, JsonCodec.strings(j.inputFiles()));
        ps.setString(i++, JsonCodec.strings(j.outputFiles()));
        ps.setString(i++, JsonCodec.error(j.error().orElse(null)));
        ps.setString(i++, text(j.missingSince().orElse(null)));
        ps.setString(i, j.id());
    }

    public static Job read(ResultSet rs) throws SQLException {
        return Job.builder().name(rs.getString(1)).jobTypeId(rs.getString(2)).clusterProfileId(rs.getString(3))
                .status(JobStatus.valueOf(rs.getString(4))).slurmId(rs.getString(5)).slurmState(rs.getString(6))
                .slurmReason(rs.getString(7)).createdAt(instant(rs.getString(8))).updatedAt(instant(rs.getString(9)))
                .submittedAt(instant(rs.getString(10))).startedAt(instant(rs.getString(11))).completedAt(instant(rs.getString(12)))
                .projectDir(rs.getString(13)).scratchDir(rs.getString(14)).resources(JsonCodec.resources(rs.getString(15)))
                .typeParameters(rs.getString(16)).inputFiles(JsonCodec.strings(rs.getString(17)))
                .outputFiles(JsonCodec.strings(rs.getString(18))).error(JsonCodec.error(rs.getString(19)))
                .missingSince(instant(rs.getString(20))).id(rs.getString(21)).build();
    }

    static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    /** ISO instants, and the prototype's zone-less local times read as UTC. */
    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (RuntimeException e) {
            return LocalDateTime.parse(text.strip().replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        }
    }
}
