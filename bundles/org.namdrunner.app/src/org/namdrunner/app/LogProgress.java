package org.namdrunner.app;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.namdrunner.core.jobtype.JobType.LogSummary;
import org.namdrunner.core.jobtype.LogFollower;

/**
 * The last known progress of running jobs, as their job type read it from the log, and the {@link LogWatch} of each
 * followed log (so the Jobs view's background reads and the Log page share one offset per log). In memory only.
 */
public final class LogProgress {

    private final Map<String, LogSummary> byJob = new ConcurrentHashMap<>();
    private final Map<String, LogWatch> watches = new ConcurrentHashMap<>();

    /** The watch of the job's log at {@code path} (a new one when the job's log moved, e.g. once collected). */
    public LogWatch watch(String jobId, String path, Supplier<LogFollower> followers) {
        return watches.compute(jobId, (id, w) -> w != null && w.path().equals(path) ? w : new LogWatch(path, followers));
    }

    public void put(String jobId, LogSummary summary) {
        byJob.put(jobId, summary);
    }

    public Optional<LogSummary> get(String jobId) {
        return Optional.ofNullable(byJob.get(jobId));
    }

    public void remove(String jobId) {
        byJob.remove(jobId);
        watches.remove(jobId);
    }

    public void clear() {
        byJob.clear();
        watches.clear();
    }
}
