package org.namdrunner.persistence.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.namdrunner.core.store.StoreException;
import org.sqlite.SQLiteConnection;

/**
 * Copies of the jobs database made with SQLite's online backup API, in {@code backups/} beside the file:
 * {@code <name>-<UTC time>-<reason>.db}, newest {@link #keep} kept. A copy is written under a {@code .part} name,
 * checked with {@code PRAGMA quick_check} and only then given its final name, so a crash mid-copy never leaves a
 * half copy that looks like a backup.
 */
public final class Backups {

    /** How many copies are kept unless told otherwise. */
    public static final int DEFAULT_KEEP = 7;
    /** How old the newest copy may get before the next write makes a new one. */
    public static final Duration DAILY = Duration.ofDays(1);

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile(".*-(\\d{8}T\\d{6}\\.\\d{3}Z)-([a-z0-9-]+)\\.db");

    private final Path database;
    private final Path folder;
    private final int keep;
    private final Clock clock;

    public Backups(Path database, int keep, Clock clock) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep at least one backup, not " + keep);
        }
        this.database = database;
        this.folder = database.resolveSibling("backups");
        this.keep = keep;
        this.clock = clock;
    }

    public static Backups beside(Path database) {
        return new Backups(database, DEFAULT_KEEP, Clock.systemUTC());
    }

    public Instant now() {
        return clock.instant();
    }

    public Path folder() {
        return folder;
    }

    /** One backup file with the time it was made and why. */
    public record Backup(Path file, Instant madeAt, String reason) {
    }

    /**
     * Copies the open database behind {@code connection} (page by page, readers and writers of other processes go on)
     * and then removes all but the newest {@link #keep} copies.
     *
     * @param reason lower-case words joined by '-', e.g. {@code before-migration-1-to-3}
     */
    public Backup create(Connection connection, String reason) throws StoreException {
        if (!reason.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("reason must be lower-case words joined by '-': " + reason);
        }
        Instant now = clock.instant();
        Path target = folder.resolve(fileNameStem() + "-" + STAMP.format(now) + "-" + reason + ".db");
        try {
            Files.createDirectories(folder);
            copy(connection, target);
        } catch (IOException | SQLException | RuntimeException e) {
            throw new StoreException("Could not back up the jobs database " + database + " to " + folder + ": "
                    + StoreErrors.describe(e), e);
        }
        prune();
        return new Backup(target, now, reason);
    }

    /**
     * Copies the database behind {@code connection} to {@code target} (which must not exist) as one self-contained,
     * checked file; on failure nothing is left at {@code target}.
     */
    static void copy(Connection connection, Path target) throws IOException, SQLException {
        if (Files.exists(target)) {
            throw new StoreProblem(target + " exists already; choose a new file name");
        }
        // two processes opening an old file at once may back it up in the same millisecond: each writes its own part
        Path part = target.resolveSibling(target.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + Thread.currentThread().threadId() + ".part");
        try {
            Files.deleteIfExists(part);
            int rc = connection.unwrap(SQLiteConnection.class).getDatabase().backup("main", part.toString(), null);
            if (rc != 0) {
                throw new SQLException("SQLite's backup returned code " + rc);
            }
            String check = makeStandalone(part);
            if (!"ok".equals(check)) {
                throw new StoreProblem("the copy did not pass SQLite's check (" + check + ")");
            }
            if (Files.exists(target)) {
                return;   // the other process's copy, made the same millisecond, is kept
            }
            move(part, target);
        } finally {
            // the .part name is never taken for a backup, so a leftover would do no harm; still, leave none
            Files.deleteIfExists(part);
        }
    }

    /** Every complete backup of this database, newest first. */
    public List<Backup> list() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Backup> out = new ArrayList<>();
        String prefix = fileNameStem() + "-";
        try (Stream<Path> files = Files.list(folder)) {
            files.forEach(f -> {
                String n = f.getFileName().toString();
                Matcher m = NAME.matcher(n);
                if (n.startsWith(prefix) && m.matches()) {
                    try {
                        out.add(new Backup(f, STAMP.parse(m.group(1), Instant::from), m.group(2)));
                    } catch (DateTimeParseException e) {
                        // not one of ours
                    }
                }
            });
        } catch (IOException e) {
            return List.of();
        }
        out.sort(Comparator.comparing(Backup::madeAt).reversed());
        return out;
    }

    public Optional<Backup> latest() {
        return list().stream().findFirst();
    }

    /** True when there is no backup or the newest is older than {@link #DAILY}. */
    public boolean dailyDue() {
        Optional<Backup> last = latest();
        return last.isEmpty() || Duration.between(last.get().madeAt(), clock.instant()).compareTo(DAILY) >= 0;
    }

    private void prune() {
        List<Backup> all = list();
        for (Backup old : all.subList(Math.min(keep, all.size()), all.size())) {
            try {
                Files.deleteIfExists(old.file());
            } catch (IOException e) {
                // an old copy that cannot be removed costs disk, nothing else; the next prune tries again
            }
        }
    }

    private String fileNameStem() {
        String n = database.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /**
     * Turns the fresh copy into one self-contained file (the copy inherits WAL mode, which would need -wal/-shm files
     * beside it) and returns {@code ok} or SQLite's first complaint about it.
     */
    private static String makeStandalone(Path copy) throws SQLException {
        try (Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + copy, new java.util.Properties())) {
            if (c == null) {
                throw new SQLException("the SQLite driver did not accept " + copy);
            }
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode = DELETE");
            }
            return quickCheck(c);
        }
    }

    /** {@code ok}, or SQLite's first complaint about the database behind {@code c}; reads every page, writes nothing. */
    static String quickCheck(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check(1)")) {
            return rs.next() ? rs.getString(1) : "no answer";
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
