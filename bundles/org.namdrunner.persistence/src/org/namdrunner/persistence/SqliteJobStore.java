package org.namdrunner.persistence;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.StatusChange;
import org.namdrunner.core.store.BatchResult;
import org.namdrunner.core.store.ClusterProfileStore;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.core.store.JobStore;
import org.namdrunner.core.store.JobStoreListener;
import org.namdrunner.core.store.JobSummary;
import org.namdrunner.core.store.JobUpdate;
import org.namdrunner.core.store.PolledJob;
import org.namdrunner.core.store.StoreException;
import org.namdrunner.core.store.StoredTemplate;
import org.namdrunner.core.store.TemplateStore;
import org.namdrunner.core.validation.InputRules;
import org.namdrunner.persistence.internal.Backups;
import org.namdrunner.persistence.internal.BatchApply;
import org.namdrunner.persistence.internal.Database;
import org.namdrunner.persistence.internal.HistoryTable;
import org.namdrunner.persistence.internal.JobChecks;
import org.namdrunner.persistence.internal.JobRows;
import org.namdrunner.persistence.internal.JobTable;
import org.namdrunner.persistence.internal.ListenerCalls;
import org.namdrunner.persistence.internal.MetadataTable;
import org.namdrunner.persistence.internal.ProfileTable;
import org.namdrunner.persistence.internal.Restore;
import org.namdrunner.persistence.internal.StoreProblem;
import org.namdrunner.persistence.internal.TemplateTable;

/**
 * Jobs, their history, cluster profiles, config templates and settings in one SQLite file (see docs/persistence.md).
 * <p>
 * Every write is one {@code BEGIN IMMEDIATE} transaction; another NAMDRunner process writing the same file makes
 * a write wait (up to 30 s), never fail at once or corrupt anything. Bad input is refused with an
 * {@link InvalidInputException} before anything is written; every other failure is a {@link StoreException}
 * and leaves the file as it was. One connection, calls serialised; listeners are told after the commit and outside
 * that lock, so a listener that hands work to another thread which reads the store cannot deadlock.
 */
public final class SqliteJobStore implements JobStore, ClusterProfileStore, TemplateStore, AutoCloseable {

    private final Database db;
    private final JobTable jobs;
    private final HistoryTable history;
    private final MetadataTable metadata;
    private final ProfileTable profiles;
    private final TemplateTable templates;
    private final List<JobStoreListener> listeners = new CopyOnWriteArrayList<>();

    private SqliteJobStore(Database db) {
        this.db = db;
        this.jobs = new JobTable(db);
        this.history = new HistoryTable(db);
        this.metadata = new MetadataTable(db);
        this.profiles = new ProfileTable(db);
        this.templates = new TemplateTable(db);
    }

    /**
     * Opens the file, creating it and its folder, or upgrading an older schema. The workbench's own file is
     * {@link DatabaseLocation#resolve()}; the OSGi service opens that one.
     */
    public static SqliteJobStore open(Path file) throws StoreException {
        return new SqliteJobStore(Database.open(file));
    }

    /** The database file (absolute). */
    public Path file() {
        return db.file();
    }

    /** The backups of this file, newest first (made before each migration and once a day, {@link Backups#DEFAULT_KEEP} kept). */
    public List<Backups.Backup> backups() {
        return db.backups().list();
    }

    /** Makes a backup now, e.g. before an import. */
    public Backups.Backup backupNow(String reason) throws StoreException {
        return db.backup(reason);
    }

    /** Why the last automatic backup failed, if it did (the write it followed was committed all the same). */
    public Optional<StoreException> lastBackupFailure() {
        return db.lastBackupFailure();
    }

    /** A self-contained, checked copy of the whole file at {@code target} (see {@link JobArchive#exportDatabase}). */
    void copyTo(Path target) throws StoreException {
        db.copyTo(target);
    }

