package org.namdrunner.namd;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.namdrunner.core.lifecycle.JobFolders;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.validation.InputRules;

/**
 * The positional restraints of CHARMM-GUI's step4 input ({@code extraBonds}/{@code extraBondsFile}, or
 * {@code constraints}/{@code consref}/{@code conskfile}/{@code conskcol}/{@code consexp}/{@code constraintScaling}),
 * carried into the step4 stages of the CHARMM-GUI protocol ({@link NamdProtocols#CHARMM_GUI}); step5 runs without them,
 * as CHARMM-GUI's step5 input does. They are taken from the imported folder's own step4 input, its {@code set}
 * variables filled in and its file paths rewritten to the staged {@code input_files/<name>}, and kept as the job
 * parameter {@link #PARAMETER}, one {@code keyword value} per line.
 * <p>
 * That parameter ends up in a config NAMD runs as Tcl, so {@link #config} takes only these keywords, each with one
 * plain value, and only files the job stages: a hand-made parameter cannot run a command.
 */
public final class CharmmGuiRestraints {

    /** Job parameter: the restraint lines, in the job's terms. */
    public static final String PARAMETER = "charmmGuiRestraints";
    /** Stage parameter: "yes" for a stage that runs with {@link #PARAMETER}'s restraints. */
    public static final String RESTRAINED = "restrained";

    private static final Set<String> FILE_KEYWORDS = Set.of("extrabondsfile", "consref", "conskfile");
    private static final Set<String> VALUE_KEYWORDS = Set.of("extrabonds", "constraints", "consexp", "conskcol",
            "constraintscaling", "selectconstraints", "selectconstrx", "selectconstry", "selectconstrz");
    private static final Pattern PLAIN_VALUE = Pattern.compile("[A-Za-z0-9._+/-]{1,200}");
    private static final Pattern SET = Pattern.compile("(?i)^set\\s+([A-Za-z_][A-Za-z0-9_]*)\\s+([^\\s;#]+)\\s*;?\\s*$");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    /** What the import found: the lines (empty when none are carried) and why some were not. */
    public record Found(List<String> lines, List<String> notes) {
        /** No restraints and nothing to say (no folder imported, or no step4 input). */
        public static final Found NONE = new Found(List.of(), List.of());

        public Found {
            lines = List.copyOf(lines);
            notes = List.copyOf(notes);
        }

        public String parameter() {
            return String.join("\n", lines);
        }

        /** What the person learns of them where the folder is imported; null when there is nothing to say. */
        public String note() {
            String why = String.join(" ", notes);
            if (lines.isEmpty()) {
                return why.isEmpty() ? null : why;
            }
            return "CHARMM-GUI's step4 restraints (" + String.join(", ", lines).replace(JobFolders.INPUTS + "/", "")
                    + ") go with the job: the CHARMM-GUI protocol's step4 stages run with them, step5 without."
                    + (why.isEmpty() ? "" : " " + why);
        }
    }

    private CharmmGuiRestraints() {
    }

    /**
     * The restraints of the step4 input's {@code step4Lines} (read from a folder, shown as {@code origin}), whose files must
     * be among {@code staged} (local file → the name it is staged under). Lines the import cannot follow (Tcl it cannot
     * work out, colvars, a file that is not staged) carry nothing and are noted.
     */
    public static Found fromStep4(String origin, List<String> step4Lines, Path folder, Map<Path, String> staged) {
        Map<String, String> vars = new HashMap<>();
        List<String> lines = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int n = 0;
        for (String raw : step4Lines) {
            n++;
            String line = active(raw);
            if (line.isEmpty()) {
                continue;
            }
            Matcher set = SET.matcher(line);
            if (set.matches()) {
                vars.put(set.group(1), set.group(2));
                continue;
            }
            String[] words = line.split("\\s+");
            String keyword = words[0].toLowerCase(Locale.ROOT);
            if (keyword.equals("colvars") && words.length > 1 && on(words[1])) {
                notes.add(origin + " line " + n + " switches on colvars restraints; they are not carried over (a colvars file names "
                        + "files of its own): use a template of your own for them.");
                continue;
            }
            if (!FILE_KEYWORDS.contains(keyword) && !VALUE_KEYWORDS.contains(keyword)) {
                continue;
            }
            String value = words.length == 2 ? fill(words[1], vars) : null;
            if (value == null || !PLAIN_VALUE.matcher(value).matches()) {
                return new Found(List.of(), List.of(origin + " line " + n + " (" + InputRules.printable(raw.strip())
                        + ") sets its restraints in a way NAMDRunner cannot follow; the step4 stages run without restraints."));
            }
            if (FILE_KEYWORDS.contains(keyword)) {
                Path file = folder.resolve(value).normalize();
                String name = staged.get(file);
                if (name == null) {
                    return new Found(List.of(), List.of(origin + " line " + n + " reads " + value + ", which is not among the files "
                            + "the import stages; the step4 stages run without restraints."));
                }
                value = JobFolders.INPUTS + "/" + name;
            }
            lines.add(words[0] + " " + value);
        }
        return new Found(lines, notes);
    }

