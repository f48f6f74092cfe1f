package org.namdrunner.namd;

import java.util.Locale;
import java.util.Set;

/**
 * Turns a rendered config into the config of its continuation: the lines that start a run from scratch
 * ({@code temperature}, {@code reinitvels}, {@code minimize}, {@code run}, {@code numsteps}, {@code firsttimestep},
 * the periodic cell, old restart inputs) are commented out, and the restart inputs, {@code firsttimestep} and
 * {@code run <remaining>} are appended. Velocities come from the restart file, so no {@code temperature} is set
 * (NAMD refuses both).
 */
public final class NamdContinuationConfig {

    private static final Set<String> DROPPED = Set.of("temperature", "reinitvels", "minimize", "run", "numsteps", "firsttimestep",
            "bincoordinates", "binvelocities", "extendedsystem", "cellbasisvector1", "cellbasisvector2", "cellbasisvector3",
            "cellorigin");

    private NamdContinuationConfig() {
    }

    /**
     * @param restartBase the restart files' path without extension, relative to the config (e.g.
     *                    {@code input_files/out.restart})
     */
    public static String apply(String config, String restartBase, long firstStep, long steps, String fromJob) {
        return apply(config, restartBase, firstStep, steps, fromJob, true);
    }

    /**
     * The same; {@code restartVelocities} false keeps the config's own {@code temperature} (new velocities, e.g. for the
     * first dynamics after a minimization, whose velocities mean nothing) and reads no {@code .vel} file.
     */
    public static String apply(String config, String restartBase, long firstStep, long steps, String fromJob, boolean restartVelocities) {
        StringBuilder out = new StringBuilder();
        for (String line : config.split("\\R", -1)) {
            String[] w = line.strip().split("\\s+", 2);
            String key = w[0].toLowerCase(Locale.ROOT);
            boolean keep = !restartVelocities && key.equals("temperature");
            if (!w[0].isEmpty() && DROPPED.contains(key) && !keep) {
                out.append("# (continuation) ").append(line).append('\n');
            } else {
                out.append(line).append('\n');
            }
        }
        while (out.length() > 1 && out.charAt(out.length() - 1) == '\n' && out.charAt(out.length() - 2) == '\n') {
            out.setLength(out.length() - 1);
        }
        out.append("# continuation of job ").append(fromJob).append(" from its restart files at step ").append(firstStep).append('\n');
        out.append("bincoordinates     ").append(restartBase).append(".coor\n");
        if (restartVelocities) {
            out.append("binvelocities      ").append(restartBase).append(".vel\n");
        }
        out.append("extendedSystem     ").append(restartBase).append(".xsc\n");
        out.append("firsttimestep      ").append(firstStep).append('\n');
        out.append("run                ").append(steps).append('\n');
        return out.toString();
    }
}
