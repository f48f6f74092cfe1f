package org.namdrunner.app;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.namdrunner.core.jobtype.JobType.LogSummary;

/** The last known progress of running jobs, as their job type read it from the log tail. In memory only. */
public final class LogProgress {

    private final Map<String, LogSummary> byJob = new ConcurrentHashMap<>();

    public void put(String jobId, LogSummary summary) {
        byJob.put(jobId, summary);
    }

    public Optional<LogSummary> get(String jobId) {
        return Optional.ofNullable(byJob.get(jobId));
    }

    public void remove(String jobId) {
        byJob.remove(jobId);
    }

    public void clear() {
        byJob.clear();
    }
}
