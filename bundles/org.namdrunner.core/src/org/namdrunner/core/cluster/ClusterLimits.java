package org.namdrunner.core.cluster;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.SchedulerNames;
import org.namdrunner.core.validation.InputRules;

/**
 * What a cluster's scheduler allows, as data of a profile: the longest walltime of each QoS and which QoS each
 * partition accepts (Alpine 2026: {@code cpu-normal} 1 day, {@code cpu-long} 7 days; {@code acpu} takes both).
 * A QoS or partition not named here is not limited by this (a profile without limits checks nothing extra).
 *
 * @param qosMaxWalltime QoS name → its MaxWall, in the profile's order
 * @param partitionQos   partition name → the QoS it accepts, in the profile's order
 * @param billing        how the cluster charges service units ({@link BillingRule#NONE} when unknown)
 */
public record ClusterLimits(Map<String, Duration> qosMaxWalltime, Map<String, List<String>> partitionQos, BillingRule billing) {

    /** No limits known: what profiles stored before limits existed load as. */
    public static final ClusterLimits NONE = new ClusterLimits(Map.of(), Map.of());

    /** Limits without a billing rule (the form limits had before {@link BillingRule}). */
    public ClusterLimits(Map<String, Duration> qosMaxWalltime, Map<String, List<String>> partitionQos) {
        this(qosMaxWalltime, partitionQos, BillingRule.NONE);
    }

    /** The same limits with another billing rule. */
    public ClusterLimits withBilling(BillingRule rule) {
        return new ClusterLimits(qosMaxWalltime, partitionQos, rule);
    }

    public ClusterLimits {
        billing = billing == null ? BillingRule.NONE : billing;
        Map<String, Duration> q = new LinkedHashMap<>();
        for (Map.Entry<String, Duration> e : (qosMaxWalltime == null ? Map.<String, Duration>of() : qosMaxWalltime).entrySet()) {
            String name = SchedulerNames.check("qos", e.getKey());
            if (name.isEmpty()) {
                throw new InvalidInputException("qos", "A QoS limit has no QoS name.");
            }
            Duration d = e.getValue();
            if (d == null || d.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new InvalidInputException("qos", "The longest walltime of QoS '" + name + "' must be at least one minute.");
            }
            q.put(name, d);
        }
        Map<String, List<String>> p = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : (partitionQos == null ? Map.<String, List<String>>of() : partitionQos).entrySet()) {
            String name = SchedulerNames.check("partition", e.getKey());
            if (name.isEmpty()) {
                throw new InvalidInputException("partition", "A partition's QoS list has no partition name.");
            }
            List<String> allowed = List.copyOf(e.getValue() == null ? List.of() : e.getValue());
            allowed.forEach(a -> SchedulerNames.check("qos", a));
            p.put(name, allowed);
        }
        qosMaxWalltime = Collections.unmodifiableMap(q);
        partitionQos = Collections.unmodifiableMap(p);
    }

    /** The MaxWall of a QoS, if the profile knows it. */
    public Optional<Duration> maxWalltime(String qos) {
        return Optional.ofNullable(qosMaxWalltime.get(qos));
    }

    /** The QoS a partition accepts; empty when the profile does not say (then any of the profile's QoS). */
    public List<String> qosAllowedOn(String partition) {
        return partitionQos.getOrDefault(partition, List.of());
    }

    /**
     * A walltime as SLURM writes one: {@code D-HH:MM:SS}, {@code D-HH:MM}, {@code D-HH}, {@code HH:MM:SS},
     * {@code MM:SS} or minutes ({@code 60}), as in sbatch {@code --time} and sacctmgr's MaxWall.
     */
    public static Duration walltime(String text) {
        String t = text == null ? "" : text.strip();
        Matcher m = WALLTIME.matcher(t);
        if (!m.matches()) {
            throw new InvalidInputException("maxWalltime", "'" + InputRules.printable(t)
                    + "' is not a walltime like 1-00:00:00, 12:00:00 or 60 (minutes).");
        }
        long days = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        String[] parts = m.group(2).split(":");
        long seconds;
        if (m.group(1) != null) {
            seconds = Long.parseLong(parts[0]) * 3600 + (parts.length > 1 ? Long.parseLong(parts[1]) * 60 : 0)
                    + (parts.length > 2 ? Long.parseLong(parts[2]) : 0);
        } else if (parts.length == 3) {
            seconds = Long.parseLong(parts[0]) * 3600 + Long.parseLong(parts[1]) * 60 + Long.parseLong(parts[2]);
        } else if (parts.length == 2) {
            seconds = Long.parseLong(parts[0]) * 60 + Long.parseLong(parts[1]);
        } else {
            seconds = Long.parseLong(parts[0]) * 60;
        }
        return Duration.ofSeconds(days * 86_400 + seconds);
    }

    private static final Pattern WALLTIME = Pattern.compile("(?:(\\d{1,4})-)?(\\d{1,6}(?::\\d{1,2}){0,2})");

    public boolean isEmpty() {
        return qosMaxWalltime.isEmpty() && partitionQos.isEmpty() && !billing.isKnown();
    }
}
