package org.namdrunner.core.cluster;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.SchedulerNames;

/**
 * A cluster's GPUs as data of its profile: which partitions have GPUs (and how many one node has), how the site
 * wants them requested, and the module lines a GPU job loads instead of the CPU ones (Alpine 2026: {@code aa100}
 * with 3 A100 per node, {@code --gres=gpu:N}, {@code module load gcc/14.2.0 namd/3.0.1_gpu}).
 *
 * @param gpusPerNode partition name → GPUs of one of its nodes, in the profile's order; a partition not named has none
 * @param request     how sbatch is asked for them
 * @param moduleLines what a GPU job runs before the program; empty to use the profile's own module lines
 */
public record GpuSetup(Map<String, Integer> gpusPerNode, Request request, List<String> moduleLines) {

    /** How a site wants GPUs requested. */
    public enum Request {
        /** {@code --gres=gpu:N}: N GPUs on each node (CURC's documented way). */
        GRES,
        /** {@code --gpus=N}: N GPUs for the whole job. */
        GPUS;

        /** {@code gres} or {@code gpus}, as in a profile file. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Request of(String word) {
            String w = word == null ? "" : word.strip();
            for (Request r : values()) {
                if (r.word().equalsIgnoreCase(w)) {
                    return r;
                }
            }
            if (w.isEmpty()) {
                return GRES;
            }
            throw new InvalidInputException("gpuRequest", "'" + w + "' is not a way to request GPUs; use gres (--gres=gpu:N) or gpus (--gpus=N).");
        }
    }

    /** No GPUs known: what profiles stored before GPUs existed load as. */
    public static final GpuSetup NONE = new GpuSetup(Map.of(), Request.GRES, List.of());

    public static final int MAX_GPUS_PER_NODE = 64;

    public GpuSetup {
        Map<String, Integer> g = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : (gpusPerNode == null ? Map.<String, Integer>of() : gpusPerNode).entrySet()) {
            String name = SchedulerNames.check("partition", e.getKey());
            Integer n = e.getValue();
            if (name.isEmpty()) {
                throw new InvalidInputException("gpus", "A GPU count has no partition name.");
            }
            if (n == null || n < 1 || n > MAX_GPUS_PER_NODE) {
                throw new InvalidInputException("gpus", "The partition '" + name + "' must have between 1 and " + MAX_GPUS_PER_NODE
                        + " GPUs per node, not " + n + ".");
            }
            g.put(name, n);
        }
        gpusPerNode = Collections.unmodifiableMap(g);
        request = request == null ? Request.GRES : request;
        moduleLines = List.copyOf(moduleLines == null ? List.of() : moduleLines);
        for (String line : moduleLines) {
            if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0 || line.indexOf('\0') >= 0) {
                throw new InvalidInputException("gpuModuleLines", "Each GPU module line must be a single line.");
            }
        }
    }

    /** {@code aa100=3, al40=3}: the GPU partitions as a person types them. */
    public String partitionsText() {
        StringBuilder b = new StringBuilder();
        gpusPerNode.forEach((name, n) -> b.append(b.isEmpty() ? "" : ", ").append(name).append('=').append(n));
        return b.toString();
    }

    /** {@code aa100: 3, al40: 3}, for sentences. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        gpusPerNode.forEach((name, n) -> b.append(b.isEmpty() ? "" : ", ").append(name).append(": ").append(n));
        return b.toString();
    }

    /** Reads {@code aa100=3, al40=3} (commas or spaces between entries); names the entry that is not {@code partition=GPUs}. */
    public static Map<String, Integer> parsePartitions(String text) {
        Map<String, Integer> out = new LinkedHashMap<>();
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return out;
        }
        for (String entry : t.split("[,\\s]+")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([^=]+)=(\\d{1,3})").matcher(entry);
            if (!m.matches()) {
                throw new InvalidInputException("gpus", "'" + org.namdrunner.core.validation.InputRules.printable(entry)
                        + "' is not a GPU partition like aa100=3 (partition name = GPUs per node).");
            }
            if (out.put(SchedulerNames.check("partition", m.group(1)), Integer.parseInt(m.group(2))) != null) {
                throw new InvalidInputException("gpus", "The GPU partition '" + m.group(1) + "' is named twice.");
            }
        }
        return out;
    }

    /** GPUs of one node of the partition; 0 when it has none (or the profile does not say). */
    public int gpusOn(String partition) {
        return gpusPerNode.getOrDefault(partition == null ? "" : partition, 0);
    }

    public boolean hasGpus(String partition) {
        return gpusOn(partition) > 0;
    }

    public boolean isEmpty() {
        return gpusPerNode.isEmpty() && moduleLines.isEmpty() && request == Request.GRES;
    }

    /** The sbatch option for {@code gpus} GPUs on one node, e.g. {@code gres=gpu:2} or {@code gpus=2} (without "--"). */
    public String option(int gpus) {
        return request == Request.GPUS ? "gpus=" + gpus : "gres=gpu:" + gpus;
    }
}
