package org.namdrunner.persistence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.namdrunner.core.store.StoreException;

/**
 * Checks the path of the jobs database before SQLite sees it, so that a wrong path gets a clear message and a
 * file that is not ours is never touched (SQLite would leave {@code -wal}/{@code -shm} files beside it).
 */
final class DatabaseFile {

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private DatabaseFile() {
    }

    /** The absolute path, its folder created; throws when the path cannot be a jobs database. */
    static Path prepare(Path file) throws StoreException {
        if (file == null || file.toString().isBlank()) {
            throw new StoreException("The path of the jobs database is empty.");
        }
        Path path = file.toAbsolutePath().normalize();
        if (Files.isDirectory(path)) {
            throw new StoreException("The jobs database " + path + " is a folder; give a file inside it, e.g. "
                    + path.resolve("namdrunner.db") + ".");
        }
        Path parent = path.getParent();
        try {
            Files.createDirectories(parent);
        } catch (FileAlreadyExistsException e) {
            throw new StoreException("Cannot create the folder for the jobs database " + path + ": " + e.getFile()
                    + " is a file, not a folder.", e);
        } catch (IOException e) {
            throw new StoreException("Cannot create the folder " + parent + " for the jobs database: " + e, e);
        }
        if (Files.exists(path)) {
            if (!Files.isRegularFile(path)) {
                throw new StoreException("The jobs database " + path + " is not a regular file.");
            }
            if (isOnReadOnlyFileSystem(path)) {
                throw new StoreException("The jobs database " + path + " is on a read-only file system; nothing can be saved there. "
                        + "Make it writable again (e.g. remount it) or choose another file; it was left untouched.");
            }
            if (!Files.isReadable(path) || !Files.isWritable(path)) {
                throw new StoreException("The jobs database " + path + " cannot be read and written by this user (check its permissions).");
            }
            if (!hasSqliteHeader(path)) {
                throw new StoreException("The file " + path + " is not a NAMDRunner jobs database (it is not an SQLite file); "
                        + "it was left untouched. Choose another file.");
            }
        } else if (!Files.isWritable(parent)) {
            throw new StoreException("Cannot create the jobs database in " + parent + ": the folder is not writable.");
        }
        return path;
    }

    private static boolean isOnReadOnlyFileSystem(Path path) {
        try {
            return Files.getFileStore(path).isReadOnly();
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean hasSqliteHeader(Path path) throws StoreException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(SQLITE_HEADER.length);
            // an empty file is what SQLite creates before the first write: it becomes a new database
            return head.length == 0 || Arrays.equals(head, SQLITE_HEADER);
        } catch (IOException e) {
            throw new StoreException("Cannot read the jobs database " + path + ": " + e, e);
        }
    }
}
