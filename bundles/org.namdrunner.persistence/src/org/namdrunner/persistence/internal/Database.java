package org.namdrunner.persistence.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.store.StoreException;
import org.sqlite.SQLiteConfig;

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
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens the file (creating it and its folder if needed) with WAL, {@code synchronous=NORMAL}, a busy timeout
     * and foreign keys, and brings its schema to {@link Schema#CURRENT}.
     */
    public static Database open(Path requested) throws StoreException {
        Path file = DatabaseFile.prepare(requested);
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        Connection c = null;
        try {
            // the driver is named directly: inside OSGi, DriverManager cannot see it
            c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, config.toProperties());
            if (c == null) {
                throw new SQLException("the SQLite driver did not accept " + file);
            }
            Database db = new Database(file, c);
            db.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
            Schema.refuseForeign(c);
            db.execute("PRAGMA journal_mode = WAL");
            db.execute("PRAGMA synchronous = NORMAL");
            // foreign keys stay off while the schema is rebuilt (a dropped parent table would cascade), see Schema
            db.migrate();
            db.execute("PRAGMA foreign_keys = ON");
            return db;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
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
            return result;
        } catch (InvalidInputException e) {
            rollback();
            throw e;
        } catch (SQLException | RuntimeException e) {
            rollback();
            throw failure(what, e);
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
        for (PreparedStatement ps : statements.values()) {
            try {
                ps.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
        statements.clear();
        closeQuietly(connection);
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
