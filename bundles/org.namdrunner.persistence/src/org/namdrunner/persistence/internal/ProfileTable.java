package org.namdrunner.persistence.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.namdrunner.core.cluster.ClusterProfile;

/** {@code cluster_profiles}: each profile as one JSON document. Never holds a secret (ClusterProfile has none). */
public final class ProfileTable {

    private final Database db;

    public ProfileTable(Database db) {
        this.db = db;
    }

    public List<ClusterProfile> all() throws SQLException {
        List<ClusterProfile> out = new ArrayList<>();
        try (ResultSet rs = db.prepared("SELECT id, data FROM cluster_profiles ORDER BY id").executeQuery()) {
            while (rs.next()) {
                try {
                    out.add(JsonCodec.profile(rs.getString(2)));
                } catch (RuntimeException e) {
                    throw new IllegalStateException("the stored cluster profile '" + rs.getString(1) + "' cannot be read ("
                            + e.getMessage() + ")", e);
                }
            }
        }
        return out;
    }

    public void save(ClusterProfile profile) throws SQLException {
        PreparedStatement ps = db.prepared("INSERT INTO cluster_profiles (id, data, updated_at) VALUES (?, ?, ?) "
                + "ON CONFLICT(id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at");
        ps.setString(1, profile.id());
        ps.setString(2, JsonCodec.profile(profile));
        ps.setString(3, Times.format(Instant.now()));
        ps.executeUpdate();
    }

    public boolean delete(String id) throws SQLException {
        PreparedStatement ps = db.prepared("DELETE FROM cluster_profiles WHERE id = ?");
        ps.setString(1, id);
        return ps.executeUpdate() > 0;
    }
}
