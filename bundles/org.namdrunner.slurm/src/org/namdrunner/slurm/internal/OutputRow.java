package org.namdrunner.slurm.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.namdrunner.core.model.JobStatus;
import org.namdrunner.slurm.SlurmState;

/**
 * One line of squeue or sacct output being read. A field that cannot be read becomes {@code null} and a
 * problem naming the command, the line and the field.
 */
final class OutputRow {

    /**
     * Raw states already read, with what they mean: a poll prints the same few states a thousand times, and
     * reading one takes two regular expressions. Bounded; only texts that had the shape of a state are kept.
     */
    private static final Map<String, Optional<SlurmState>> SHAPED_STATES = new ConcurrentHashMap<>();
    private static final int MAX_SHAPED_STATES = 1024;

    private final String command;
    private final int lineNumber;
    private final String text;
    private final List<String> problems;

    OutputRow(String command, int lineNumber, String text, List<String> problems) {
        this.command = command;
        this.lineNumber = lineNumber;
        this.text = text;
        this.problems = problems;
    }

    /** The lines of a command's output; Windows line ends tolerated. Blank lines are kept (and skipped by callers). */
    static String[] linesOf(String output) {
        if (output == null) {
            return new String[0];
        }
        List<String> lines = new ArrayList<>();   // what split("\r?\n|\r", -1) gives, without a regular expression
        int start = 0;
        int n = output.length();
        for (int i = 0; i < n; i++) {
            char c = output.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(output.substring(start, i));
                if (c == '\r' && i + 1 < n && output.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        lines.add(output.substring(start));
        return lines.toArray(new String[0]);
    }

    String text() {
        return text;
    }

    /**
     * The status for the row's state field, or null (row rejected) when the field does not look like a SLURM
     * state at all. A well-formed state NAMDRunner does not know becomes UNKNOWN with a note.
     */
    JobStatus statusOrReject(String slurmId, String rawState) {
        Optional<SlurmState> state = SHAPED_STATES.get(rawState);
        if (state == null) {
            if (!SlurmState.hasStateShape(rawState)) {
                reject("'" + SlurmValues.shortened(rawState) + "' is not a SLURM state");
                return null;
            }
            state = SlurmState.parse(rawState);
            if (SHAPED_STATES.size() < MAX_SHAPED_STATES) {
                SHAPED_STATES.put(rawState, state);
            }
        }
        if (state.isEmpty()) {
            note("job " + slurmId + " is in the state '" + rawState.strip()
                    + "', which NAMDRunner does not know; it is shown as Unknown");
        }
        return state.map(SlurmState::status).orElse(JobStatus.UNKNOWN);
    }

    /** Notes something about a row that is still used. */
    void note(String what) {
        problems.add(command + " line " + lineNumber + ": " + what + ".");
    }

    /** Notes why a row is not used, quoting it. */
    void reject(String why) {
        problems.add(command + " line " + lineNumber + " was skipped: " + why + ": '" + SlurmValues.shortened(text) + "'.");
    }

    Instant instant(String field, String value, ZoneId zone) {
        try {
            return SlurmValues.instant(value, zone);
        } catch (UnreadableValueException e) {
            note(field + " " + e.getMessage());
            return null;
        }
    }

    Duration duration(String field, String value) {
        try {
            return SlurmValues.duration(value);
        } catch (UnreadableValueException e) {
            note(field + " " + e.getMessage());
            return null;
        }
    }

    Integer count(String field, String value) {
        try {
            return SlurmValues.count(value);
        } catch (UnreadableValueException e) {
            note(field + " " + e.getMessage());
            return null;
        }
    }

    String exitCode(String value) {
        try {
            return SlurmValues.exitCode(value);
        } catch (UnreadableValueException e) {
            note("exit code " + e.getMessage());
            return null;
        }
    }
}
