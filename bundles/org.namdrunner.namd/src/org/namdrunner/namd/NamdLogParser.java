package org.namdrunner.namd;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.namdrunner.core.jobtype.JobType.LogSummary;

/**
 * Reads a NAMD log (or its tail): progress from {@code TCL: Running for N steps} /
 * {@code TCL: Minimizing for N steps} and {@code TIMING:} lines, speed from {@code Info: Benchmark time:},
 * the failure cause from the first {@code FATAL ERROR:} (else {@code ERROR:}) line. Never throws.
 */
public final class NamdLogParser {

    private static final Pattern STEPS = Pattern.compile("^TCL: (?:Running|Minimizing) for (\\d+) steps");
    private static final Pattern TIMING = Pattern.compile("^TIMING: (\\d+)\\s.*?([0-9.eE+-]+) hours remaining");
    private static final Pattern BENCHMARK = Pattern.compile("^Info: Benchmark time: .*?([0-9.eE+-]+) days/ns");
    private static final Pattern FIRST_STEP = Pattern.compile("^Info: FIRST TIMESTEP\\s+(\\d+)");

    private NamdLogParser() {
    }

    public static LogSummary parse(String log) {
        if (log == null || log.isEmpty()) {
            return LogSummary.empty();
        }
        long total = 0;
        long first = 0;
        long step = 0;
        double hoursLeft = -1;
        double daysPerNs = 0;
        String fatal = null;
        String error = null;
        for (String line : log.split("\\R")) {
            try {
                Matcher m;
                if ((m = STEPS.matcher(line)).find()) {
                    total += Long.parseLong(m.group(1));
                } else if ((m = TIMING.matcher(line)).find()) {
                    step = Long.parseLong(m.group(1));
                    hoursLeft = Double.parseDouble(m.group(2));
                } else if ((m = BENCHMARK.matcher(line)).find()) {
                    daysPerNs = Double.parseDouble(m.group(1));
                } else if ((m = FIRST_STEP.matcher(line)).find()) {
                    first = Long.parseLong(m.group(1));
                } else if (fatal == null && line.startsWith("FATAL ERROR:")) {
                    fatal = line.strip();
                } else if (error == null && line.startsWith("ERROR:")) {
                    error = line.strip();
                }
            } catch (NumberFormatException e) {
                // a garbled number on one line: skip the line, keep reading
            }
        }
        if (log.contains("End of program") && total > 0) {
            step = first + total;
        }
        double nsPerDay = daysPerNs > 0 ? 1.0 / daysPerNs : 0;
        String eta = hoursLeft < 0 ? "" : formatHours(hoursLeft);
        String cause = fatal != null ? fatal : error != null ? error : "";
        return new LogSummary(Math.max(0, step - first), total, nsPerDay, eta, cause);
    }

    private static String formatHours(double hours) {
        long minutes = Math.round(hours * 60);
        return minutes >= 60 ? (minutes / 60) + " h " + (minutes % 60) + " min" : minutes + " min";
    }
}
