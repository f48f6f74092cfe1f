package org.namdrunner.namd;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.namdrunner.core.model.InvalidInputException;

/**
 * Where a stopped NAMD run can go on from: the last step whose restart files were completely written, from the log
 * ({@code WRITING VELOCITIES TO RESTART FILE AT STEP N} followed by {@code FINISHED WRITING RESTART VELOCITIES}),
 * cross-checked against the step in the {@code .restart.xsc} file.
 */
public final class NamdRestartPoint {

    private static final Pattern VELOCITIES = Pattern.compile("^WRITING VELOCITIES TO RESTART FILE AT STEP (\\d+)");

    private NamdRestartPoint() {
    }

    /** The last step with a complete set of restart files in the log, or -1 when there is none. */
    public static long lastCompleteRestart(String log) {
        long pending = -1;
        long complete = -1;
        if (log == null) {
            return -1;
        }
        for (String line : log.split("\\R")) {
            Matcher m = VELOCITIES.matcher(line);
            if (m.find()) {
                try {
                    pending = Long.parseLong(m.group(1));
                } catch (NumberFormatException e) {
                    pending = -1;
                }
            } else if (line.startsWith("FINISHED WRITING RESTART VELOCITIES") && pending >= 0) {
                complete = pending;
                pending = -1;
            }
        }
        return complete;
    }

    /** The step in an extended-system (.xsc) file: the first number of its first data line; -1 if unreadable. */
    public static long xscStep(String xsc) {
        if (xsc == null) {
            return -1;
        }
        for (String line : xsc.split("\\R")) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            try {
                return Long.parseLong(s.split("\\s+")[0]);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    /** The restart step both the log and the xsc agree on; refuses with the reason otherwise. */
    public static long agreedStep(String log, String xsc, String jobName) {
        long fromLog = lastCompleteRestart(log);
        if (fromLog < 0) {
            throw new InvalidInputException("restart", "The log of job " + jobName + " shows no completely written restart files; "
                    + "it stopped before its first restart (restartfreq). Submit it again with more walltime.");
        }
        long fromXsc = xscStep(xsc);
        if (xsc != null && fromXsc != fromLog) {
            throw new InvalidInputException("restart", "The restart files of job " + jobName + " are from different steps (log: "
                    + fromLog + ", .restart.xsc: " + fromXsc + "); it was stopped while writing them. Continuing from them "
                    + "would mix two states.");
        }
        return fromLog;
    }
}
