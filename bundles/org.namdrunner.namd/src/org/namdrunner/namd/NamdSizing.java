package org.namdrunner.namd;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Walltime from evidence: the steps of a rendered config and its {@code timestep} (fs; NAMD's default 1) at a measured
 * speed in ns/day give the run time (the walltime to ask for adds a margin: {@code JobType.walltimeWithMargin}).
 * Minimization steps are counted as dynamics steps (they cost about as much per step).
 */
public final class NamdSizing {

    private NamdSizing() {
    }

    /** The run time of every step of the config at {@code nsPerDay}; empty without steps or speed. */
    public static Optional<Duration> runTime(String config, double nsPerDay) {
        NamdConfigSteps plan = NamdConfigSteps.of(config);
        return runTime(plan.minimizeSteps() + plan.runSteps(), timestepFs(config), nsPerDay);
    }

    /** The run time of {@code steps} steps of {@code timestepFs} at {@code nsPerDay}. */
    public static Optional<Duration> runTime(long steps, double timestepFs, double nsPerDay) {
        if (steps <= 0 || !(nsPerDay > 0) || !(timestepFs > 0) || Double.isInfinite(nsPerDay)) {
            return Optional.empty();
        }
        double ns = steps * timestepFs * 1e-6;
        return Optional.of(Duration.ofSeconds(Math.max(1, Math.round(ns / nsPerDay * 86_400))));
    }

    /** The config's {@code timestep} in fs; 1 (NAMD's default) when it sets none. */
    static double timestepFs(String config) {
        double ts = 1;
        for (String line : config.split("\\R")) {
            int hash = line.indexOf('#');
            String[] w = (hash >= 0 ? line.substring(0, hash) : line).strip().split("\\s+");
            if (w.length >= 2 && w[0].toLowerCase(Locale.ROOT).equals("timestep")) {
                try {
                    ts = Double.parseDouble(w[1]);
                } catch (NumberFormatException e) {
                    // a Tcl variable ($ts): keep the default
                }
            }
        }
        return ts;
    }
}
