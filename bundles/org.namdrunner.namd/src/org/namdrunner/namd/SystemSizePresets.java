package org.namdrunner.namd;

import java.time.Duration;
import java.util.List;

import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.ResourceLimits;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.MemorySize;
import org.namdrunner.core.model.Resources;

/**
 * Resources by system size (atoms → cores / memory / walltime), from the rough sizing of the cluster facts
 * (docs/namd.md): the upper end of each range, so a first run is rarely cut short. Ranges are half-open:
 * 10 000 atoms is already "10k–50k".
 */
public final class SystemSizePresets {

    /** One size class: {@code minAtoms ≤ atoms < maxAtoms}. */
    public record SizePreset(String label, long minAtoms, long maxAtoms, int cores, MemorySize memory, Duration walltime) {

        public boolean contains(long atoms) {
            return atoms >= minAtoms && atoms < maxAtoms;
        }
    }

    private static final List<SizePreset> PRESETS = List.of(
            new SizePreset("Under 10k atoms: 8 cores, 8 GB, 4 h", 1, 10_000, 8, MemorySize.gigabytes(8), Duration.ofHours(4)),
            new SizePreset("10k–50k atoms: 32 cores, 32 GB, 12 h", 10_000, 50_000, 32, MemorySize.gigabytes(32), Duration.ofHours(12)),
            new SizePreset("50k–150k atoms: 64 cores, 64 GB, 24 h", 50_000, 150_000, 64, MemorySize.gigabytes(64), Duration.ofHours(24)),
            new SizePreset("Over 150k atoms: 128 cores, 128 GB, 48 h", 150_000, Long.MAX_VALUE, 128, MemorySize.gigabytes(128),
                    Duration.ofHours(48)));

    private SystemSizePresets() {
    }

    public static List<SizePreset> all() {
        return PRESETS;
    }

    /** The size class of a system; refuses a count below 1. */
    public static SizePreset forAtoms(long atoms) {
        for (SizePreset p : PRESETS) {
            if (p.contains(atoms)) {
                return p;
            }
        }
        throw new InvalidInputException("atoms", "The number of atoms must be at least 1, not " + atoms + ".");
    }

    /**
     * The preset as a request on this cluster, never more than one node: its first partition and account; the
     * QoS of that partition whose MaxWall fits the walltime (e.g. cpu-long for 48 h on Alpine's acpu), else the
     * walltime cut to the longest the partition's QoS (and the cluster) allow; at most one node's cores, and the
     * memory cut to 90 % of one node's (the resources page says when a value was cut).
     */
    public static Resources resources(SizePreset preset, ClusterProfile profile) {
        String partition = first(profile.partitions());
        String qos = ResourceLimits.qosFor(profile, partition, preset.walltime(), first(profile.qos()));
        Duration wall = preset.walltime().compareTo(profile.maxWalltime()) > 0 ? profile.maxWalltime() : preset.walltime();
        Duration qosMax = profile.limits().maxWalltime(qos).orElse(wall);
        if (wall.compareTo(qosMax) > 0) {
            wall = qosMax;
        }
        long nodeMb = profile.memoryPerNodeMb();
        MemorySize memory = preset.memory().toMegabytes() > nodeMb ? MemorySize.gigabytes(Math.max(1, nodeMb * 9 / 10 / 1024))
                : preset.memory();
        int cores = Math.min(preset.cores(), profile.coresPerNode());
        return new Resources(cores, memory, wall, partition, qos, first(profile.accounts()), 0, "");
    }

    private static String first(List<String> list) {
        return list.isEmpty() ? "" : list.get(0);
    }
}
