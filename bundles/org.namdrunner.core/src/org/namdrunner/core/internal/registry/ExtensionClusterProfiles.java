package org.namdrunner.core.internal.registry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.Status;
import org.namdrunner.core.cluster.BillingRule;
import org.namdrunner.core.cluster.ClusterLimits;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.ClusterProfileRegistry;
import org.namdrunner.core.cluster.GpuSetup;
import org.namdrunner.core.validation.InputRules;

/**
 * Reads the built-in profiles of {@code org.namdrunner.core.clusterProfiles}, with {@code {user}} replaced
 * by the given user name. Each contribution is checked like a person's input (ClusterProfile's own
 * checks); a broken one is reported with its plug-in's name and skipped.
 */
public final class ExtensionClusterProfiles implements ClusterProfileRegistry {

    public static final String POINT = "org.namdrunner.core.clusterProfiles";

    private final Map<String, ClusterProfile> profiles = new LinkedHashMap<>();
    private final MultiStatus problems = new MultiStatus("org.namdrunner.core", 0, "Some cluster profiles could not be loaded", null);

    public ExtensionClusterProfiles(IExtensionRegistry registry, String user) {
        String safeUser = InputRules.checkUserName("user", user);
        for (IConfigurationElement e : registry.getConfigurationElementsFor(POINT)) {
            if (!"profile".equals(e.getName())) {
                continue;
            }
            String contributor = e.getContributor().getName();
            try {
                ClusterProfile p = read(e, safeUser);
                if (profiles.containsKey(p.id())) {
                    problems.add(Status.error("Plug-in " + contributor + " registers the cluster profile id '" + p.id()
                            + "' that another plug-in already uses; ignored."));
                } else {
                    profiles.put(p.id(), p);
                }
            } catch (RuntimeException ex) {
                problems.add(Status.error("Plug-in " + contributor + " contributes the cluster profile '" + e.getAttribute("id")
                        + "', which is not valid: " + ex.getMessage(), ex));
            }
        }
        if (!problems.isOK()) {
            ILog.of(ExtensionClusterProfiles.class).log(problems);
        }
    }

    private static ClusterProfile read(IConfigurationElement e, String user) {
        return new ClusterProfile(e.getAttribute("id"), e.getAttribute("name"), e.getAttribute("host"),
                integer(e, "port", 22), user, ClusterProfile.AuthMethod.valueOf(e.getAttribute("authMethod")), "",
                text(e, "transferHost"), text(e, "commandPrefix"), names(e, "moduleLine", "line", user),
                names(e, "partition", "name", user), names(e, "qos", "name", user), names(e, "account", "name", user),
                text(e, "projectsRoot").replace("{user}", user), text(e, "scratchRoot").replace("{user}", user),
                integer(e, "coresPerNode", 1), integer(e, "memoryPerNodeMb", 1),
                Duration.ofHours(integer(e, "maxWalltimeHours", 24)), Duration.ofSeconds(integer(e, "pollIntervalSeconds", 60)),
                limits(e), Duration.ofMinutes(integer(e, "preemptionRequeueMinutes", 0)), gpu(e, user));
    }

    /** {@code <partition name="aa100" gpus="3"/>}, the profile's {@code gpuRequest} and its {@code gpuModuleLine}s. */
    private static GpuSetup gpu(IConfigurationElement e, String user) {
        Map<String, Integer> gpus = new LinkedHashMap<>();
        for (IConfigurationElement p : e.getChildren("partition")) {
            int n = integer(p, "gpus", 0);
            if (n > 0) {
                gpus.put(text(p, "name"), n);
            }
        }
        return new GpuSetup(gpus, GpuSetup.Request.of(text(e, "gpuRequest")), names(e, "gpuModuleLine", "line", user));
    }

    private static ClusterLimits limits(IConfigurationElement e) {
        Map<String, Duration> qos = new LinkedHashMap<>();
        for (IConfigurationElement q : e.getChildren("qos")) {
            String max = text(q, "maxWalltime");
            if (!max.isBlank()) {
                qos.put(text(q, "name"), ClusterLimits.walltime(max));
            }
        }
        Map<String, List<String>> partitions = new LinkedHashMap<>();
        for (IConfigurationElement p : e.getChildren("partition")) {
            String accepted = text(p, "qos");
            if (!accepted.isBlank()) {
                partitions.put(text(p, "name"), List.of(accepted.strip().split("\\s*,\\s*")));
            }
        }
        return new ClusterLimits(qos, partitions, billing(e));
    }

    private static BillingRule billing(IConfigurationElement e) {
        IConfigurationElement[] b = e.getChildren("billing");
        if (b.length == 0) {
            return BillingRule.NONE;
        }
        Map<String, Double> gpuRates = new LinkedHashMap<>();
        Map<String, Double> weights = new LinkedHashMap<>();
        for (IConfigurationElement p : e.getChildren("partition")) {
            if (!text(p, "suPerGpuHour").isBlank()) {
                gpuRates.put(text(p, "name"), number(p, "suPerGpuHour"));
            }
            if (!text(p, "billingWeight").isBlank()) {
                weights.put(text(p, "name"), number(p, "billingWeight"));
            }
        }
        return new BillingRule(number(b[0], "suPerCoreHour"), text(b[0], "suPerGpuHour").isBlank() ? 0 : number(b[0], "suPerGpuHour"),
                gpuRates, weights);
    }

    private static double number(IConfigurationElement e, String attribute) {
        String v = text(e, attribute).strip();
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("'" + attribute + "' must be a number, not '" + v + "'");
        }
    }

    private static String text(IConfigurationElement e, String attribute) {
        String v = e.getAttribute(attribute);
        return v == null ? "" : v;
    }

    private static int integer(IConfigurationElement e, String attribute, int defaultValue) {
        String v = e.getAttribute(attribute);
        if (v == null || v.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("'" + attribute + "' must be a whole number, not '" + v + "'");
        }
    }

    private static List<String> names(IConfigurationElement e, String child, String attribute, String user) {
        List<String> out = new ArrayList<>();
        for (IConfigurationElement c : e.getChildren(child)) {
            out.add(text(c, attribute).replace("{user}", user));
        }
        return out;
    }

    public IStatus problems() {
        return problems;
    }

    @Override
    public List<ClusterProfile> all() {
        return new ArrayList<>(profiles.values());
    }

    @Override
    public Optional<ClusterProfile> find(String id) {
        return Optional.ofNullable(profiles.get(id));
    }
}
