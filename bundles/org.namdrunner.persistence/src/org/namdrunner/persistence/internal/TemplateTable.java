package org.namdrunner.persistence.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.namdrunner.core.store.StoredTemplate;
import org.namdrunner.core.store.TemplateVariable;

/**
 * {@code job_templates}: one row per stored template; {@code data} holds description, text and variables as JSON
 * ({@code {"description":..,"text":..,"variables":[{"key","label","type","min","max","default","extensions"}]}}).
 */
public final class TemplateTable {

    private final Database db;

    public TemplateTable(Database db) {
        this.db = db;
    }

    public List<StoredTemplate> all() throws SQLException {
        List<StoredTemplate> out = new ArrayList<>();
        try (ResultSet rs = db.prepared("SELECT id, name, job_type, data FROM job_templates ORDER BY name, id").executeQuery()) {
            while (rs.next()) {
                out.add(read(rs));
            }
        }
        return out;
    }

    public Optional<StoredTemplate> find(String id) throws SQLException {
        PreparedStatement ps = db.prepared("SELECT id, name, job_type, data FROM job_templates WHERE id = ?");
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(read(rs)) : Optional.empty();
        }
    }

    /** The id of the template that has this name (case ignored), if any. */
    public Optional<String> idOfName(String name) throws SQLException {
        PreparedStatement ps = db.prepared("SELECT id FROM job_templates WHERE name = ?");
        ps.setString(1, name);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    public void save(StoredTemplate t) throws SQLException {
        PreparedStatement ps = db.prepared("INSERT INTO job_templates (id, name, job_type, data, updated_at) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT(id) DO UPDATE SET name = excluded.name, job_type = excluded.job_type, data = excluded.data, "
                + "updated_at = excluded.updated_at");
        ps.setString(1, t.id());
        ps.setString(2, t.name());
        ps.setString(3, t.jobTypeId());
        ps.setString(4, data(t));
        ps.setString(5, Times.format(Instant.now()));
        ps.executeUpdate();
    }

    public boolean delete(String id) throws SQLException {
        PreparedStatement ps = db.prepared("DELETE FROM job_templates WHERE id = ?");
        ps.setString(1, id);
        return ps.executeUpdate() > 0;
    }

    static String data(StoredTemplate t) {
        JsonObject o = new JsonObject();
        o.addProperty("description", t.description());
        o.addProperty("text", t.text());
        JsonArray vars = new JsonArray();
        for (TemplateVariable v : t.variables()) {
            JsonObject j = new JsonObject();
            j.addProperty("key", v.key());
            j.addProperty("label", v.label());
            j.addProperty("type", v.type());
            j.addProperty("min", v.min());
            j.addProperty("max", v.max());
            j.addProperty("default", v.defaultValue());
            JsonArray ext = new JsonArray();
            v.extensions().forEach(ext::add);
            j.add("extensions", ext);
            vars.add(j);
        }
        o.add("variables", vars);
        return o.toString();
    }

    private static StoredTemplate read(ResultSet rs) throws SQLException {
        String id = rs.getString(1);
        try {
            JsonObject o = JsonParser.parseString(rs.getString(4)).getAsJsonObject();
            List<TemplateVariable> vars = new ArrayList<>();
            for (JsonElement e : o.getAsJsonArray("variables")) {
                JsonObject j = e.getAsJsonObject();
                List<String> ext = new ArrayList<>();
                j.getAsJsonArray("extensions").forEach(x -> ext.add(x.getAsString()));
                vars.add(new TemplateVariable(j.get("key").getAsString(), j.get("label").getAsString(), j.get("type").getAsString(),
                        j.get("min").getAsDouble(), j.get("max").getAsDouble(), j.get("default").getAsString(), ext));
            }
            return new StoredTemplate(id, rs.getString(2), rs.getString(3), o.get("description").getAsString(),
                    o.get("text").getAsString(), vars);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the stored template '" + id + "' cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
