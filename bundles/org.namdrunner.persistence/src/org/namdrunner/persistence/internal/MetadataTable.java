package org.namdrunner.persistence.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** {@code app_metadata}: small key/value settings beside the jobs. */
public final class MetadataTable {

    private final Database db;

    public MetadataTable(Database db) {
        this.db = db;
    }

    public Optional<String> get(String key) throws SQLException {
        PreparedStatement ps = db.prepared("SELECT value FROM app_metadata WHERE key = ?");
        ps.setString(1, key);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    public void put(String key, String value) throws SQLException {
        PreparedStatement ps = db.prepared(
                "INSERT INTO app_metadata (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        ps.setString(1, key);
        ps.setString(2, value);
        ps.executeUpdate();
    }
}
