package org.namdrunner.slurm.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.namdrunner.core.cluster.ClusterSurvey;

/**
 * Reads what one command line of {@link #COMMAND} prints: {@code sinfo -h -o '%R|%c|%m|%l'} (partition, CPUs and
 * memory of a node, time limit), the user's associations ({@code sacctmgr -nP show assoc}: account, partition, QoS),
 * each QoS's MaxWall ({@code sacctmgr -nP show qos}) and {@code scontrol show partition -o} (AllowQos, Default).
 * Sections are separated by marker lines; a line that does not fit its section is skipped. Never throws.
 */
public final class ClusterFacts {

    static final String SECTION = "::namdrunner-section::";

    /** One command for all of it (run under the profile's prefix, so one round trip). */
    public static final String COMMAND = "{ sinfo -h -o '%R|%c|%m|%l'; echo " + SECTION
            + "; sacctmgr -nP show assoc where user=\"$USER\" format=Account,Partition,QOS; echo " + SECTION
            + "; sacctmgr -nP show qos format=Name,MaxWall; echo " + SECTION + "; scontrol show partition -o; }";

    final Set<String> partitions = new LinkedHashSet<>();
    String defaultPartition = "";
    final Map<String, int[]> nodeCpus = new LinkedHashMap<>();
    final Map<String, Long> nodeMemoryMb = new LinkedHashMap<>();
    final Set<String> accounts = new LinkedHashSet<>();
    final Set<String> userQos = new LinkedHashSet<>();
    final Map<String, Duration> qosMaxWall = new LinkedHashMap<>();
    final Map<String, List<String>> partitionQos = new LinkedHashMap<>();

    private ClusterFacts() {
    }

    public static ClusterFacts parse(String stdout) {
        ClusterFacts f = new ClusterFacts();
        String[] sections = (stdout == null ? "" : stdout).split("(?m)^" + Pattern.quote(SECTION) + "\\r?$", -1);
        if (sections.length > 0) {
            sections[0].lines().forEach(f::sinfo);
        }
        if (sections.length > 1) {
            sections[1].lines().forEach(f::assoc);
        }
        if (sections.length > 2) {
            sections[2].lines().forEach(f::qos);
        }
        if (sections.length > 3) {
            sections[3].lines().forEach(f::partition);
        }
        return f;
    }

    private void sinfo(String line) {
        String[] p = line.strip().split("\\|", -1);
        if (p.length < 4 || p[0].isEmpty()) {
            return;
        }
        String name = p[0].replace("*", "");
        partitions.add(name);
        try {
            int cpus = Integer.parseInt(p[1].replace("+", ""));
            long mem = Long.parseLong(p[2].replace("+", ""));
            nodeCpus.merge(name, new int[] { cpus }, (a, b) -> a[0] >= b[0] ? a : b);
            nodeMemoryMb.merge(name, mem, Math::max);
        } catch (NumberFormatException e) {
            // a size SLURM did not report as a number: no proposal for it
        }
    }

    private void assoc(String line) {
        String[] p = line.strip().split("\\|", -1);
        if (p.length < 3 || p[0].isEmpty()) {
            return;
        }
        accounts.add(p[0]);
        Arrays.stream(p[2].split(",")).map(String::strip).filter(q -> !q.isEmpty()).forEach(userQos::add);
    }

    private void qos(String line) {
        String[] p = line.strip().split("\\|", -1);
        if (p.length < 2 || p[0].isEmpty()) {
            return;
        }
        try {
            qosMaxWall.put(p[0], p[1].isBlank() ? null : SlurmValues.duration(p[1]));
        } catch (UnreadableValueException e) {
            qosMaxWall.put(p[0], null);
        }
    }

    private void partition(String line) {
        String name = null;
        List<String> allow = null;
        boolean isDefault = false;
        for (String token : line.strip().split("\\s+")) {
            int eq = token.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = token.substring(0, eq);
            String value = token.substring(eq + 1);
            switch (key) {
                case "PartitionName" -> name = value;
                case "AllowQos" -> allow = value.equals("ALL") ? null : List.of(value.split(","));
                case "Default" -> isDefault = value.equals("YES");
                default -> { }
            }
        }
        if (name != null) {
            if (allow != null) {
                partitionQos.put(name, allow);
            }
            if (isDefault) {
                defaultPartition = name;
            }
        }
    }

    /** The proposals: the default partition first, the user's QoS (all QoS when the associations name none). */
    public ClusterSurvey survey() {
        List<String> parts = new ArrayList<>(partitions);
        if (parts.remove(defaultPartition)) {
            parts.add(0, defaultPartition);
        }
        List<String> qos = new ArrayList<>(userQos.isEmpty() ? qosMaxWall.keySet() : userQos);
        Map<String, Duration> limits = new LinkedHashMap<>();
        qosMaxWall.forEach((q, max) -> {
            if (max != null && qos.contains(q)) {
                limits.put(q, max);
            }
        });
        String sized = parts.isEmpty() ? "" : parts.get(0);
        int cores = nodeCpus.containsKey(sized) ? nodeCpus.get(sized)[0] : 0;
        long mem = nodeMemoryMb.getOrDefault(sized, 0L);
        return new ClusterSurvey(parts, qos, new ArrayList<>(accounts), limits, partitionQos, cores, mem);
    }
}