    /**
     * Adds the jobs not stored yet, each with its history row for row, and the profiles they name that are missing, in
     * one transaction; a job whose id is taken is left as it is.
     */
    JobArchive.ImportReport importRecords(List<JobArchive.JobRecord> records, List<ClusterProfile> profilesUsed) throws StoreException {
        List<String[]> rows = new ArrayList<>();
        for (JobArchive.JobRecord r : records) {
            rows.add(JobRows.values(JobChecks.check(r.job())));
        }
        List<String> imported = new ArrayList<>();
        List<String> alreadyHere = new ArrayList<>();
        List<String> profilesAdded = new ArrayList<>();
        db.write("import " + records.size() + " jobs", () -> {
            for (int i = 0; i < records.size(); i++) {
                JobArchive.JobRecord r = records.get(i);
                if (jobs.insert(rows.get(i))) {
                    history.append(r.history());
                    imported.add(r.job().id());
                } else {
                    alreadyHere.add(r.job().id());
                }
            }
            Set<String> present = new LinkedHashSet<>();
            for (ClusterProfile p : profiles.all()) {
                present.add(p.id());
            }
            for (ClusterProfile p : profilesUsed) {
                if (!present.contains(p.id())) {
                    profiles.save(p);
                    profilesAdded.add(p.id());
                }
            }
            return null;
        });
        tell(new LinkedHashSet<>(imported));
        return new JobArchive.ImportReport(imported, alreadyHere, profilesAdded);
    }

    /**
     * Puts {@code backup} in place of the database at {@code database}, which must not be open. The file that was
     * there (damaged, say) is not deleted: it and its -wal/-shm are renamed {@code <name>.damaged-<time>}.
     *
     * @return the name the old file now has, or empty when there was none
     */
    public static Optional<Path> restoreBackup(Path database, Path backup) throws StoreException {
        return Restore.replace(database.toAbsolutePath().normalize(), backup);
    }

    @Override
    public void create(Job job) throws StoreException {
        String[] row = JobRows.values(JobChecks.check(job));
        db.write("store job " + job.name(), () -> {
            if (!jobs.insert(row)) {
                throw new StoreProblem("a job with the id '" + job.id() + "' exists already; nothing was stored");
            }
            history.append(List.of(StatusChange.created(job.id(), job.status(), job.createdAt())));
            return null;
        });
        tell(Set.of(job.id()));
    }

    @Override
    public void update(Job job) throws StoreException {
        String[] row = JobRows.values(JobChecks.check(job));
        boolean written = db.write("update job " + job.name(), () -> {
            String[] stored = jobs.text(job.id());
            if (stored == null) {
                throw new StoreProblem("there is no job with the id '" + job.id() + "' (it may have been deleted)");
            }
            if (!row[JobRows.STATUS].equals(stored[JobRows.STATUS])) {
                throw new StoreProblem("its status is " + stored[JobRows.STATUS] + " now, not " + row[JobRows.STATUS]
                        + ": it was changed meanwhile (by a sync or another NAMDRunner); nothing was written, read it again");
            }
            if (JobRows.sameExceptUpdatedAt(stored, row)) {
                return false;
            }
            jobs.update(row);
            return true;
        });
        if (written) {
            tell(Set.of(job.id()));
        }
    }

    @Override
    public Optional<Job> find(String id) throws StoreException {
        JobChecks.checkId(id);
        return db.read("read job " + id, () -> jobs.find(id));
    }

    @Override
    public List<Job> list(JobFilter filter) throws StoreException {
        JobFilter f = filter == null ? JobFilter.all() : filter;
        return db.read("list jobs", () -> jobs.list(f));
    }

    @Override
    public List<JobSummary> summaries(JobFilter filter) throws StoreException {
        JobFilter f = filter == null ? JobFilter.all() : filter;
        return db.read("list jobs", () -> jobs.summaries(f));
    }

    @Override
    public List<JobSummary> summariesOf(Collection<String> ids) throws StoreException {
        List<String> checked = List.copyOf(ids);
        return checked.isEmpty() ? List.of() : db.read("read changed jobs", () -> jobs.summariesOf(checked));
    }

    @Override
    public List<Job> chainStages(String chainId) throws StoreException {
        Objects.requireNonNull(chainId, "chainId");
        return db.read("read the stages of chain " + chainId, () -> jobs.chainStages(chainId));
    }

    @Override
    public List<Job> replicaSet(String setId) throws StoreException {
        Objects.requireNonNull(setId, "setId");
        return db.read("read the replicas of set " + setId, () -> jobs.replicaSet(setId));
    }

    @Override
    public Set<String> clustersWithSubmittedJobs(Set<JobStatus> statuses) throws StoreException {
        Set<JobStatus> s = statuses == null ? Set.of() : Set.copyOf(statuses);
        return db.read("find the clusters with submitted jobs", () -> jobs.clustersWithSubmittedJobs(s));
    }

    @Override
    public List<PolledJob> polledJobs(String clusterProfileId, Set<JobStatus> statuses) throws StoreException {
        if (clusterProfileId == null) {
            throw new InvalidInputException("clusterProfileId", "No cluster profile was given.");
        }
        Set<JobStatus> s = statuses == null ? Set.of() : statuses;
        return db.read("list the active jobs of " + clusterProfileId, () -> jobs.polled(clusterProfileId, s));
    }

