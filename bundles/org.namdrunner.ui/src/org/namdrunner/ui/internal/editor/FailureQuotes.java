package org.namdrunner.ui.internal.editor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The lines of a job's SLURM output ({@code .err}, {@code .out}) that say why it failed: SLURM's own
 * ({@code slurmstepd: error: *** JOB 12 ON node CANCELLED AT ... DUE TO TIME LIMIT ***}, {@code oom-kill}), NAMD's
 * {@code FATAL ERROR}, and error lines of the shell, MPI and the loader. When no line matches, the last lines of the
 * {@code .err} are the quote, since that is where a program says what went wrong.
 */
final class FailureQuotes {

    static final int MAX_LINES = 6;
    private static final int MAX_LINE_LENGTH = 300;
    private static final String[] MARKERS = { "slurmstepd: error", "due to time limit", "oom-kill", "out of memory", "oom killer",
            "fatal error", "error:", "segmentation fault", "bus error", "core dumped", "aborted", "killed", "command not found",
            "no such file or directory", "permission denied", "cannot open", "exceeded" };

    /** One quoted line with the file it came from. */
    record Quote(String file, String line) {
        @Override
        public String toString() {
            return file + ": " + line;
        }
    }

    private FailureQuotes() {
    }

    /** Whether a line holds a cause. */
    static boolean isCause(String line) {
        String l = line.toLowerCase(Locale.ROOT);
        for (String m : MARKERS) {
            if (l.contains(m)) {
                return true;
            }
        }
        return false;
    }

    /** One file's end as read: its name and text (empty when the file is missing). */
    record Source(String name, String text) {
    }

    /**
     * The cause lines of the files' ends, in order (SLURM's .err, its .out, then the program's own log), the last
     * {@link #MAX_LINES} of them; when no line of any says why, the last lines of the first file (the .err).
     */
    static List<Quote> of(List<Source> sources) {
        List<Quote> found = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Source s : sources) {
            collect(s.name(), s.text(), found, seen);
        }
        if (found.isEmpty() && !sources.isEmpty()) {
            List<String> last = lines(sources.get(0).text());
            for (String l : last.subList(Math.max(0, last.size() - 3), last.size())) {
                found.add(new Quote(sources.get(0).name(), shorten(l)));
            }
            return found;
        }
        return found.size() <= MAX_LINES ? found : found.subList(found.size() - MAX_LINES, found.size());
    }

    static List<Quote> of(String errName, String err, String outName, String out) {
        return of(List.of(new Source(errName, err), new Source(outName, out)));
    }

    private static void collect(String name, String text, List<Quote> found, Set<String> seen) {
        for (String l : lines(text)) {
            if (isCause(l) && seen.add(l.strip())) {
                found.add(new Quote(name, shorten(l)));
            }
        }
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String l : text.split("\\r?\\n")) {
            if (!l.isBlank()) {
                out.add(l.strip());
            }
        }
        return out;
    }

    private static String shorten(String l) {
        return l.length() <= MAX_LINE_LENGTH ? l : l.substring(0, MAX_LINE_LENGTH) + "…";
    }
}
