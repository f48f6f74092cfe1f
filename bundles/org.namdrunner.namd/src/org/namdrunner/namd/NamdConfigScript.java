package org.namdrunner.namd;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a NAMD config as NAMD's Tcl interpreter would, far enough to find every file it reads and every name it writes
 * to: commands split at line ends and {@code ;} (not inside braces or quotes), {@code #} comments, {@code set} variables
 * with {@code $name}/{@code ${name}} substitution, {@code if}/{@code elseif}/{@code else} whose condition is a literal
 * ({@code 0}, {@code 1}, {@code yes}, {@code off}, or a variable holding one), and {@code source} (the sourced file's
 * {@code set}s and references count, read through the given reader). What it cannot decide (a path from
 * {@code [expr ...]}, {@code $env(...)}, an unset variable, a reference inside a {@code proc} or loop body) is reported
 * with its line, never guessed. No I/O of its own.
 */
public final class NamdConfigScript {

    /** What a reference is for. */
    public enum Use {
        /** a file NAMD reads */
        INPUT,
        /** a Tcl file the config sources (also read) */
        SOURCE,
        /** a name NAMD writes to (outputName, restartname, dcdfile, …) */
        OUTPUT
    }

    /**
     * One file reference: the file ({@code origin}, null for the config itself) and line it is on, its keyword as
     * written, the value's span in that file's text, the path after substitution (null with {@code why} when it
     * cannot be resolved), and whether it sits in a branch whose condition could not be decided.
     */
    public record Reference(String origin, int line, String keyword, Use use, String path, String why, int start, int end,
            boolean conditional) {

        public boolean resolved() {
            return path != null;
        }

        /** "line 12" or "vars.str line 3". */
        public String where() {
            return (origin == null ? "" : origin + " ") + "line " + line;
        }
    }

    /** The references in the order NAMD meets them, and what could not be read (unbalanced braces, cwd, …). */
    public record Result(List<Reference> references, List<String> problems) {
    }

    /** Keywords whose value is a file NAMD reads (lower case). */
    public static final Set<String> INPUT_KEYWORDS = Set.of("structure", "coordinates", "velocities", "bincoordinates",
            "binvelocities", "extendedsystem", "parameters", "consref", "conskfile", "consforcefile", "fixedatomsfile",
            "extrabondsfile", "colvarsconfig", "tclforcesscript", "tclbcscript", "smdfile", "tmdfile", "alchfile",
            "gridforcefile", "gridforcepotfile", "parmfile", "ambercoor", "grotopfile", "grocoorfile", "symmetryfile",
            "symmetrymatrixfile", "movingconsref", "selectconstraintsfile");
    /** Keywords whose value names a file NAMD writes (lower case). */
    public static final Set<String> OUTPUT_KEYWORDS = Set.of("outputname", "restartname", "dcdfile", "veldcdfile",
            "forcedcdfile", "xstfile");
    private static final Set<String> BLIND_BLOCKS = Set.of("proc", "foreach", "for", "while", "switch", "catch", "eval",
            "namespace", "uplevel");
    private static final int MAX_SOURCE_DEPTH = 8;

    private record Word(String text, char kind, int start, int end) {
    }

    private record Command(List<Word> words, int start) {
    }

    private enum Mode { LIVE, UNSURE, BLIND }

    private final Function<String, Optional<String>> sources;
    private final List<Reference> references = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    /** variable → value; a variable whose value is unknown maps to null (with the reason in {@link #unknownWhy}). */
    private final Map<String, String> vars = new HashMap<>();
    private final Map<String, String> unknownWhy = new HashMap<>();
    private final Map<String, int[]> lineStarts = new java.util.IdentityHashMap<>();

    private NamdConfigScript(Function<String, Optional<String>> sources) {
        this.sources = sources;
    }

    /**
     * Reads a config. {@code sources} gives the text of a file a {@code source} line names (the path as resolved, relative
     * to the config's folder), or empty when it cannot be read; pass {@code p -> Optional.empty()} to follow none.
     */
    public static Result read(String config, Function<String, Optional<String>> sources) {
        NamdConfigScript s = new NamdConfigScript(sources);
        s.run(null, config, 0, config.length(), Mode.LIVE, 0);
        return new Result(List.copyOf(s.references), List.copyOf(s.problems));
    }

    private void run(String origin, String text, int from, int to, Mode mode, int depth) {
        List<Command> commands;
        try {
            commands = parse(text, from, to);
        } catch (IllegalArgumentException e) {
            problems.add((origin == null ? "" : origin + ": ") + e.getMessage());
            return;
        }
        for (Command c : commands) {
            execute(origin, text, c, mode, depth);
        }
    }

    private void execute(String origin, String text, Command c, Mode mode, int depth) {
        List<Word> w = c.words();
        String name = w.get(0).text().toLowerCase(Locale.ROOT);
        int line = line(text, c.start());
        if (name.equals("set") && w.size() >= 3) {
            String var = w.get(1).text();
            if (mode == Mode.BLIND) {
                vars.put(var, null);
                unknownWhy.put(var, "it is set inside a block NAMDRunner does not run (line " + line + ")");
                return;
            }
            Subst v = subst(w.get(2));
            vars.put(var, v.value());
            if (v.value() == null) {
                unknownWhy.put(var, v.why());
            }
            return;
        }
        if (name.equals("if")) {
            runIf(origin, text, w, mode, depth);
            return;
        }
        if (BLIND_BLOCKS.contains(name)) {
            for (Word b : w.subList(1, w.size())) {
                if (b.kind() == '{') {
                    run(origin, text, b.start() + 1, b.end() - 1, Mode.BLIND, depth);
                }
            }
            return;
        }
        if (name.equals("cwd")) {
            problems.add(where(origin, text, c.start()) + "'cwd' changes the folder NAMD reads and writes in; the job runs in its "
                    + "own folder on the cluster, so remove the line.");
            return;
        }
        Use use = name.equals("source") ? Use.SOURCE : INPUT_KEYWORDS.contains(name) ? Use.INPUT
                : OUTPUT_KEYWORDS.contains(name) ? Use.OUTPUT : null;
        if (use == null) {
            return;
        }
        int at = w.size() > 2 && w.get(1).text().equals("=") ? 2 : 1;
        if (w.size() <= at) {
            return;
        }
        Word value = w.get(at);
        if (name.equals("tclforcesscript") && (value.kind() == '{' || value.text().contains("\n"))) {
            return; // an inline Tcl-forces script, not a file
        }
        Subst v = mode == Mode.BLIND ? new Subst(null, "it is inside a proc, loop or similar block, which NAMDRunner does not follow")
                : subst(value);
        Reference r = new Reference(origin, line, w.get(0).text(), use, v.value(), v.value() == null ? v.why() : null,
                value.start(), value.end(), mode == Mode.UNSURE);
        references.add(r);
        if (use == Use.SOURCE && r.resolved() && mode != Mode.BLIND) {
            if (depth >= MAX_SOURCE_DEPTH) {
                problems.add(r.where() + ": sources more than " + MAX_SOURCE_DEPTH + " files deep (a file that sources itself?).");
                return;
            }
            sources.apply(r.path()).ifPresent(t -> run(r.path(), t, 0, t.length(), mode, depth + 1));
        }
    }

    /** if {cond} [then] {body} [elseif {cond} [then] {body}]* [else {body}] */
    private void runIf(String origin, String text, List<Word> w, Mode mode, int depth) {
        int i = 1;
        boolean unsure = false;
        while (i < w.size()) {
            Boolean cond = mode == Mode.BLIND ? null : condition(w.get(i));
            i++;
            if (i < w.size() && w.get(i).text().equals("then")) {
                i++;
            }
            if (i >= w.size()) {
                problems.add(where(origin, text, w.get(0).start()) + "an 'if' without a body.");
                return;
            }
            Word body = w.get(i++);
            if (cond == null) {
                unsure = true;
                runBody(origin, text, body, mode == Mode.BLIND ? Mode.BLIND : Mode.UNSURE, depth);
            } else if (cond) {
                runBody(origin, text, body, unsure ? Mode.UNSURE : mode, depth);
                return;
            }
            if (i >= w.size()) {
                return;
            }
            String next = w.get(i).text();
            if (next.equals("elseif")) {
                i++;
            } else if (next.equals("else") && i + 1 < w.size()) {
                runBody(origin, text, w.get(i + 1), unsure ? Mode.UNSURE : mode, depth);
                return;
            } else {
                return;
            }
        }
    }

    private void runBody(String origin, String text, Word body, Mode mode, int depth) {
        if (body.kind() == '{') {
            run(origin, text, body.start() + 1, body.end() - 1, mode, depth);
        }
    }

    /** A literal condition (after substitution): true, false, or null when it is an expression. */
    private Boolean condition(Word w) {
        Subst s = subst(new Word(w.text().strip(), w.kind() == '{' ? '"' : w.kind(), w.start(), w.end()));
        if (s.value() == null) {
            return null;
        }
        String v = s.value().strip().toLowerCase(Locale.ROOT);
        if (v.matches("-?[0-9]+")) {
            return Long.parseLong(v) != 0;
        }
        return switch (v) {
            case "yes", "on", "true" -> true;
            case "no", "off", "false" -> false;
            default -> null;
        };
    }

    private record Subst(String value, String why) {
    }

    /** The word's value after Tcl substitution; braces take it literally. */
    private Subst subst(Word w) {
        if (w.kind() == '{') {
            return new Subst(w.text(), null);
        }
        String s = w.text();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length()) {
                out.append(s.charAt(++i));
            } else if (ch == '[') {
                return new Subst(null, "it is computed by a Tcl command ([...])");
            } else if (ch == '$') {
                int j = i + 1;
                String var;
                if (j < s.length() && s.charAt(j) == '{') {
                    int close = s.indexOf('}', j);
                    if (close < 0) {
                        return new Subst(null, "'${' is not closed");
                    }
                    var = s.substring(j + 1, close);
                    i = close;
                } else {
                    int k = j;
                    while (k < s.length() && (Character.isLetterOrDigit(s.charAt(k)) || s.charAt(k) == '_' || s.charAt(k) == ':')) {
                        k++;
                    }
                    var = s.substring(j, k);
                    if (var.isEmpty()) {
                        out.append('$');
                        continue;
                    }
                    if (k < s.length() && s.charAt(k) == '(') {
                        return new Subst(null, "it uses the Tcl array $" + var + "(...)");
                    }
                    i = k - 1;
                }
                if (!vars.containsKey(var)) {
                    return new Subst(null, "the variable $" + var + " is not set before it");
                }
                String v = vars.get(var);
                if (v == null) {
                    return new Subst(null, "the variable $" + var + " has no value NAMDRunner can know (" + unknownWhy.get(var) + ")");
                }
                out.append(v);
            } else {
                out.append(ch);
            }
        }
        return new Subst(out.toString(), null);
    }

    // ---- the Tcl word syntax ----

    private static List<Command> parse(String t, int from, int to) {
        List<Command> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            char ch = t.charAt(i);
            if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' || ch == ';') {
                i++;
                continue;
            }
            if (ch == '#') {
                while (i < to && t.charAt(i) != '\n') {
                    i += t.charAt(i) == '\\' && i + 1 < to ? 2 : 1;
                }
                continue;
            }
            int start = i;
            List<Word> words = new ArrayList<>();
            while (i < to) {
                ch = t.charAt(i);
                if (ch == ' ' || ch == '\t' || ch == '\r') {
                    i++;
                } else if (ch == '\\' && i + 1 < to && t.charAt(i + 1) == '\n') {
                    i += 2;
                } else if (ch == '\n' || ch == ';') {
                    break;
                } else {
                    int end = wordEnd(t, i, to);
                    char kind = ch == '{' || ch == '"' ? ch : ' ';
                    String text = kind == ' ' ? t.substring(i, end) : t.substring(i + 1, end - 1);
                    words.add(new Word(text, kind, i, end));
                    i = end;
                }
            }
            if (!words.isEmpty()) {
                out.add(new Command(words, start));
            }
        }
        return out;
    }

    private static int wordEnd(String t, int i, int to) {
        char first = t.charAt(i);
        if (first == '{') {
            int depth = 0;
            for (int j = i; j < to; j++) {
                char c = t.charAt(j);
                if (c == '\\') {
                    j++;
                } else if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    return j + 1;
                }
            }
            throw new IllegalArgumentException("a '{' at line " + lineOf(t, i) + " is never closed.");
        }
        if (first == '"') {
            for (int j = i + 1; j < to; j++) {
                char c = t.charAt(j);
                if (c == '\\') {
                    j++;
                } else if (c == '"') {
                    return j + 1;
                }
            }
            throw new IllegalArgumentException("a '\"' at line " + lineOf(t, i) + " is never closed.");
        }
        int brackets = 0;
        int j = i;
        for (; j < to; j++) {
            char c = t.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '[') {
                brackets++;
            } else if (c == ']' && brackets > 0) {
                brackets--;
            } else if (brackets == 0 && (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ';')) {
                break;
            }
        }
        return Math.min(j, to);
    }

    /** The line of an offset, by binary search in the text's line starts (found once per text). */
    private int line(String text, int offset) {
        int[] starts = lineStarts.computeIfAbsent(text, t -> {
            int[] s = new int[16];
            int n = 0;
            for (int at = 0; at >= 0; at = t.indexOf('\n', at) < 0 ? -1 : t.indexOf('\n', at) + 1) {
                if (n == s.length) {
                    s = java.util.Arrays.copyOf(s, n * 2);
                }
                s[n++] = at;
            }
            return java.util.Arrays.copyOf(s, n);
        });
        int i = java.util.Arrays.binarySearch(starts, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    private static int lineOf(String t, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < t.length(); i++) {
            if (t.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String where(String origin, String text, int offset) {
        return (origin == null ? "" : origin + " ") + "line " + lineOf(text, offset) + ": ";
    }
}