    @Override
    public List<StatusChange> history(String jobId) throws StoreException {
        JobChecks.checkId(jobId);
        return db.read("read the history of job " + jobId, () -> history.read(jobId));
    }

    @Override
    public BatchResult apply(List<JobUpdate> updates) throws StoreException {
        Objects.requireNonNull(updates, "updates");
        if (updates.isEmpty()) {
            return new BatchResult(List.of(), List.of(), List.of());
        }
        for (JobUpdate u : updates) {
            if (u == null) {
                throw new InvalidInputException("updates", "The batch contains an empty update.");
            }
            JobChecks.check(u.job());
        }
        BatchResult result = db.write("apply " + updates.size() + " job updates", () -> new BatchApply(jobs, history).run(updates));
        tell(new LinkedHashSet<>(result.written()));
        return result;
    }

    @Override
    public boolean delete(String id) throws StoreException {
        JobChecks.checkId(id);
        boolean deleted = db.write("delete job " + id, () -> jobs.delete(id));
        if (deleted) {
            tell(Set.of(id));
        }
        return deleted;
    }

    @Override
    public Optional<String> metadata(String key) throws StoreException {
        JobChecks.checkMetadataKey(key);
        return db.read("read setting " + key, () -> metadata.get(key));
    }

    @Override
    public void putMetadata(String key, String value) throws StoreException {
        JobChecks.checkMetadataKey(key);
        if (value == null) {
            throw new InvalidInputException("value", "The value of setting '" + key + "' is missing.");
        }
        db.write("save setting " + key, () -> {
            metadata.put(key, value);
            return null;
        });
    }

    @Override
    public List<ClusterProfile> loadProfiles() throws StoreException {
        return db.read("read cluster profiles", profiles::all);
    }

    @Override
    public void saveProfile(ClusterProfile profile) throws StoreException {
        if (profile == null) {
            throw new InvalidInputException("profile", "No cluster profile was given.");
        }
        db.write("save cluster profile " + profile.id(), () -> {
            profiles.save(profile);
            return null;
        });
    }

    @Override
    public boolean deleteProfile(String id) throws StoreException {
        InputRules.checkName("id", "profile id", id);
        return db.write("delete cluster profile " + id, () -> profiles.delete(id));
    }

    @Override
    public List<StoredTemplate> listTemplates() throws StoreException {
        return db.read("read templates", templates::all);
    }

    @Override
    public Optional<StoredTemplate> findTemplate(String id) throws StoreException {
        InputRules.checkName("id", "template id", id);
        return db.read("read template " + id, () -> templates.find(id));
    }

    @Override
    public void saveTemplates(List<StoredTemplate> list) throws StoreException {
        Objects.requireNonNull(list, "templates");
        Set<String> ids = new java.util.HashSet<>();
        Set<String> names = new java.util.HashSet<>();
        for (StoredTemplate t : list) {
            if (t == null) {
                throw new InvalidInputException("templates", "The list of templates contains an empty entry.");
            }
            if (!ids.add(t.id())) {
                throw new InvalidInputException("id", "The template id '" + t.id() + "' is given twice; nothing was stored.");
            }
            if (!names.add(t.name().toLowerCase(java.util.Locale.ROOT))) {
                throw new InvalidInputException("name", "The template name '" + t.name() + "' is given twice; nothing was stored.");
            }
        }
        if (list.isEmpty()) {
            return;
        }
        db.write("save " + list.size() + " template(s)", () -> {
            // free the names being moved away first, so that two templates may swap names in one save
            for (StoredTemplate t : list) {
                Optional<String> owner = templates.idOfName(t.name());
                if (owner.isPresent() && !owner.get().equals(t.id()) && !ids.contains(owner.get())) {
                    throw new StoreProblem("the template name '" + t.name() + "' is taken by another stored template ('"
                            + owner.get() + "'); nothing was stored");
                }
            }
            for (StoredTemplate t : list) {
                templates.delete(t.id());
            }
            for (StoredTemplate t : list) {
                templates.save(t);
            }
            return null;
        });
    }

    @Override
    public boolean deleteTemplate(String id) throws StoreException {
        InputRules.checkName("id", "template id", id);
        return db.write("delete template " + id, () -> templates.delete(id));
    }

    @Override
    public void addListener(JobStoreListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeListener(JobStoreListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void close() {
        db.close();
    }

    private void tell(Set<String> changed) {
        if (!changed.isEmpty()) {
            ListenerCalls.tell(listeners, Set.copyOf(changed));
        }
    }
}
