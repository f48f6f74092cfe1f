package org.namdrunner.namd;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The step plan of a rendered NAMD config: {@code firsttimestep}, the {@code minimize N} / {@code run N} commands
 * in order (or {@code numsteps} when there are none), {@code outputName} and {@code restartname}. Reads the plain
 * keyword-value lines NAMDRunner's templates write; Tcl control flow is not interpreted.
 */
public record NamdConfigSteps(long firstStep, long minimizeSteps, long runSteps, String outputName, String restartName) {

    /** The step the run ends at. */
    public long lastStep() {
        return firstStep + minimizeSteps + runSteps;
    }

    /** The step at which minimization ends (when the config minimizes first, as the templates do). */
    public long minimizationEnd() {
        return firstStep + minimizeSteps;
    }

    public static NamdConfigSteps of(String config) {
        long first = 0;
        long minimize = 0;
        long run = 0;
        long numsteps = -1;
        String out = "";
        String restart = "";
        for (String line : config.split("\\R")) {
            int hash = line.indexOf('#');
            String s = (hash >= 0 ? line.substring(0, hash) : line).strip();
            for (String part : s.split(";")) {
                String[] w = part.strip().split("\\s+", 2);
                if (w.length < 2) {
                    continue;
                }
                String key = w[0].toLowerCase(Locale.ROOT);
                String value = w[1].strip();
                try {
                    switch (key) {
                        case "firsttimestep" -> first = Long.parseLong(value);
                        case "minimize" -> minimize += Long.parseLong(value);
                        case "run" -> run += Long.parseLong(value);
                        case "numsteps" -> numsteps = Long.parseLong(value);
                        case "outputname" -> out = value;
                        case "restartname" -> restart = value;
                        default -> { }
                    }
                } catch (NumberFormatException e) {
                    // a Tcl expression instead of a number: not counted
                }
            }
        }
        if (minimize == 0 && run == 0 && numsteps > 0) {
            run = numsteps;
        }
        return new NamdConfigSteps(first, minimize, run, out, restart.isEmpty() ? out + ".restart" : restart);
    }

    /** The config's {@code timestep} in fs (NAMD's default 1 when it names none or an expression). */
    public static double timestepFs(String config) {
        double ts = 1;
        for (String line : config.split("\\R")) {
            int hash = line.indexOf('#');
            String[] w = (hash >= 0 ? line.substring(0, hash) : line).strip().split("\\s+", 2);
            if (w.length == 2 && w[0].equalsIgnoreCase("timestep")) {
                try {
                    ts = Double.parseDouble(w[1].strip());
                } catch (NumberFormatException e) {
                    // a Tcl expression: the default
                }
            }
        }
        return ts > 0 ? ts : 1;
    }

    /** The final output files a finished run leaves: {@code <outputName>.coor}, {@code .vel}, {@code .xsc}. */
    public List<String> outputFiles() {
        return List.of(outputName + ".coor", outputName + ".vel", outputName + ".xsc");
    }

    /** Names of the three restart files, e.g. {@code out.restart.coor}, {@code .vel}, {@code .xsc}. */
    public List<String> restartFiles() {
        List<String> names = new ArrayList<>();
        for (String ext : List.of(".coor", ".vel", ".xsc")) {
            names.add(restartName + ext);
        }
        return names;
    }
}
