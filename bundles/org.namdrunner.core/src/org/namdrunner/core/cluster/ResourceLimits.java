package org.namdrunner.core.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Resources;

/**
 * Checks a request against the profile's scheduler limits before anything reaches the cluster: a walltime over
 * its QoS's MaxWall would pend forever ({@code QOSMaxWallDurationPerJobLimit}), a QoS the partition does not
 * accept is refused by sbatch, and memory over a node's is never satisfiable. Each problem names both sides
 * (the QoS and its limit, the partition and what it accepts) and what to pick instead.
 */
public final class ResourceLimits {

    private ResourceLimits() {
    }

    /** Throws for the first problem of {@link #problems}, naming its field. */
    public static void check(ClusterProfile profile, Resources r) {
        List<Problem> found = find(profile, r);
        if (!found.isEmpty()) {
            throw new InvalidInputException(found.get(0).field(), found.get(0).message());
        }
    }

    /** Every problem, in words; empty when the request fits. */
    public static List<String> problems(ClusterProfile profile, Resources r) {
        return find(profile, r).stream().map(Problem::message).toList();
    }

    /** Only the QoS/partition problems (walltime over the QoS's limit, QoS not accepted by the partition). */
    public static List<String> qosProblems(ClusterProfile profile, Resources r) {
        return find(profile, r).stream().filter(p -> !p.field().equals("memory")).map(Problem::message).toList();
    }

    private record Problem(String field, String message) {
    }

    private static List<Problem> find(ClusterProfile profile, Resources r) {
        List<Problem> out = new ArrayList<>();
        ClusterLimits limits = profile.limits();
        List<String> accepted = limits.qosAllowedOn(r.partition());
        if (!r.qos().isEmpty() && !r.partition().isEmpty() && !accepted.isEmpty() && !accepted.contains(r.qos())) {
            out.add(new Problem("qos", "The QoS '" + r.qos() + "' is not allowed on the partition '" + r.partition() + "' of "
                    + profile.name() + ", which accepts " + String.join(", ", accepted) + ". Pick one of those QoS or another partition."));
        }
        Optional<Duration> max = limits.maxWalltime(r.qos());
        if (max.isPresent() && r.walltime().compareTo(max.get()) > 0) {
            String longer = longerQos(limits, r).map(q -> " or the QoS '" + q + "' (up to " + slurm(limits.maxWalltime(q).get()) + ")")
                    .orElse("");
            out.add(new Problem("walltime", "The walltime " + r.walltimeForSlurm() + " is longer than the QoS '" + r.qos()
                    + "' allows (" + slurm(max.get()) + "). Ask for at most that" + longer
                    + "; SLURM would keep the job pending forever."));
        }
        long mb = r.memory().toMegabytes();
        if (mb > profile.memoryPerNodeMb()) {
            out.add(new Problem("memory", "The job asks for " + r.memory() + " per node, but a node of " + profile.name()
                    + " has at most " + profile.memoryPerNodeMb() + "MB."));
        }
        return out;
    }

    /** A QoS of the same partition whose limit fits the walltime (e.g. cpu-long for a 2-day run on acpu). */
    private static Optional<String> longerQos(ClusterLimits limits, Resources r) {
        List<String> candidates = limits.qosAllowedOn(r.partition());
        for (String q : candidates.isEmpty() ? limits.qosMaxWalltime().keySet() : candidates) {
            Optional<Duration> m = limits.maxWalltime(q);
            if (!q.equals(r.qos()) && m.isPresent() && r.walltime().compareTo(m.get()) <= 0) {
                return Optional.of(q);
            }
        }
        return Optional.empty();
    }

    /**
     * The QoS to use for a walltime on a partition: the first the partition accepts whose limit fits, else the one
     * with the longest limit; {@code fallback} when the profile has no limits for that partition.
     */
    public static String qosFor(ClusterProfile profile, String partition, Duration walltime, String fallback) {
        ClusterLimits limits = profile.limits();
        List<String> accepted = limits.qosAllowedOn(partition);
        if (accepted.isEmpty()) {
            return fallback;
        }
        String longest = accepted.get(0);
        for (String q : accepted) {
            Optional<Duration> m = limits.maxWalltime(q);
            if (m.isEmpty() || walltime.compareTo(m.get()) <= 0) {
                return q;
            }
            if (m.get().compareTo(limits.maxWalltime(longest).orElse(Duration.ZERO)) > 0) {
                longest = q;
            }
        }
        return longest;
    }

    private static String slurm(Duration d) {
        return Resources.minimal().withWalltime(d).walltimeForSlurm();
    }
}
