package org.namdrunner.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.ILog;
import org.namdrunner.core.jobtype.JobType.LogSummary;
import org.namdrunner.core.lifecycle.TypeParameters;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.store.JobStore;
import org.namdrunner.core.store.StoreException;

/**
 * The speed each job was measured at (ns/day from its log, read by the sync), kept in the job store's metadata so a
 * TIMEOUT job's advice and a new job's walltime can use evidence instead of a guess: the job's own speed, or that of
 * the last similar job (same cluster and partition, a system within {@link #SIMILAR_SIZE} of the size). Loaded once,
 * off the UI thread, when the backend is built; read from memory afterwards; written when a job's speed is new or has
 * changed by more than a percent. At most {@link #KEPT} jobs are kept, the newest.
 */
public final class PerformanceHistory {

    /** The job parameter with the system size (NAMD: atoms from the PSF). */
    public static final String SIZE_PARAMETER = "atoms";
    public static final String METADATA_KEY = "performance.measurements";
    public static final double SIMILAR_SIZE = 0.2;
    public static final int KEPT = 500;

    /** One job's measured speed, with what it ran on. */
    public record Measurement(String jobId, String jobName, String profileId, String partition, int cores, int gpus, long size,
            double nsPerDay, Instant at) {

        String line() {
            return String.join("\t", jobId, jobName, profileId, partition, Integer.toString(cores), Integer.toString(gpus),
                    Long.toString(size), Double.toString(nsPerDay), Long.toString(at.getEpochSecond()));
        }

        static Optional<Measurement> parse(String line) {
            String[] f = line.split("\t", -1);
            if (f.length != 9) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Measurement(f[0], f[1], f[2], f[3], Integer.parseInt(f[4]), Integer.parseInt(f[5]), Long.parseLong(f[6]),
                        Double.parseDouble(f[7]), Instant.ofEpochSecond(Long.parseLong(f[8]))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    private final JobStore store;
    private final List<Measurement> measurements = new ArrayList<>();

    /** Reads what the store holds (disk: call it off the UI thread). */
    public PerformanceHistory(JobStore store) {
        this.store = store;
        try {
            store.metadata(METADATA_KEY).ifPresent(text -> text.lines().map(Measurement::parse).flatMap(Optional::stream)
                    .forEach(measurements::add));
        } catch (StoreException e) {
            ILog.of(PerformanceHistory.class).log(e.getStatus());
        }
    }

    /**
     * Keeps the speed of {@code summary} for {@code job} when it knows one; writes the store only when it is new or
     * changed by more than 1 %. Returns whether it wrote.
     */
    public boolean record(Job job, LogSummary summary) {
        if (summary == null || !(summary.nsPerDay() > 0) || Double.isInfinite(summary.nsPerDay())) {
            return false;
        }
        synchronized (measurements) {
            Optional<Measurement> old = of(job.id());
            if (old.isPresent() && Math.abs(old.get().nsPerDay() - summary.nsPerDay()) <= 0.01 * old.get().nsPerDay()) {
                return false;
            }
            measurements.removeIf(m -> m.jobId().equals(job.id()));
            measurements.add(new Measurement(job.id(), job.name(), job.clusterProfileId(), job.resources().partition(), job.resources().cores(),
                    job.resources().gpus(), sizeOf(job), summary.nsPerDay(), Instant.now()));
            while (measurements.size() > KEPT) {
                measurements.remove(0);
            }
            StringBuilder b = new StringBuilder();
            measurements.forEach(m -> b.append(m.line()).append('\n'));
            // written under the lock, so two threads (sync, Log page) cannot store an older list after a newer one
            try {
                store.putMetadata(METADATA_KEY, b.toString());
                return true;
            } catch (StoreException e) {
                ILog.of(PerformanceHistory.class).log(e.getStatus());
                return false;
            }
        }
    }

    /** The job's own measured speed. */
    public Optional<Measurement> of(String jobId) {
        synchronized (measurements) {
            return measurements.stream().filter(m -> m.jobId().equals(jobId)).reduce((a, b) -> b);
        }
    }

    /**
     * The newest measurement of another job on the same cluster and partition whose size is within
     * {@link #SIMILAR_SIZE} of {@code size} (both known); empty when there is none.
     */
    public Optional<Measurement> lastSimilar(String profileId, String partition, long size, String exceptJobId) {
        if (size <= 0) {
            return Optional.empty();
        }
        synchronized (measurements) {
            for (int i = measurements.size() - 1; i >= 0; i--) {
                Measurement m = measurements.get(i);
                if (!m.jobId().equals(exceptJobId) && m.profileId().equals(profileId) && m.partition().equals(partition) && m.size() > 0
                        && Math.abs(m.size() - size) <= SIMILAR_SIZE * size) {
                    return Optional.of(m);
                }
            }
        }
        return Optional.empty();
    }

    /** The job's size parameter, 0 when it has none. */
    public static long sizeOf(Job job) {
        Map<String, String> params = TypeParameters.read(job.typeParameters());
        try {
            return Math.max(0, Long.parseLong(params.getOrDefault(SIZE_PARAMETER, "0").strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
