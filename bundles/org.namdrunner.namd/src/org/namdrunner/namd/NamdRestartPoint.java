package org.namdrunner.namd;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.namdrunner.core.model.InvalidInputException;

/**
 * Where a stopped NAMD run can go on from: the last step whose restart files were completely written, from the log
 * ({@code WRITING VELOCITIES TO RESTART FILE AT STEP N} followed by {@code FINISHED WRITING RESTART VELOCITIES}),
 * cross-checked against the step in the {@code .restart.xsc} file.
 * <p>
 * NAMD writes a restart set as {@code .xsc}, then {@code .coor}, then {@code .vel}, and renames each existing file to
 * {@code <name>.old} just before it writes the new one (Output.C, {@code NAMD_backup_file}). A job stopped in the middle
 * (SLURM's time limit) leaves a {@code .xsc} of the new step and the previous complete set spread over the current and
 * {@code .old} files: {@link #choose} finds it by their modification times.
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

    /** The suffix NAMD gives the restart file it replaces. */
    public static final String OLD = ".old";

    /**
     * A complete restart set: its step and, for each restart file that is taken from its {@value #OLD} copy, that copy's
     * name (none: the current files are the set).
     */
    public record RestartSet(long step, Map<String, String> sources) {
        public RestartSet {
            sources = Map.copyOf(sources);
        }

        public boolean fromOldCopies() {
            return !sources.isEmpty();
        }
    }

    /**
     * The restart set to continue from. When the log and the {@code .xsc} agree, the current files. When the {@code .xsc}
     * is newer than the last set the log says was finished, the job was stopped while writing: the {@code .xsc.old}
     * must be of the log's step, and each of {@code .coor} and {@code .vel} is the one of its two copies written after
     * that {@code .xsc.old} and before the new {@code .xsc} (exactly one of them must be, or the set is refused).
     *
     * @param files  the three restart file names, {@code .coor}, {@code .vel}, {@code .xsc}
     * @param xsc    the text of the {@code .xsc} (null: not read, the log alone decides; or not there, when it was
     *               renamed to {@code .old} and the job stopped before the new one was written)
     * @param xscOld the text of the {@code .xsc.old}, or null when there is none
     * @param outputs the output files with their modification times
     */
    public static RestartSet choose(String log, List<String> files, String xsc, String xscOld, Map<String, Instant> outputs, String jobName) {
        long fromLog = lastCompleteRestart(log);
        if (fromLog < 0) {
            throw noRestart(jobName);
        }
        String xscName = files.get(2);
        boolean renamedOnly = !outputs.containsKey(xscName);   // stopped between renaming the .xsc and writing the new one
        long fromXsc = xscStep(xsc);
        if (!renamedOnly && (xsc == null || fromXsc == fromLog)) {
            return new RestartSet(fromLog, Map.of());
        }
        Instant cut = renamedOnly ? Instant.MAX : outputs.get(xscName);
        Instant before = outputs.get(xscName + OLD);
        if (xscOld != null && xscStep(xscOld) == fromLog && before != null && before.isBefore(cut)) {
            Optional<Map<String, String>> sources = oldSetWrittenBetween(files, outputs, before, cut);
            if (sources.isPresent()) {
                return new RestartSet(fromLog, sources.get());
            }
        }
        throw new InvalidInputException("restart", "The restart files of job " + jobName + " are from different steps (log: "
                + fromLog + ", .restart.xsc: " + fromXsc + "); it was stopped while writing them, and the .old copies NAMD keeps "
                + "do not make a complete set of step " + fromLog + " either. Continuing from them would mix two states.");
    }

    /** The {@code .xsc.old} with the one copy of {@code .coor} and of {@code .vel} written in [{@code from}, {@code until}). */
    private static Optional<Map<String, String>> oldSetWrittenBetween(List<String> files, Map<String, Instant> outputs, Instant from,
            Instant until) {
        Map<String, String> sources = new LinkedHashMap<>(Map.of(files.get(2), files.get(2) + OLD));
        for (String f : files.subList(0, 2)) {
            String chosen = writtenBetween(f, outputs, from, until);
            if (chosen == null) {
                return Optional.empty();
            }
            if (!chosen.equals(f)) {
                sources.put(f, chosen);
            }
        }
        return Optional.of(sources);
    }

    /** Which of {@code name} and {@code name.old} was written in [{@code from}, {@code until}); null unless exactly one. */
    private static String writtenBetween(String name, Map<String, Instant> outputs, Instant from, Instant until) {
        String found = null;
        for (String candidate : List.of(name, name + OLD)) {
            Instant t = outputs.get(candidate);
            if (t != null && !t.isBefore(from) && t.isBefore(until)) {
                if (found != null) {
                    return null;
                }
                found = candidate;
            }
        }
        return found;
    }

    private static InvalidInputException noRestart(String jobName) {
        return new InvalidInputException("restart", "The log of job " + jobName + " shows no completely written restart files; "
                + "it stopped before its first restart (restartfreq). Submit it again with more walltime.");
    }
}
