package org.namdrunner.ui.internal.handlers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.namdrunner.app.Backend;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.store.StoreException;
import org.namdrunner.persistence.JobArchive;
import org.namdrunner.persistence.SqliteJobStore;

/**
 * What File > Export Jobs… and File > Import Jobs from File… do, without dialogs (the handlers ask for the file and
 * run this in an Eclipse job): through {@link JobArchive}, with a summary in words and errors that say what is wrong
 * with the file.
 */
public final class JobTransfer {

    /** The file name extension the dialogs offer. */
    public static final String EXTENSION = "namdrunner";
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private JobTransfer() {
    }

    /** What an import did, in names a person knows. */
    public record Report(List<String> imported, List<String> skipped, List<String> profilesAdded) {

        /** "Imported 3 jobs: a, b, c. Skipped 1 already here: d. Added the cluster profile alpine." */
        public String summary() {
            StringBuilder sb = new StringBuilder();
            sb.append(imported.isEmpty() ? "No new jobs were imported." : "Imported " + count(imported.size()) + ": " + String.join(", ", imported) + ".");
            if (!skipped.isEmpty()) {
                sb.append("\nSkipped ").append(skipped.size()).append(" already here (left as they are): ").append(String.join(", ", skipped)).append('.');
            }
            if (!profilesAdded.isEmpty()) {
                sb.append("\nAdded the cluster profile").append(profilesAdded.size() == 1 ? " " : "s ").append(String.join(", ", profilesAdded)).append('.');
            }
            return sb.toString();
        }
    }

    static String count(int n) {
        return n == 1 ? "1 job" : n + " jobs";
    }

    private static SqliteJobStore sqlite(Backend b) throws StoreException {
        return JobArchive.sqliteBehind(b.store())
                .orElseThrow(() -> new StoreException("This NAMDRunner keeps its jobs in a store that cannot export or import files."));
    }

    /**
     * Writes the jobs {@code ids} with their history and cluster profiles to {@code target}; with no ids, the whole
     * database. Returns the sentence that says what was written.
     */
    public static String export(Backend b, Collection<String> ids, Path target) throws StoreException {
        SqliteJobStore store = sqlite(b);
        if (Files.exists(target)) {
            throw new StoreException(target + " exists already; choose a new file name for the export.");
        }
        if (ids.isEmpty()) {
            JobArchive.exportDatabase(store, target);
            return "Exported all jobs with their history, cluster profiles and settings to " + target + ".";
        }
        JobArchive.exportJobs(store, ids, target);
        return "Exported " + count(ids.size()) + " with their history to " + target + ".";
    }

    /** Adds the jobs of {@code file} that are not here yet; refuses a file that is not a NAMDRunner export, saying so. */
    public static Report importFrom(Backend b, Path file) throws StoreException {
        SqliteJobStore store = sqlite(b);
        checkLooksLikeAnExport(file);
        JobArchive.ImportReport r;
        try {
            r = JobArchive.importFrom(store, file);
        } catch (StoreException e) {
            throw new StoreException(file.getFileName() + " could not be imported, and nothing was changed: " + e.getMessage()
                    + " Is it a file that File > Export Jobs… made?", e);
        }
        if (!r.profilesAdded().isEmpty()) {
            b.profiles().reload();
        }
        return new Report(names(store, r.imported()), names(store, r.alreadyHere()), r.profilesAdded());
    }

    private static void checkLooksLikeAnExport(Path file) throws StoreException {
        if (!Files.isRegularFile(file)) {
            throw new StoreException("There is no file " + file + " to import.");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(SQLITE_MAGIC.length);
            if (!Arrays.equals(head, SQLITE_MAGIC)) {
                throw new StoreException(file.getFileName() + " is not a NAMDRunner export (it is not a database file at all), so nothing"
                        + " was imported. Choose a file that File > Export Jobs… made.");
            }
        } catch (IOException e) {
            throw new StoreException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<String> names(SqliteJobStore store, List<String> ids) throws StoreException {
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            out.add(store.find(id).map(Job::name).orElse(id));
        }
        return out;
    }
}