    /**
     * The config with {@code restraints} where NAMD reads them (before the first minimize or run), the config's own
     * lines of those keywords commented out (NAMD refuses a keyword given twice). Refused, naming the line, when a line
     * is not one of the restraint keywords with one plain value, or names a file the job does not stage.
     */
    public static String config(String config, String restraints, Collection<String> stagedNames) {
        List<String> lines = check(restraints, stagedNames);
        Set<String> keywords = new LinkedHashSet<>();
        lines.forEach(l -> keywords.add(l.split(" ", 2)[0].toLowerCase(Locale.ROOT)));
        String[] in = config.split("\\R", -1);
        StringBuilder out = new StringBuilder();
        boolean placed = false;
        for (int i = 0; i < in.length; i++) {
            String keyword = NamdGpuRun.keyword(in[i]);
            if (keywords.contains(keyword)) {
                out.append("# NAMDRunner: replaced by CHARMM-GUI's step4 restraints: ").append(in[i].strip());
            } else {
                if (!placed && (keyword.equals("run") || keyword.equals("minimize"))) {
                    block(out, lines);
                    placed = true;
                }
                out.append(in[i]);
            }
            if (i < in.length - 1) {
                out.append('\n');
            }
        }
        if (!placed) {
            if (!config.endsWith("\n")) {
                out.append('\n');
            }
            block(out, lines);
        }
        return out.toString();
    }

    private static void block(StringBuilder out, List<String> lines) {
        out.append("# NAMDRunner: CHARMM-GUI's step4 restraints, as its step4 input sets them\n");
        for (String l : lines) {
            String[] kv = l.split(" ", 2);
            out.append(String.format("%-18s %s", kv[0], kv[1])).append('\n');
        }
    }

    /** The restraint lines, each checked as {@link #config} says; refused naming the first that is not right. */
    public static List<String> check(String restraints, Collection<String> stagedNames) {
        List<String> lines = new ArrayList<>();
        String prefix = JobFolders.INPUTS + "/";
        for (String raw : restraints.split("\\R")) {
            if (raw.isBlank()) {
                continue;
            }
            String[] words = raw.strip().split("\\s+");
            String keyword = words[0].toLowerCase(Locale.ROOT);
            boolean file = FILE_KEYWORDS.contains(keyword);
            if ((!file && !VALUE_KEYWORDS.contains(keyword)) || words.length != 2 || !PLAIN_VALUE.matcher(words[1]).matches()) {
                throw new InvalidInputException(PARAMETER, "The restraint line '" + InputRules.printable(raw.strip()) + "' is not one "
                        + "NAMDRunner carries: a restraint keyword (extraBonds, extraBondsFile, constraints, consref, conskfile, "
                        + "conskcol, consexp, constraintScaling, selectConstraints) with one plain value.");
            }
            if (file && !(words[1].startsWith(prefix) && stagedNames.contains(words[1].substring(prefix.length())))) {
                throw new InvalidInputException(PARAMETER, "The restraints read " + words[1] + ", which is not among the job's input "
                        + "files; import the CHARMM-GUI folder again, or add the file on the Input files page (Extra files).");
            }
            lines.add(words[0] + " " + words[1]);
        }
        return lines;
    }

    private static String active(String raw) {
        String s = raw;
        int hash = s.indexOf('#');
        if (hash >= 0) {
            s = s.substring(0, hash);
        }
        s = s.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    private static boolean on(String v) {
        return v.toLowerCase(Locale.ROOT).matches("on|yes|true|1");
    }

    /** The word with its {@code $name} variables filled in, or null when one is not set. */
    private static String fill(String word, Map<String, String> vars) {
        Matcher m = VARIABLE.matcher(word);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = vars.get(m.group(1) != null ? m.group(1) : m.group(2));
            if (v == null) {
                return null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }
}
