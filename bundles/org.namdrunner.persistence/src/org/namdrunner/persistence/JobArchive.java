package org.namdrunner.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.StatusChange;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.core.store.StoreException;

/**
 * Moving jobs between machines: the whole database, or some jobs with their full history, to a file that another
 * NAMDRunner imports. Both files are ordinary NAMDRunner databases, so one import reads either, of any schema this
 * version understands. An import only adds: a job whose id is already here is left as it is, history is copied row for
 * row (never rewritten), every row is checked like a person's input, and any bad row refuses the whole import.
 */
public final class JobArchive {

    /** What an import did. */
    public record ImportReport(List<String> imported, List<String> alreadyHere, List<String> profilesAdded) {
        public ImportReport {
            imported = List.copyOf(imported);
            alreadyHere = List.copyOf(alreadyHere);
            profilesAdded = List.copyOf(profilesAdded);
        }
    }

    /** One job with its history, as it travels. */
    record JobRecord(Job job, List<StatusChange> history) {
    }

    private JobArchive() {
    }

    /**
     * The SQLite database behind a job store: the store itself, or the one the running application's store service
     * keeps open; empty for any other store.
     */
    public static java.util.Optional<SqliteJobStore> sqliteBehind(org.namdrunner.core.store.JobStore store) {
        if (store instanceof SqliteJobStore s) {
            return java.util.Optional.of(s);
        }
        if (store instanceof org.namdrunner.persistence.internal.JobStoreComponent c && c.sqlite() != null) {
            return java.util.Optional.of(c.sqlite());
        }
        return java.util.Optional.empty();
    }

    /** The whole database (jobs, history, profiles, templates, settings) as one self-contained file at {@code target}. */
    public static void exportDatabase(SqliteJobStore store, Path target) throws StoreException {
        store.copyTo(target.toAbsolutePath().normalize());
    }

    /** The jobs {@code ids} with their history and their cluster profiles, as a new database file at {@code target}. */
    public static void exportJobs(SqliteJobStore store, Collection<String> ids, Path target) throws StoreException {
        Path file = target.toAbsolutePath().normalize();
        if (Files.exists(file)) {
            throw new StoreException(file + " exists already; choose a new file name for the export.");
        }
        List<JobRecord> records = new ArrayList<>();
        for (String id : ids) {
            Job job = store.find(id).orElseThrow(() -> new StoreException("There is no job with the id '" + id + "' to export."));
            records.add(new JobRecord(job, store.history(id)));
        }
        List<ClusterProfile> profiles = profilesOf(store, records);
        try (SqliteJobStore out = SqliteJobStore.open(file)) {
            out.importRecords(records, profiles);
        } catch (StoreException | RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    /**
     * Adds the jobs of a file made by {@link #exportDatabase} or {@link #exportJobs} (or any NAMDRunner database)
     * that are not here yet. The file itself is never changed: a copy of it is opened (and upgraded, if it is older).
     */
    public static ImportReport importFrom(SqliteJobStore store, Path file) throws StoreException {
        Path source = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(source)) {
            throw new StoreException("There is no file " + source + " to import.");
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("namdrunner-import");
            Path copy = work.resolve("import.db");
            Files.copy(source, copy);
            try (SqliteJobStore in = SqliteJobStore.open(copy)) {
                List<JobRecord> records = new ArrayList<>();
                for (Job job : in.list(JobFilter.all())) {
                    records.add(new JobRecord(job, in.history(job.id())));
                }
                return store.importRecords(records, profilesOf(in, records));
            }
        } catch (IOException e) {
            throw new StoreException("Cannot read " + source + " for the import: " + e, e);
        } catch (StoreException | InvalidInputException e) {
            throw new StoreException("Nothing was imported from " + source + ": " + e.getMessage(), e);
        } finally {
            if (work != null) {
                deleteTree(work);
            }
        }
    }

    private static List<ClusterProfile> profilesOf(SqliteJobStore store, List<JobRecord> records) throws StoreException {
        Map<String, ClusterProfile> byId = new LinkedHashMap<>();
        for (ClusterProfile p : store.loadProfiles()) {
            byId.put(p.id(), p);
        }
        List<ClusterProfile> used = new ArrayList<>();
        for (JobRecord r : records) {
            ClusterProfile p = byId.remove(r.job().clusterProfileId());
            if (p != null) {
                used.add(p);
            }
        }
        return used;
    }

    private static void deleteQuietly(Path file) {
        for (String suffix : new String[] { "", "-wal", "-shm" }) {
            try {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            } catch (IOException e) {
                // an unfinished export file that cannot be removed is named in the exception the caller sees
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a temporary copy left behind is harmless
                }
            });
        } catch (IOException e) {
            // as above
        }
    }
}
