package org.namdrunner.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.namdrunner.core.model.ErrorInfo;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.MemorySize;
import org.namdrunner.core.model.Resources;

/**
 * Version 1 (the prototype) → version 2. New columns are added and filled from the old ones: the job
 * type becomes {@code namd}, the cluster {@code default}, {@code slurm_config} becomes resources,
 * {@code namd_config} the type parameters, a plain-text error becomes error info. A status word the
 * current model does not know becomes UNKNOWN, with a history row saying what it was. No row is dropped.
 */
final class MigrationFromV1 {

    private record OldRow(String id, String name, String status, String slurmConfig, String namdConfig, String error,
            String updatedAt) {
    }

    private MigrationFromV1() {
    }

    static void run(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            add(c, s, "job_type TEXT NOT NULL DEFAULT 'namd'");
            add(c, s, "cluster_profile TEXT NOT NULL DEFAULT 'default'");
            add(c, s, "slurm_state TEXT");
            add(c, s, "slurm_reason TEXT");
            add(c, s, "started_at TEXT");
            add(c, s, "resources TEXT NOT NULL DEFAULT '{}'");
            add(c, s, "type_parameters TEXT NOT NULL DEFAULT '{}'");
            add(c, s, "output_files TEXT NOT NULL DEFAULT '[]'");
            add(c, s, "missing_since TEXT");
            if (!Schema.hasColumn(c, "job_status_history", "detail")) {
                s.execute("ALTER TABLE job_status_history ADD COLUMN detail TEXT NOT NULL DEFAULT ''");
            }
            s.execute("UPDATE job_status_history SET source = 'local' WHERE source IS NULL OR source NOT IN ('slurm','user','local')");
            s.execute("UPDATE jobs SET input_files = '[]' WHERE input_files IS NULL OR input_files = ''");
            Schema.createSideTables(s);
        }
        List<OldRow> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, name, status, slurm_config, namd_config, error_info, updated_at FROM jobs")) {
            while (rs.next()) {
                rows.add(new OldRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7)));
            }
        }
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE jobs SET status = ?, resources = ?, type_parameters = ?, error_info = ?, name = ? WHERE id = ?");
                PreparedStatement note = c.prepareStatement(
                        "INSERT INTO job_status_history (job_id, old_status, new_status, changed_at, source, detail) VALUES (?, NULL, ?, ?, 'local', ?)")) {
            for (OldRow row : rows) {
                String status = knownStatus(row.status());
                update.setString(1, status);
                update.setString(2, JsonCodec.resources(resources(row.slurmConfig())));
                update.setString(3, objectOrEmpty(row.namdConfig()));
                update.setString(4, JsonCodec.error(error(row.error(), row.updatedAt())));
                String name = Names.safe(row.name());
                update.setString(5, name);
                update.setString(6, row.id());
                update.addBatch();
                List<String> notes = new ArrayList<>();
                if (!status.equals(row.status())) {
                    notes.add("status '" + row.status() + "' is not known to this version");
                }
                if (!name.equals(row.name())) {
                    notes.add("name '" + row.name() + "' renamed to '" + name + "' (names become folder and SLURM job names)");
                }
                if (!notes.isEmpty()) {
                    note.setString(1, row.id());
                    note.setString(2, status);
                    note.setString(3, Instant.now().toString());
                    note.setString(4, "migrated from schema 1: " + String.join("; ", notes));
                    note.addBatch();
                }
            }
            update.executeBatch();
            note.executeBatch();
        }
    }

    private static void add(Connection c, Statement s, String columnDefinition) throws SQLException {
        String column = columnDefinition.substring(0, columnDefinition.indexOf(' '));
        if (!Schema.hasColumn(c, "jobs", column)) {
            s.execute("ALTER TABLE jobs ADD COLUMN " + columnDefinition);
        }
    }

    private static String knownStatus(String status) {
        try {
            return JobStatus.valueOf(status == null ? "" : status.strip().toUpperCase()).name();
        } catch (IllegalArgumentException e) {
            return JobStatus.UNKNOWN.name();
        }
    }

    /** The prototype kept {@code {cores, memory: "16GB", walltime: "04:00:00", partition, qos, account}}. */
    static Resources resources(String json) {
        Resources r = Resources.minimal();
        if (json == null || json.isBlank()) {
            return r;
        }
        try {
            JsonObject o = JsonParser.parseString(json).getAsJsonObject();
            if (has(o, "cores")) {
                r = r.withCores(o.get("cores").getAsInt());
            }
            if (has(o, "memory")) {
                String mem = o.get("memory").getAsString();
                r = r.withMemory(mem.matches("\\s*\\d+\\s*") ? new MemorySize(Long.parseLong(mem.strip()), MemorySize.Unit.GB) : MemorySize.parse(mem));
            }
            if (has(o, "walltime")) {
                r = r.withWalltime(walltime(o.get("walltime").getAsString()));
            }
            if (has(o, "partition")) {
                r = r.withPartition(o.get("partition").getAsString());
            }
            if (has(o, "qos")) {
                r = r.withQos(o.get("qos").getAsString());
            }
            if (has(o, "account")) {
                r = r.withAccount(o.get("account").getAsString());
            }
        } catch (RuntimeException e) {
            // a prototype row with odd resources keeps the defaults rather than blocking the upgrade
        }
        return r;
    }

    private static boolean has(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && !e.isJsonNull() && !(e.isJsonPrimitive() && e.getAsString().isBlank());
    }

    static Duration walltime(String text) {
        String t = text.strip();
        long days = 0;
        int dash = t.indexOf('-');
        if (dash > 0) {
            days = Long.parseLong(t.substring(0, dash));
            t = t.substring(dash + 1);
        }
        String[] p = t.split(":");
        long h = p.length == 3 ? Long.parseLong(p[0]) : 0;
        long m = Long.parseLong(p[p.length == 3 ? 1 : 0]);
        long s = p.length >= 2 ? Long.parseLong(p[p.length - 1]) : 0;
        return Duration.ofDays(days).plusHours(h).plusMinutes(m).plusSeconds(s);
    }

    private static String objectOrEmpty(String json) {
        if (json == null || json.isBlank()) {
            return "{}";
        }
        try {
            return JsonParser.parseString(json).isJsonObject() ? json : "{}";
        } catch (RuntimeException e) {
            return "{}";
        }
    }

    private static ErrorInfo error(String text, String at) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Instant when;
        try {
            when = Instant.parse(at);
        } catch (RuntimeException e) {
            when = Instant.EPOCH;
        }
        return new ErrorInfo("LEGACY", text, "", when);
    }
}
