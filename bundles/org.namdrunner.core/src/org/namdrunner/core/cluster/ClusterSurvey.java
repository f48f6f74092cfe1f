package org.namdrunner.core.cluster;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a cluster reports for one user, as proposals for a profile: the partitions (default first), the QoS and
 * accounts the user's associations allow, each QoS's MaxWall, the QoS each partition accepts, and the size of a
 * node of the default partition (0 when unknown).
 */
public record ClusterSurvey(List<String> partitions, List<String> qos, List<String> accounts, Map<String, Duration> qosMaxWalltime,
        Map<String, List<String>> partitionQos, int coresPerNode, long memoryPerNodeMb) {

    public ClusterSurvey {
        partitions = List.copyOf(partitions);
        qos = List.copyOf(qos);
        accounts = List.copyOf(accounts);
        qosMaxWalltime = Collections.unmodifiableMap(new LinkedHashMap<>(qosMaxWalltime));
        partitionQos = Collections.unmodifiableMap(new LinkedHashMap<>(partitionQos));
    }

    /** The profile with what the cluster proposes; what the cluster did not report is kept from the profile. */
    public ClusterProfile proposeFor(ClusterProfile p) {
        Map<String, Duration> limits = new LinkedHashMap<>();
        qosMaxWalltime.forEach((name, max) -> {
            if (qos.isEmpty() || qos.contains(name)) {
                limits.put(name, max);
            }
        });
        Map<String, List<String>> accepted = new LinkedHashMap<>();
        partitionQos.forEach((name, list) -> {
            if (partitions.contains(name)) {
                accepted.put(name, list);
            }
        });
        Duration longest = limits.values().stream().max(Duration::compareTo).orElse(p.maxWalltime());
        return new ClusterProfile(p.id(), p.name(), p.host(), p.port(), p.user(), p.authMethod(), p.keyFile(), p.transferHost(),
                p.commandPrefix(), p.moduleLines(), partitions.isEmpty() ? p.partitions() : partitions, qos.isEmpty() ? p.qos() : qos,
                accounts.isEmpty() ? p.accounts() : accounts, p.projectsRoot(), p.scratchRoot(),
                coresPerNode > 0 ? coresPerNode : p.coresPerNode(), memoryPerNodeMb > 0 ? memoryPerNodeMb : p.memoryPerNodeMb(),
                longest, p.pollInterval(), limits.isEmpty() && accepted.isEmpty() ? p.limits() : new ClusterLimits(limits, accepted),
                p.preemptionRequeue());
    }
}
