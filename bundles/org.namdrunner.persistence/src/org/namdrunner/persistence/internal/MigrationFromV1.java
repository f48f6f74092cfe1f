package org.namdrunner.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.StatusSource;

/**
 * Schema 1 (the prototype, docs/persistence.md) to schema 2, by SQLite's rebuild procedure: the old tables are
 * renamed, the new ones created exactly as in a fresh database, every row converted and copied (history keeps its
 * ids and order), the old tables dropped, and the foreign keys checked. Runs with foreign keys off inside the
 * open's transaction. A job whose values had to change gets one history row saying what they were; history rows
 * of jobs that do not exist (the prototype did not enforce foreign keys) are kept in {@code app_metadata}.
 */
final class MigrationFromV1 {

    static final String NOTE = "migrated from schema 1: ";

    private record OldHistory(long id, String jobId, String from, String to, String at, String source) {
    }

    private MigrationFromV1() {
    }

    static void run(Connection c) throws SQLException {
        Instant now = Instant.now();
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE job_status_history RENAME TO job_status_history_v1");
            s.execute("ALTER TABLE jobs RENAME TO jobs_v1");
            s.execute(Schema.JOBS);
            s.execute(Schema.HISTORY);
            Schema.createSideTables(s);
        }
        List<V1Job> oldJobs = readJobs(c);
        List<OldHistory> oldHistory = readHistory(c);

        Map<String, Instant> firstRunning = new HashMap<>();
        for (OldHistory h : oldHistory) {
            if (V1Job.status(h.to()) == JobStatus.RUNNING && Times.parseLegacy(h.at()) != null) {
                firstRunning.putIfAbsent(h.jobId(), Times.parseLegacy(h.at()));
            }
        }
        Set<String> taken = new HashSet<>();
        for (V1Job o : oldJobs) {
            if (o.id() != null && o.id().equals(Names.safeId(o.id(), Set.of()))) {
                taken.add(o.id());
            }
        }
        Map<String, Job> byOldId = new LinkedHashMap<>();
        Map<String, List<String>> notes = new LinkedHashMap<>();
        try (PreparedStatement insert = c.prepareStatement(JobRows.INSERT)) {
            for (V1Job o : oldJobs) {
                List<String> jobNotes = new ArrayList<>();
                String newId = o.id() != null && taken.contains(o.id()) ? o.id() : Names.safeId(o.id(), taken);
                taken.add(newId);
                if (!newId.equals(o.id())) {
                    jobNotes.add("id '" + o.id() + "' became '" + newId + "'");
                }
                Job job;
                try {
                    job = o.toJob(newId, firstRunning.get(o.id()), now, jobNotes);
                } catch (RuntimeException e) {
                    throw new StoreProblem("the prototype's job '" + o.id() + "' cannot be converted (" + e.getMessage()
                            + "); the file was not changed");
                }
                JobRows.bind(insert, JobRows.values(job));
                insert.addBatch();
                byOldId.put(o.id(), job);
                notes.put(job.id(), jobNotes);
            }
            insert.executeBatch();
        }
        JsonArray orphans = copyHistory(c, oldHistory, byOldId);
        appendNotes(c, byOldId, notes, now);
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE job_status_history_v1");
            s.execute("DROP TABLE jobs_v1");
            try (ResultSet rs = s.executeQuery("PRAGMA foreign_key_check")) {
                if (rs.next()) {
                    throw new StoreProblem("after the upgrade a row of " + rs.getString(1) + " points to a missing job; the file was not changed");
                }
            }
        }
        JsonObject summary = new JsonObject();
        summary.addProperty("at", Times.format(now));
        summary.addProperty("jobs", byOldId.size());
        summary.addProperty("historyRows", oldHistory.size() - orphans.size());
        summary.addProperty("jobsWithNotes", notes.values().stream().filter(n -> !n.isEmpty()).count());
        summary.addProperty("orphanHistoryRows", orphans.size());
        putMetadata(c, "migration.schema1", summary.toString());
        if (!orphans.isEmpty()) {
            putMetadata(c, "migration.schema1.orphanHistory", orphans.toString());
        }
    }

    private static List<V1Job> readJobs(Connection c) throws SQLException {
        List<V1Job> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(V1Job.SELECT)) {
            while (rs.next()) {
                String[] v = new String[14];
                for (int i = 0; i < v.length; i++) {
                    v[i] = rs.getString(i + 1);
                }
                out.add(new V1Job(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13]));
            }
        }
        return out;
    }

    private static List<OldHistory> readHistory(Connection c) throws SQLException {
        List<OldHistory> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT id, job_id, old_status, new_status, changed_at, source FROM job_status_history_v1 ORDER BY id")) {
            while (rs.next()) {
                out.add(new OldHistory(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
            }
        }
        return out;
    }

    /** Copies every row of a known job with its id; returns the rows of unknown jobs. */
    private static JsonArray copyHistory(Connection c, List<OldHistory> rows, Map<String, Job> jobs) throws SQLException {
        JsonArray orphans = new JsonArray();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO job_status_history "
                + "(id, job_id, old_status, new_status, changed_at, source, detail) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (OldHistory h : rows) {
                Job job = jobs.get(h.jobId());
                if (job == null) {
                    JsonObject o = new JsonObject();
                    o.addProperty("id", h.id());
                    o.addProperty("job_id", h.jobId());
                    o.addProperty("old_status", h.from());
                    o.addProperty("new_status", h.to());
                    o.addProperty("changed_at", h.at());
                    o.addProperty("source", h.source());
                    orphans.add(o);
                    continue;
                }
                List<String> notes = new ArrayList<>();
                ps.setLong(1, h.id());
                ps.setString(2, job.id());
                ps.setString(3, h.from() == null ? null : statusName("old status", h.from(), notes));
                ps.setString(4, statusName("status", h.to(), notes));
                Instant at = Times.parseLegacy(h.at());
                if (at == null) {
                    notes.add("time '" + h.at() + "' is not a time");
                }
                ps.setString(5, Times.format(at == null ? job.createdAt() : at));
                ps.setString(6, source(h.source(), notes));
                ps.setString(7, notes.isEmpty() ? "" : NOTE + String.join("; ", notes));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return orphans;
    }

    private static String statusName(String what, String word, List<String> notes) {
        JobStatus s = V1Job.status(word);
        if (s == null) {
            notes.add(what + " was '" + word + "'");
            return JobStatus.UNKNOWN.name();
        }
        return s.name();
    }

    private static String source(String source, List<String> notes) {
        for (StatusSource s : StatusSource.values()) {
            if (source != null && s.key().equalsIgnoreCase(source.strip())) {
                return s.key();
            }
        }
        notes.add(source == null ? "source not recorded" : "source was '" + source + "'");
        return StatusSource.LOCAL.key();
    }

    private static void appendNotes(Connection c, Map<String, Job> jobs, Map<String, List<String>> notes, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(HistoryTable.INSERT)) {
            for (Job job : jobs.values()) {
                List<String> n = notes.get(job.id());
                if (n.isEmpty()) {
                    continue;
                }
                ps.setString(1, job.id());
                ps.setString(2, null);
                ps.setString(3, job.status().name());
                ps.setString(4, Times.format(now));
                ps.setString(5, StatusSource.LOCAL.key());
                ps.setString(6, NOTE + String.join("; ", n));
                ps.setString(7, null);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void putMetadata(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO app_metadata (key, value) VALUES (?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }
}
