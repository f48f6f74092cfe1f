package org.namdrunner.persistence.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.store.StoreException;
import org.namdrunner.persistence.DamagedDatabaseException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * One connection to the jobs file and the transactions that run on it.
 * <p>
 * The connection stays in auto-commit mode and every write is an explicit {@code BEGIN IMMEDIATE ... COMMIT}:
 * sqlite-jdbc's own transaction handling (auto-commit off) starts the next transaction right after each commit,
 * so an idle NAMDRunner would hold the write lock, and a stale read snapshot, until its next write.
 * Thread-safe: transactions and reads are serialised on this object.
 */
public final class Database implements AutoCloseable {

    /** How long a write waits for another process's transaction before giving up. */
    public static final int BUSY_TIMEOUT_MS = 30_000;

    /** Work done inside one transaction or read. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws SQLException;
    }

    private final Path file;
    private final Connection connection;
    private final Backups backups;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    /** When the next daily backup is due; checked after each write without touching the disk. */
    private Instant nextBackup = Instant.MAX;
    private volatile StoreException lastBackupFailure;

    private Database(Path file, Connection connection, Backups backups) {
        this.file = file;
        this.connection = connection;
        this.backups = backups;
    }

    /**
     * Opens the file (creating it and its folder if needed) with WAL, {@code synchronous=NORMAL}, a busy timeout
     * and foreign keys, and brings its schema to {@link Schema#CURRENT}.
     */
    public static Database open(Path requested) throws StoreException {
        Path file = DatabaseFile.prepare(requested);
        return open(file, Backups.beside(file));
    }

