package org.namdrunner.persistence.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.StatusChange;
import org.namdrunner.core.store.BatchResult;
import org.namdrunner.core.store.ClusterProfileStore;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.core.store.JobStore;
import org.namdrunner.core.store.JobStoreListener;
import org.namdrunner.core.store.JobUpdate;
import org.namdrunner.core.store.JobSummary;
import org.namdrunner.core.store.PolledJob;
import org.namdrunner.core.store.StoreException;
import org.namdrunner.core.store.StoredTemplate;
import org.namdrunner.core.store.TemplateStore;
import org.namdrunner.persistence.DatabaseLocation;
import org.namdrunner.persistence.SqliteJobStore;

/**
 * The Declarative Services component (OSGI-INF/jobStore.xml): opens the database of {@link DatabaseLocation} when
 * first used and closes it when the bundle stops. If the file cannot be opened, activation fails with the store's
 * message and the service is not offered.
 */
public final class JobStoreComponent implements JobStore, ClusterProfileStore, TemplateStore {

    private volatile SqliteJobStore store;

    public void activate() throws StoreException {
        store = SqliteJobStore.open(DatabaseLocation.resolve());
    }

    /** The database behind this service (for {@link org.namdrunner.persistence.JobArchive#sqliteBehind}). */
    public SqliteJobStore sqlite() {
        return store;
    }

    public void deactivate() {
        SqliteJobStore s = store;
        if (s != null) {
            s.close();
        }
    }

    @Override public void create(Job job) throws StoreException { store.create(job); }
    @Override public void update(Job job) throws StoreException { store.update(job); }
    @Override public Optional<Job> find(String id) throws StoreException { return store.find(id); }
    @Override public List<Job> list(JobFilter filter) throws StoreException { return store.list(filter); }
    @Override public List<JobSummary> summaries(JobFilter filter) throws StoreException { return store.summaries(filter); }
    @Override public List<JobSummary> summariesOf(Collection<String> ids) throws StoreException { return store.summariesOf(ids); }
    @Override public List<Job> chainStages(String chainId) throws StoreException { return store.chainStages(chainId); }
    @Override public List<Job> replicaSet(String setId) throws StoreException { return store.replicaSet(setId); }
    @Override public Set<String> clustersWithSubmittedJobs(Set<JobStatus> statuses) throws StoreException { return store.clustersWithSubmittedJobs(statuses); }
    @Override public List<PolledJob> polledJobs(String clusterProfileId, Set<JobStatus> statuses) throws StoreException { return store.polledJobs(clusterProfileId, statuses); }
    @Override public List<StatusChange> history(String jobId) throws StoreException { return store.history(jobId); }
    @Override public BatchResult apply(List<JobUpdate> updates) throws StoreException { return store.apply(updates); }
    @Override public boolean delete(String id) throws StoreException { return store.delete(id); }
    @Override public Optional<String> metadata(String key) throws StoreException { return store.metadata(key); }
    @Override public void putMetadata(String key, String value) throws StoreException { store.putMetadata(key, value); }
    @Override public void addListener(JobStoreListener listener) { store.addListener(listener); }
    @Override public void removeListener(JobStoreListener listener) { store.removeListener(listener); }
    @Override public List<ClusterProfile> loadProfiles() throws StoreException { return store.loadProfiles(); }
    @Override public void saveProfile(ClusterProfile profile) throws StoreException { store.saveProfile(profile); }
    @Override public boolean deleteProfile(String id) throws StoreException { return store.deleteProfile(id); }
    @Override public List<StoredTemplate> listTemplates() throws StoreException { return store.listTemplates(); }
    @Override public Optional<StoredTemplate> findTemplate(String id) throws StoreException { return store.findTemplate(id); }
    @Override public void saveTemplates(List<StoredTemplate> templates) throws StoreException { store.saveTemplates(templates); }
    @Override public boolean deleteTemplate(String id) throws StoreException { return store.deleteTemplate(id); }
}
