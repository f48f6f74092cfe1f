package org.namdrunner.namd;

import java.util.LinkedHashMap;
import java.util.Map;

import org.namdrunner.core.jobtype.ReplicableJobType;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.validation.InputRules;

/**
 * A replica's random seed in its NAMD config. NAMD seeds its random numbers (initial velocities from
 * {@code temperature}, the Langevin thermostat and piston) from the clock unless the config sets {@code seed}; replicas
 * started in the same second would then share a seed and run the same trajectory. Each replica's config therefore gets
 * its own {@code seed} before the first {@code minimize} or {@code run}, where NAMD reads it; a {@code seed} the
 * config sets itself is replaced, and says so.
 */
public final class NamdSeed {

    /** Parameter: this job's seed; absent, the config is left as it is. */
    public static final String SEED = "seed";

    private NamdSeed() {
    }

    /** The set's parameters as replica {@code index}'s: without the set's own parameters, with its seed. */
    static Map<String, String> replica(Map<String, String> parameters, long seed) {
        Map<String, String> p = new LinkedHashMap<>(parameters);
        p.remove(ReplicableJobType.REPLICAS);
        p.remove(ReplicableJobType.FIRST_SEED);
        p.put(SEED, Long.toString(seed));
        return p;
    }

    /** Refuses a seed that is not a whole number from 1 to {@link ReplicableJobType#MAX_SEED}. */
    static void validate(Map<String, String> parameters) {
        for (String key : new String[] { SEED, ReplicableJobType.FIRST_SEED }) {
            String raw = parameters.get(key);
            if (raw != null && !(key.equals(ReplicableJobType.FIRST_SEED) && raw.isBlank())) {
                seed(key, raw);
            }
        }
    }

    static long seed(String key, String raw) {
        try {
            long n = Long.parseLong(raw.strip());
            if (n >= 1 && n <= ReplicableJobType.MAX_SEED) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new InvalidInputException(key, "A seed is a whole number from 1 to " + ReplicableJobType.MAX_SEED + ", not '"
                + InputRules.printable(raw) + "'.");
    }

    /** The config with {@code seed <seed>} where NAMD reads it. */
    public static String config(String config, long seed) {
        String[] lines = config.split("\\R", -1);
        StringBuilder out = new StringBuilder();
        boolean placed = false;
        for (int i = 0; i < lines.length; i++) {
            String keyword = NamdGpuRun.keyword(lines[i]);
            if (keyword.equals("seed")) {
                out.append("# NAMDRunner: this replica's own seed replaces the config's: ").append(lines[i].strip()).append('\n');
                lines[i] = "seed               " + seed;
                placed = true;
            } else if (!placed && (keyword.equals("run") || keyword.equals("minimize"))) {
                out.append("# NAMDRunner: this replica's own random seed\nseed               ").append(seed).append('\n');
                placed = true;
            }
            out.append(lines[i]);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        if (!placed) {
            out.append(config.endsWith("\n") ? "" : "\n").append("seed               ").append(seed).append('\n');
        }
        return out.toString();
    }
}
