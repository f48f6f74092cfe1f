package org.namdrunner.persistence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.StatusChange;
import org.namdrunner.core.model.StatusSource;
import org.namdrunner.core.store.BatchResult;
import org.namdrunner.core.store.ClusterProfileStore;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.core.store.JobStore;
import org.namdrunner.core.store.JobStoreListener;
import org.namdrunner.core.store.JobUpdate;
import org.namdrunner.core.store.StoreException;
import org.namdrunner.persistence.internal.JobRows;
import org.namdrunner.persistence.internal.JsonCodec;
import org.namdrunner.persistence.internal.Schema;
import org.sqlite.SQLiteConfig;

/**
 * The job store on one SQLite file: WAL, foreign keys on, a busy timeout so that a second NAMDRunner
 * process waits instead of failing, {@code synchronous=NORMAL}. Every write is one {@code BEGIN IMMEDIATE}
 * transaction, statements are prepared, history is only ever appended. One connection per store, used by
 * one thread at a time.
 */
public final class SqliteJobStore implements JobStore, ClusterProfileStore, AutoCloseable {

    private static final int BUSY_TIMEOUT_MS = 30_000;
    private static final String HISTORY_INSERT = "INSERT INTO job_status_history (job_id, old_status, new_status, changed_at, source, detail) "
            + "VALUES (?, ?, ?, ?, ?, ?)";

    private final Path file;
    private final Connection connection;
    private final List<JobStoreListener> listeners = new CopyOnWriteArrayList<>();

