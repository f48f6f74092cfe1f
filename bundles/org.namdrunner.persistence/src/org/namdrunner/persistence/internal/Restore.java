package org.namdrunner.persistence.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.namdrunner.core.store.StoreException;
import org.sqlite.SQLiteConfig;

/** Puts a backup in place of the database file, keeping what was there under another name. */
public final class Restore {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private Restore() {
    }

    public static Optional<Path> replace(Path database, Path backup) throws StoreException {
        if (!Files.isRegularFile(backup)) {
            throw new StoreException("The backup " + backup + " does not exist; nothing was changed.");
        }
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        try (Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + backup, readOnly.toProperties())) {
            String check = c == null ? "not an SQLite file" : Backups.quickCheck(c);
            if (!"ok".equals(check)) {
                throw new StoreException("The backup " + backup + " is damaged too (" + check + "); nothing was changed.");
            }
        } catch (SQLException e) {
            throw new StoreException("The backup " + backup + " cannot be read (" + StoreErrors.describe(e) + "); nothing was changed.", e);
        }
        Path kept = null;
        try {
            Files.createDirectories(database.getParent());
            if (Files.exists(database)) {
                kept = database.resolveSibling(database.getFileName() + ".damaged-" + STAMP.format(Instant.now()));
                Files.move(database, kept);
                for (String suffix : new String[] { "-wal", "-shm" }) {
                    Path side = database.resolveSibling(database.getFileName() + suffix);
                    if (Files.exists(side)) {
                        Files.move(side, kept.resolveSibling(kept.getFileName() + suffix));
                    }
                }
            }
            Path part = database.resolveSibling(database.getFileName() + ".restoring");
            Files.copy(backup, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, database, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("Could not restore " + backup + " to " + database + ": " + e
                    + (kept == null ? "" : " (the old file is " + kept + ")"), e);
        }
        return Optional.ofNullable(kept);
    }
}
