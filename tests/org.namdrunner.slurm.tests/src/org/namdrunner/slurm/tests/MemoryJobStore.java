package org.namdrunner.slurm.tests;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.StatusChange;
import org.namdrunner.core.store.BatchResult;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.core.store.JobStore;
import org.namdrunner.core.store.JobStoreListener;
import org.namdrunner.core.store.JobUpdate;

/** Test double: a job store in memory, just enough for the synchronizer (the real one is SQLite, tested elsewhere). */
final class MemoryJobStore implements JobStore {

    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final Map<String, List<StatusChange>> history = new HashMap<>();
    private final Map<String, String> metadata = new HashMap<>();

    @Override
    public void create(Job job) {
        jobs.put(job.id(), job);
        history.computeIfAbsent(job.id(), k -> new ArrayList<>()).add(StatusChange.created(job.id(), job.status(), job.createdAt()));
    }

    @Override
    public void update(Job job) {
        jobs.put(job.id(), job);
    }

    @Override
    public Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    @Override
    public List<Job> list(JobFilter filter) {
        return jobs.values().stream().filter(filter::matches).toList();
    }

    @Override
    public List<StatusChange> history(String jobId) {
        return List.copyOf(history.getOrDefault(jobId, List.of()));
    }

    @Override
    public BatchResult apply(List<JobUpdate> updates) {
        List<String> written = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        for (JobUpdate u : updates) {
            Job stored = jobs.get(u.job().id());
            if (stored == null || stored.status() != u.expectedStatus()) {
                conflicts.add(u.job().id());
                continue;
            }
            jobs.put(u.job().id(), u.job());
            history.computeIfAbsent(u.job().id(), k -> new ArrayList<>()).addAll(u.changes());
            written.add(u.job().id());
        }
        return new BatchResult(written, List.of(), conflicts);
    }

    @Override
    public boolean delete(String id) {
        history.remove(id);
        return jobs.remove(id) != null;
    }

    @Override
    public Optional<String> metadata(String key) {
        return Optional.ofNullable(metadata.get(key));
    }

    @Override
    public void putMetadata(String key, String value) {
        metadata.put(key, value);
    }

    @Override
    public void addListener(JobStoreListener listener) {
        // no one listens in these tests
    }

    @Override
    public void removeListener(JobStoreListener listener) {
        // no one listens in these tests
    }
}
