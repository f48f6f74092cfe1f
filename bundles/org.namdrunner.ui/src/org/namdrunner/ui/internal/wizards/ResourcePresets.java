package org.namdrunner.ui.internal.wizards;

import java.time.Duration;
import java.util.List;

import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.model.MemorySize;
import org.namdrunner.core.model.Resources;

/** Starting points for the resources page, sized to the chosen cluster. */
public final class ResourcePresets {

    /** A named request. */
    public record Preset(String label, Resources resources) {
    }

    private ResourcePresets() {
    }

    public static List<Preset> forProfile(ClusterProfile p) {
        String partition = p.partitions().isEmpty() ? "" : p.partitions().get(0);
        String qos = p.qos().isEmpty() ? "" : p.qos().get(0);
        String account = p.accounts().isEmpty() ? "" : p.accounts().get(0);
        int node = p.coresPerNode();
        long nodeGb = Math.max(1, p.memoryPerNodeMb() * 9 / 10 / 1024);
        return List.of(
                preset("Quick test: 1 core, 1 GB, 30 min", 1, MemorySize.gigabytes(1), Duration.ofMinutes(30), partition, qos, account, p),
                preset("Small: " + Math.min(4, node) + " cores, 4 GB, 4 h", Math.min(4, node), MemorySize.gigabytes(Math.min(4, nodeGb)),
                        Duration.ofHours(4), partition, qos, account, p),
                preset("One node: " + node + " cores, " + nodeGb + " GB, 24 h", node, MemorySize.gigabytes(nodeGb),
                        Duration.ofHours(24), partition, qos, account, p));
    }

    private static Preset preset(String label, int cores, MemorySize mem, Duration wall, String partition, String qos,
            String account, ClusterProfile p) {
        Duration w = wall.compareTo(p.maxWalltime()) > 0 ? p.maxWalltime() : wall;
        return new Preset(label, new Resources(cores, mem, w, partition, qos, account, 0, ""));
    }
}
