package org.namdrunner.persistence;

import java.nio.file.Path;
import java.util.Optional;

import org.namdrunner.core.store.StoreException;

/**
 * The file at the database path is an SQLite file that SQLite itself reports as damaged. It was left exactly as it
 * was; {@link #latestBackup()} names the newest backup, which {@link SqliteJobStore#restoreBackup} puts in its place.
 */
public final class DamagedDatabaseException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final transient Path database;
    private final transient Path latestBackup;

    public DamagedDatabaseException(Path database, String problem, Path latestBackup, Throwable cause) {
        super("The jobs database " + database + " is damaged (" + problem + "); it was left untouched. "
                + (latestBackup == null ? "There is no backup of it; move it away to start with an empty database."
                        : "The latest backup is " + latestBackup.getFileName() + " in " + latestBackup.getParent()
                                + ": restore it (the damaged file is kept beside it)."), cause);
        this.database = database;
        this.latestBackup = latestBackup;
    }

    public Path database() {
        return database;
    }

    public Optional<Path> latestBackup() {
        return Optional.ofNullable(latestBackup);
    }
}
