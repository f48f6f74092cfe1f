package org.namdrunner.ui.internal.wizards;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.namdrunner.app.PerformanceHistory;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.ResourceLimits;
import org.namdrunner.core.jobtype.JobType;
import org.namdrunner.core.model.MemorySize;
import org.namdrunner.core.model.Resources;
import org.namdrunner.ui.internal.views.JobTimes;

/**
 * The preset from evidence for a new job: the last similar job (same cluster and partition, a system within a fifth of
 * the size, {@link PerformanceHistory#lastSimilar}) ran at a measured speed on some cores and GPUs; the new job's steps
 * at that speed, with a margin ({@link JobType#walltimeWithMargin}), give its walltime. Computed off the UI thread (the
 * job type renders the config, which may read a stored template).
 */
final class EvidencePreset {

    static final String PREFIX = "Like job ";

    private EvidencePreset() {
    }

    static Optional<ResourcePresets.Preset> find(PerformanceHistory history, JobType type, ClusterProfile p, String partition,
            Map<String, String> parameters) {
        long size;
        try {
            size = Long.parseLong(parameters.getOrDefault(PerformanceHistory.SIZE_PARAMETER, "0").strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Optional<PerformanceHistory.Measurement> found = history.lastSimilar(p.id(), partition, size, null);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PerformanceHistory.Measurement m = found.get();
        Optional<Duration> run = type.runTimeAt(parameters, m.nsPerDay());
        if (run.isEmpty()) {
            return Optional.empty();
        }
        Resources base = ResourcePresets.forProfile(p).get(ResourcePresets.forProfile(p).size() - 1).resources();
        long perCoreMb = Math.max(1024, p.memoryPerNodeMb() / Math.max(1, p.coresPerNode()));
        long memMb = Math.min(p.memoryPerNodeMb() * 9 / 10, perCoreMb * m.cores());
        Duration roughly = JobType.walltimeWithMargin(run.get(), null);
        String qos = ResourceLimits.qosFor(p, m.partition(), roughly, p.qos().isEmpty() ? "" : base.qos());
        Duration max = p.limits().maxWalltime(qos).orElse(p.maxWalltime());
        Duration wall = JobType.walltimeWithMargin(run.get(), max);
        Resources r = new Resources(m.cores(), MemorySize.gigabytes(Math.max(1, memMb / 1024)), wall, m.partition(), qos, base.account(),
                m.gpus(), "");
        String label = String.format("%s%s (%d atoms, %.2f ns/day with %d cores%s): %s", PREFIX, m.jobName(), m.size(), m.nsPerDay(),
                m.cores(), m.gpus() > 0 ? ", " + m.gpus() + " GPU" + (m.gpus() == 1 ? "" : "s") : "", JobTimes.duration(wall)
                + (wall.compareTo(roughly) < 0 ? " (the QoS's longest; continue for the rest)" : ""));
        return Optional.of(new ResourcePresets.Preset(label, r));
    }
}