    /**
     * {@link #open(Path)} with the given backups. Before a migration the file is backed up (and not migrated when
     * that fails); a file SQLite reports as damaged is refused with a {@link DamagedDatabaseException}, untouched.
     */
    public static Database open(Path requested, Backups backups) throws StoreException {
        Path file = DatabaseFile.prepare(requested);
        boolean existing = hasContent(file);
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        Connection c = null;
        try {
            // the driver is named directly: inside OSGi, DriverManager cannot see it
            c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, config.toProperties());
            if (c == null) {
                throw new SQLException("the SQLite driver did not accept " + file);
            }
            Database db = new Database(file, c, backups);
            db.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
            Schema.refuseForeign(c);
            if (existing) {
                String check = Backups.quickCheck(c);
                if (!"ok".equals(check)) {
                    throw damaged(file, "SQLite's check says: " + check, backups, null);
                }
                int version = Schema.version(c);
                if (version >= 1 && version < Schema.CURRENT) {
                    // a failed backup stops here: an upgrade is never made without a copy of what it upgrades
                    backups.create(c, "before-migration-" + version + "-to-" + Schema.CURRENT);
                }
            }
            db.execute("PRAGMA journal_mode = WAL");
            db.execute("PRAGMA synchronous = NORMAL");
            // foreign keys stay off while the schema is rebuilt (a dropped parent table would cascade), see Schema
            db.migrate();
            db.execute("PRAGMA foreign_keys = ON");
            db.nextBackup = backups.dailyDue() ? Instant.MIN : backups.latest().orElseThrow().madeAt().plus(Backups.DAILY);
            if (existing) {
                db.backupIfDue();
            }
            return db;
        } catch (StoreException e) {
            closeQuietly(c);
            throw e;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            if (e instanceof SQLiteException s && isDamage(s.getResultCode())) {
                throw damaged(file, StoreErrors.describe(e), backups, e);
            }
            throw new StoreException("Cannot open the jobs database " + file + ": " + StoreErrors.describe(e), e);
        }
    }

    private void migrate() throws SQLException {
        execute("BEGIN IMMEDIATE");
        try {
            Schema.migrate(connection);
            execute("COMMIT");
        } catch (SQLException | RuntimeException e) {
            rollback();
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    /** A prepared statement for {@code sql}, kept for the life of the connection; for use inside {@link #write}/{@link #read}. */
    public PreparedStatement prepared(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    /**
     * Runs {@code work} in one {@code BEGIN IMMEDIATE} transaction: committed when it returns, rolled back when it
     * throws. Waits up to {@link #BUSY_TIMEOUT_MS} for another process's write.
     *
     * @param what what is being done, for the error message ("store job x")
     */
    public synchronized <T> T write(String what, Work<T> work) throws StoreException {
        try {
            prepared("BEGIN IMMEDIATE").execute();
        } catch (SQLException e) {
            throw failure(what, e);
        }
        try {
            T result = work.run();
            prepared("COMMIT").execute();
            backupIfDue();
            return result;
        } catch (InvalidInputException e) {
            rollback();
            throw e;
        } catch (SQLException | RuntimeException e) {
            rollback();
            // sqlite-jdbc closes a statement that failed with e.g. SQLITE_FULL; a cached one would fail every later write
            forgetStatements();
            throw failure(what, e);
        }
    }

    /** Backs the file up now (e.g. before an import or on request), newest {@link Backups} kept. */
    public synchronized Backups.Backup backup(String reason) throws StoreException {
        Backups.Backup made = backups.create(connection, reason);
        nextBackup = made.madeAt().plus(Backups.DAILY);
        lastBackupFailure = null;
        return made;
    }

    /** A self-contained, checked copy of the whole file at {@code target}, which must not exist. */
    public synchronized void copyTo(Path target) throws StoreException {
        try {
            Files.createDirectories(target.getParent());
            Backups.copy(connection, target);
        } catch (IOException | SQLException | RuntimeException e) {
            throw new StoreException("Could not copy the jobs database " + file + " to " + target + ": " + StoreErrors.describe(e), e);
        }
    }

    public Backups backups() {
        return backups;
    }

    /** Why the last automatic backup failed, if it did; cleared by the next one that works. */
    public java.util.Optional<StoreException> lastBackupFailure() {
        return java.util.Optional.ofNullable(lastBackupFailure);
    }

    /**
     * The daily backup, after a committed write or at open. A failure (say, the disk is full) never fails the write
     * that was committed; it is kept for {@link #lastBackupFailure()} and tried again an hour later.
     */
    private void backupIfDue() {
        Instant now = backups.now();
        if (now.isBefore(nextBackup)) {
            return;
        }
        try {
            backup("daily");
        } catch (StoreException e) {
            lastBackupFailure = e;
            nextBackup = now.plus(Duration.ofHours(1));
        }
    }

    /** Runs a read; a single statement in auto-commit mode sees one consistent snapshot. */
    public synchronized <T> T read(String what, Work<T> work) throws StoreException {
        try {
            return work.run();
        } catch (SQLException | RuntimeException e) {
            throw failure(what, e);
        }
    }

    @Override
    public synchronized void close() {
        forgetStatements();
        closeQuietly(connection);
    }

    private void forgetStatements() {
        for (PreparedStatement ps : statements.values()) {
            try {
                ps.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
        statements.clear();
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    private void rollback() {
        try {
            if (!connection.isClosed()) {
                prepared("ROLLBACK").execute();
            }
        } catch (SQLException e) {
            // no transaction left to roll back (SQLite ended it itself); the original failure is what matters
        }
    }

    private StoreException failure(String what, Exception e) {
        return new StoreException("Could not " + what + " in " + file + ": " + StoreErrors.describe(e), e);
    }

    private static boolean hasContent(Path file) throws StoreException {
        try {
            return Files.exists(file) && Files.size(file) > 0;
        } catch (IOException e) {
            throw new StoreException("Cannot read the size of the jobs database " + file + ": " + e, e);
        }
    }

    private static boolean isDamage(SQLiteErrorCode code) {
        return code != null && ((code.code & 0xff) == 11 || (code.code & 0xff) == 26);
    }

    private static DamagedDatabaseException damaged(Path file, String problem, Backups backups, Throwable cause) {
        return new DamagedDatabaseException(file, problem, backups.latest().map(Backups.Backup::file).orElse(null), cause);
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // nothing left to do
            }
        }
    }
}
