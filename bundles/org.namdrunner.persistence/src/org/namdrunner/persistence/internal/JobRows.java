package org.namdrunner.persistence.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.namdrunner.core.model.ChainLink;
import org.namdrunner.core.model.ReplicaLink;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;

/**
 * A {@link Job} as the text of a {@code jobs} row and back. Rows are compared as text: the encoding is
 * deterministic, so equal text means an equal job.
 */
public final class JobRows {

    /** The columns in the order of {@link #values}; {@code id} last so that {@code UPDATE ... WHERE id = ?} binds in order. */
    public static final String COLUMNS = "name, job_type, cluster_profile, status, slurm_job_id, slurm_state, slurm_reason, "
            + "created_at, updated_at, submitted_at, started_at, completed_at, project_dir, scratch_dir, resources, "
            + "type_parameters, input_files, output_files, error_info, missing_since, chain_id, chain_stage, chain_label, "
            + "replica_set, replica_index, replica_count, id";
    public static final int COUNT = 27;
    public static final int STATUS = 3;
    public static final int UPDATED_AT = 8;
    public static final int ID = 26;

    public static final String INSERT = "INSERT INTO jobs (" + COLUMNS + ") VALUES (" + "?, ".repeat(COUNT - 1) + "?)";
    public static final String UPDATE = "UPDATE jobs SET " + COLUMNS.replace(", id", "").replace(", ", " = ?, ") + " = ? WHERE id = ?";
    public static final String SELECT = "SELECT " + COLUMNS + " FROM jobs";

    private JobRows() {
    }

    /** The column values of a job, in {@link #COLUMNS} order. */
    public static String[] values(Job j) {
        return new String[] { j.name(), j.jobTypeId(), j.clusterProfileId(), j.status().name(), j.slurmId().orElse(null),
                j.slurmState().orElse(null), j.slurmReason().orElse(null), Times.format(j.createdAt()),
                Times.format(j.updatedAt()), Times.format(j.submittedAt().orElse(null)), Times.format(j.startedAt().orElse(null)),
                Times.format(j.completedAt().orElse(null)), j.projectDir().orElse(null), j.scratchDir().orElse(null),
                JsonCodec.resources(j.resources(), j.usage().orElse(null)), j.typeParameters(), JsonCodec.strings(j.inputFiles()),
                JsonCodec.strings(j.outputFiles()), JsonCodec.error(j.error().orElse(null)),
                Times.format(j.missingSince().orElse(null)), j.chain().map(ChainLink::chainId).orElse(null),
                j.chain().map(l -> Integer.toString(l.stage())).orElse(null), j.chain().map(ChainLink::label).orElse(null),
                j.replica().map(ReplicaLink::setId).orElse(null), j.replica().map(l -> Integer.toString(l.index())).orElse(null),
                j.replica().map(l -> Integer.toString(l.count())).orElse(null), j.id() };
    }

    /** Binds values as parameters 1 to {@link #COUNT}: for {@link #INSERT}, and for {@link #UPDATE}, whose last parameter is the id. */
    public static void bind(PreparedStatement ps, String[] values) throws SQLException {
        for (int i = 0; i < COUNT; i++) {
            ps.setString(i + 1, values[i]);
        }
    }

    /** The row under the cursor of a {@link #SELECT} as text. */
    public static String[] text(ResultSet rs) throws SQLException {
        String[] v = new String[COUNT];
        for (int i = 0; i < COUNT; i++) {
            v[i] = rs.getString(i + 1);
        }
        return v;
    }

    /** True when the rows differ at most in {@code updated_at}: writing the second would change nothing a person sees. */
    public static boolean sameExceptUpdatedAt(String[] stored, String[] candidate) {
        for (int i = 0; i < COUNT; i++) {
            if (i != UPDATED_AT && !java.util.Objects.equals(stored[i], candidate[i])) {
                return false;
            }
        }
        return true;
    }

    /** A chain link from its three columns; null when the job is in no chain. */
    static ChainLink chain(String chainId, String stage, String label) {
        if (chainId == null) {
            return null;
        }
        return new ChainLink(chainId, Integer.parseInt(stage), label);
    }

    /** A replica link from its three columns; null when the job is in no replica set. */
    static ReplicaLink replica(String setId, String index, String count) {
        if (setId == null) {
            return null;
        }
        return new ReplicaLink(setId, Integer.parseInt(index), Integer.parseInt(count));
    }

    /** The job under the cursor of a {@link #SELECT}; a row that cannot be read names its job. */
    public static Job read(ResultSet rs) throws SQLException {
        String id = rs.getString(ID + 1);
        try {
            return Job.builder().name(rs.getString(1)).jobTypeId(rs.getString(2)).clusterProfileId(rs.getString(3))
                    .status(JobStatus.valueOf(rs.getString(4))).slurmId(rs.getString(5)).slurmState(rs.getString(6))
                    .slurmReason(rs.getString(7)).createdAt(Times.parse(rs.getString(8))).updatedAt(Times.parse(rs.getString(9)))
                    .submittedAt(Times.parse(rs.getString(10))).startedAt(Times.parse(rs.getString(11)))
                    .completedAt(Times.parse(rs.getString(12))).projectDir(rs.getString(13)).scratchDir(rs.getString(14))
                    .resources(JsonCodec.resources(rs.getString(15))).usage(JsonCodec.usage(rs.getString(15))).typeParameters(rs.getString(16))
                    .inputFiles(JsonCodec.strings(rs.getString(17))).outputFiles(JsonCodec.strings(rs.getString(18)))
                    .error(JsonCodec.error(rs.getString(19))).missingSince(Times.parse(rs.getString(20)))
                    .chain(chain(rs.getString(21), rs.getString(22), rs.getString(23)))
                    .replica(replica(rs.getString(24), rs.getString(25), rs.getString(26))).id(id).build();
        } catch (RuntimeException e) {
            throw new IllegalStateException("the stored job '" + id + "' cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
