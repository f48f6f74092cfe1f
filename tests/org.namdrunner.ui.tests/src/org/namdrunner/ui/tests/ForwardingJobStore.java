package org.namdrunner.ui.tests;

import java.util.List;
import java.util.Optional;

import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.StatusChange;
import org.namdrunner.core.store.BatchResult;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.core.store.JobStore;
import org.namdrunner.core.store.JobStoreListener;
import org.namdrunner.core.store.JobUpdate;
import org.namdrunner.core.store.StoreException;

/** Passes every call to the real store; a test store overrides what it counts or holds. */
abstract class ForwardingJobStore implements JobStore {

    final JobStore real;

    ForwardingJobStore(JobStore real) {
        this.real = real;
    }

    @Override public void create(Job job) throws StoreException { real.create(job); }
    @Override public void update(Job job) throws StoreException { real.update(job); }
    @Override public Optional<Job> find(String id) throws StoreException { return real.find(id); }
    @Override public List<Job> list(JobFilter filter) throws StoreException { return real.list(filter); }
    @Override public List<StatusChange> history(String jobId) throws StoreException { return real.history(jobId); }
    @Override public BatchResult apply(List<JobUpdate> updates) throws StoreException { return real.apply(updates); }
    @Override public boolean delete(String id) throws StoreException { return real.delete(id); }
    @Override public Optional<String> metadata(String key) throws StoreException { return real.metadata(key); }
    @Override public void putMetadata(String key, String value) throws StoreException { real.putMetadata(key, value); }
    @Override public void addListener(JobStoreListener listener) { real.addListener(listener); }
    @Override public void removeListener(JobStoreListener listener) { real.removeListener(listener); }
}