    private SqliteJobStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating or upgrading) the database file. */
    public static SqliteJobStore open(Path file) throws StoreException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new StoreException("Cannot create the folder for the jobs database " + file + ": " + e.getMessage(), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        Connection c = null;
        try {
            // the driver class is named directly: inside OSGi, DriverManager cannot see it
            c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
            if (c == null) {
                throw new SQLException("the SQLite driver did not accept " + file);
            }
            c.setAutoCommit(false);
            Schema.migrate(c);
            c.commit();
            return new SqliteJobStore(file, c);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new StoreException("Cannot open the jobs database " + file + ": " + e.getMessage(), e);
        }
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    @Override
    public synchronized void create(Job job) throws StoreException {
        write("store job " + job.name(), () -> {
            try (PreparedStatement ps = connection.prepareStatement(JobRows.INSERT)) {
                JobRows.bind(ps, job);
                ps.executeUpdate();
            }
            appendHistory(List.of(StatusChange.created(job.id(), job.status(), job.createdAt())));
            return Set.of(job.id());
        });
    }

    @Override
    public synchronized void update(Job job) throws StoreException {
        write("update job " + job.name(), () -> {
            if (updateIfStatus(job, job.status()) == 0) {
                throw new SQLException("job " + job.id() + " does not exist or its status changed to something other than "
                        + job.status() + " meanwhile");
            }
            return Set.of(job.id());
        });
    }

    @Override
    public synchronized Optional<Job> find(String id) throws StoreException {
        return read("read job " + id, () -> {
            try (PreparedStatement ps = connection.prepareStatement(JobRows.SELECT + " WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(JobRows.read(rs)) : Optional.<Job>empty();
                }
            }
        });
    }

    @Override
    public synchronized List<Job> list(JobFilter filter) throws StoreException {
        return read("list jobs", () -> {
            StringBuilder sql = new StringBuilder(JobRows.SELECT + " WHERE 1 = 1");
            List<String> args = new ArrayList<>();
            if (!filter.statuses().isEmpty()) {
                sql.append(" AND status IN (").append("?, ".repeat(filter.statuses().size() - 1)).append("?)");
                filter.statuses().forEach(s -> args.add(s.name()));
            }
            if (filter.clusterProfileId() != null) {
                sql.append(" AND cluster_profile = ?");
                args.add(filter.clusterProfileId());
            }
            sql.append(" ORDER BY created_at DESC, id");
            try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setString(i + 1, args.get(i));
                }
                List<Job> jobs = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        jobs.add(JobRows.read(rs));
                    }
                }
                return jobs;
            }
        });
    }

    @Override
    public synchronized List<StatusChange> history(String jobId) throws StoreException {
        return read("read the history of job " + jobId, () -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT old_status, new_status, changed_at, source, detail FROM job_status_history WHERE job_id = ? ORDER BY id")) {
                ps.setString(1, jobId);
                List<StatusChange> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String from = rs.getString(1);
                        // the history keeps what happened, even a move today's table would not allow (e.g. migrated rows)
                        out.add(HistoryRows.of(jobId, from == null ? null : JobStatus.valueOf(from), JobStatus.valueOf(rs.getString(2)),
                                Instant.parse(rs.getString(3)), StatusSource.fromKey(rs.getString(4)), rs.getString(5)));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public synchronized BatchResult apply(List<JobUpdate> updates) throws StoreException {
        List<String> written = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        if (updates.isEmpty()) {
            return new BatchResult(written, unchanged, conflicts);
        }
        write("apply " + updates.size() + " job updates", () -> {
            written.clear();
            unchanged.clear();
            conflicts.clear();
            List<StatusChange> history = new ArrayList<>();
            for (JobUpdate u : updates) {
                Optional<Job> stored = findInTransaction(u.job().id());
                if (stored.isEmpty() || stored.get().status() != u.expectedStatus()) {
                    conflicts.add(u.job().id());
                } else if (u.change() == null && sameExceptUpdatedAt(stored.get(), u.job())) {
                    unchanged.add(u.job().id());
                } else {
                    updateIfStatus(u.job(), u.expectedStatus());
                    written.add(u.job().id());
                    if (u.change() != null) {
                        history.add(u.change());
                    }
                }
            }
            appendHistory(history);
            return new LinkedHashSet<>(written);
        });
        return new BatchResult(written, unchanged, conflicts);
    }

    @Override
    public synchronized boolean delete(String id) throws StoreException {
        boolean[] deleted = new boolean[1];
        write("delete job " + id, () -> {
            try (PreparedStatement ps = connection.prepareStatement("DELETE FROM jobs WHERE id = ?")) {
                ps.setString(1, id);
                deleted[0] = ps.executeUpdate() > 0;
            }
            return deleted[0] ? Set.of(id) : Set.of();
        });
        return deleted[0];
    }

    @Override
    public synchronized Optional<String> metadata(String key) throws StoreException {
        return read("read setting " + key, () -> {
            try (PreparedStatement ps = connection.prepareStatement("SELECT value FROM app_metadata WHERE key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    @Override
    public synchronized void putMetadata(String key, String value) throws StoreException {
        write("save setting " + key, () -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO app_metadata (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
                ps.setString(1, key);
                ps.setString(2, value);
                ps.executeUpdate();
            }
            return Set.of();
        });
    }

    @Override
    public synchronized List<ClusterProfile> loadProfiles() throws StoreException {
        return read("read cluster profiles", () -> {
            List<ClusterProfile> out = new ArrayList<>();
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT data FROM cluster_profiles ORDER BY id")) {
                while (rs.next()) {
                    out.add(JsonCodec.profile(rs.getString(1)));
                }
            }
            return out;
        });
    }

    @Override
    public synchronized void saveProfile(ClusterProfile profile) throws StoreException {
        write("save cluster profile " + profile.id(), () -> {
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO cluster_profiles (id, data, updated_at) VALUES (?, ?, ?) "
                    + "ON CONFLICT(id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at")) {
                ps.setString(1, profile.id());
                ps.setString(2, JsonCodec.profile(profile));
                ps.setString(3, Instant.now().toString());
                ps.executeUpdate();
            }
            return Set.of();
        });
    }

    @Override
    public synchronized boolean deleteProfile(String id) throws StoreException {
        boolean[] deleted = new boolean[1];
        write("delete cluster profile " + id, () -> {
            try (PreparedStatement ps = connection.prepareStatement("DELETE FROM cluster_profiles WHERE id = ?")) {
                ps.setString(1, id);
                deleted[0] = ps.executeUpdate() > 0;
            }
            return Set.of();
        });
        return deleted[0];
    }

    @Override
    public void addListener(JobStoreListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(JobStoreListener listener) {
        listeners.remove(listener);
    }

    @Override
    public synchronized void close() {
        closeQuietly(connection);
    }

    private int updateIfStatus(Job job, JobStatus expected) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(JobRows.UPDATE + " AND status = ?")) {
            JobRows.bind(ps, job);
            ps.setString(22, expected.name());
            return ps.executeUpdate();
        }
    }

    private Optional<Job> findInTransaction(String id) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(JobRows.SELECT + " WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(JobRows.read(rs)) : Optional.empty();
            }
        }
    }

    private static boolean sameExceptUpdatedAt(Job stored, Job candidate) {
        return stored.equals(candidate.toBuilder().updatedAt(stored.updatedAt()).build());
    }

    private void appendHistory(List<StatusChange> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(HISTORY_INSERT)) {
            for (StatusChange c : changes) {
                ps.setString(1, c.jobId());
                ps.setString(2, c.from() == null ? null : c.from().name());
                ps.setString(3, c.to().name());
                ps.setString(4, c.at().toString());
                ps.setString(5, c.source().key());
                ps.setString(6, c.detail());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** A unit of work inside one transaction; returns the ids to tell listeners about. */
    private interface Work {
        Set<String> run() throws SQLException;
    }

    /** A read; SQLite gives it a consistent snapshot. */
    private interface Read<T> {
        T run() throws SQLException;
    }

    private void write(String what, Work work) throws StoreException {
        Set<String> changed;
        try {
            changed = work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            throw new StoreException("Could not " + what + ": " + describe(e), e);
        }
        if (!changed.isEmpty()) {
            for (JobStoreListener l : listeners) {
                try {
                    l.jobsChanged(changed);
                } catch (RuntimeException e) {
                    // a failing listener must not undo or hide a committed write
                }
            }
        }
    }

    private <T> T read(String what, Read<T> read) throws StoreException {
        try {
            T result = read.run();
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            throw new StoreException("Could not " + what + ": " + describe(e), e);
        }
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        if (m != null && m.contains("SQLITE_BUSY")) {
            return "the database is busy (another NAMDRunner is writing); try again";
        }
        if (m != null && m.contains("UNIQUE constraint failed: jobs.id")) {
            return "a job with this id already exists";
        }
        return m == null ? e.toString() : m;
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // the original failure is what matters
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // nothing to do
            }
        }
    }
}
