package org.namdrunner.examples.batchscript;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.validation.InputRules;

/**
 * What a batch script job accepts. Each check throws {@link InvalidInputException} naming the field and the
 * problem (with the line number where there is one), before anything is stored or sent to a cluster.
 * <p>
 * The script itself is not quoted: it is the person's own program and runs as them on their cluster account.
 * What the workbench adds around it (result file paths) is checked here and quoted with
 * {@code ShellQuoting} when the batch body is rendered.
 */
public final class BatchScriptRules {

    /** Parameter key of the commands. */
    public static final String SCRIPT = "script";
    /** Parameter key of the result files in subfolders (comma- or line-separated relative paths). */
    public static final String RESULT_FILES = "resultFiles";

    public static final int MAX_SCRIPT_BYTES = 64 * 1024;
    public static final int MAX_RESULT_FILES = 20;

    private BatchScriptRules() {
    }

    /** Checks every parameter this type knows; other keys (e.g. input file names added by the workbench) are ignored. */
    public static void check(Map<String, String> parameters) {
        checkScript(parameters.get(SCRIPT));
        resultFiles(parameters.get(RESULT_FILES));
    }

    /**
     * The commands: not empty, at most {@value #MAX_SCRIPT_BYTES} bytes of UTF-8, no NUL or other control
     * characters except tab and line breaks, no {@code #SBATCH} lines (resources come from the Resources
     * page) and no interpreter line other than bash or sh (the script runs with bash).
     */
    public static String checkScript(String script) {
        if (script == null || script.isBlank()) {
            throw new InvalidInputException(SCRIPT, "The batch script is empty: type the commands the job should run.");
        }
        int bytes = script.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_SCRIPT_BYTES) {
            throw new InvalidInputException(SCRIPT, "The batch script is " + bytes + " bytes long; at most " + MAX_SCRIPT_BYTES
                    + " are allowed. Put a longer program into an input file and call it from the script.");
        }
        String[] lines = normalize(script).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int lineNo = i + 1;
            for (int k = 0; k < line.length(); k++) {
                char ch = line.charAt(k);
                if (ch == 0) {
                    throw new InvalidInputException(SCRIPT, "Line " + lineNo + " of the batch script contains a NUL character.");
                }
                if (Character.isISOControl(ch) && ch != '\t') {
                    throw new InvalidInputException(SCRIPT, String.format(Locale.ROOT,
                            "Line %d of the batch script contains the control character U+%04X; only tabs and line breaks are allowed.",
                            lineNo, (int) ch));
                }
            }
            String trimmed = line.strip();
            if (trimmed.regionMatches(true, 0, "#SBATCH", 0, 7)) {
                throw new InvalidInputException(SCRIPT, "Line " + lineNo + " of the batch script is an #SBATCH line ('"
                        + InputRules.printable(trimmed) + "'). Set cores, memory, walltime and partition on the Resources page instead.");
            }
            if (i == 0 && trimmed.startsWith("#!") && !trimmed.matches("#!\\s*(/usr)?/bin/(env\\s+)?(ba)?sh\\b.*")) {
                throw new InvalidInputException(SCRIPT, "Line 1 of the batch script asks for the interpreter '"
                        + InputRules.printable(trimmed.substring(2).strip()) + "', but the script runs with bash. Leave the "
                        + "line out and call the program from the script, e.g. python3 input_files/run.py.");
            }
        }
        return script;
    }

    /**
     * Result files the job writes in subfolders, to be collected with the job's other results: relative paths
     * inside the job's folder (see {@link InputRules#checkRelativePath}), at most {@value #MAX_RESULT_FILES},
     * no two with the same file name (they all land in {@code outputs/}). Empty or null means none.
     *
     * @return the paths, in order
     */
    public static List<String> resultFiles(String text) {
        List<String> paths = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return paths;
        }
        Map<String, String> byName = new LinkedHashMap<>();
        for (String part : text.split("[,\\n\\r]+")) {
            String path = part.strip();
            if (path.isEmpty()) {
                continue;
            }
            try {
                InputRules.checkRelativePath(path);
            } catch (InvalidInputException e) {
                throw new InvalidInputException(RESULT_FILES, "Result file: " + e.getMessage());
            }
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (path.indexOf('/') < 0) {
                throw new InvalidInputException(RESULT_FILES, "The result file '" + path + "' is at the top of the job's "
                        + "folder, where every file is collected anyway; list only files in subfolders, e.g. out/" + path + ".");
            }
            if (name.equals(BatchScriptJobType.LOG_FILE)) {
                throw new InvalidInputException(RESULT_FILES, "The result file '" + path + "' would overwrite the job's log "
                        + BatchScriptJobType.LOG_FILE + "; rename it.");
            }
            String earlier = byName.putIfAbsent(name, path);
            if (earlier != null) {
                throw new InvalidInputException(RESULT_FILES, "The result files '" + earlier + "' and '" + path
                        + "' have the same name '" + name + "'; both would be copied to outputs/" + name + ".");
            }
            paths.add(path);
        }
        if (paths.size() > MAX_RESULT_FILES) {
            throw new InvalidInputException(RESULT_FILES, paths.size() + " result files are listed; at most " + MAX_RESULT_FILES
                    + " are allowed. Have the script gather them into one archive instead.");
        }
        return paths;
    }

    /** Unix line ends, and a final line break. */
    public static String normalize(String script) {
        String text = script.replace("\r\n", "\n").replace('\r', '\n');
        return text.endsWith("\n") ? text : text + "\n";
    }
}
