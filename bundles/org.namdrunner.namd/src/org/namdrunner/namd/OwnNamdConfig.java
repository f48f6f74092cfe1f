package org.namdrunner.namd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.namdrunner.core.lifecycle.JobFolders;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.validation.InputRules;
import org.namdrunner.namd.NamdConfigScript.Reference;
import org.namdrunner.namd.NamdConfigScript.Use;

/**
 * A person's own NAMD config as a job: every file it references ({@link NamdConfigScript}) is found next to the config,
 * staged in {@code input_files/} under its own name, and its path in the config rewritten to {@code input_files/<name>};
 * output names with a folder part are cut to their file name (the job writes into its own folder), and absolute or
 * {@code ..} output names are refused. {@link #check} checks a config that is already in the job's terms (the stored
 * or edited one) against the files the job stages.
 */
public final class OwnNamdConfig {

    /** At most as long as a template (every job row carries its config in its parameters). */
    public static final int MAX_CONFIG_CHARS = 200_000;

    /**
     * What a config becomes: local files by the NAMD job's input keys, the rewritten config, the rewritten text of
     * sourced files whose references were rewritten too (by staged file name), what stops it from running (each
     * naming its line or file) and what was changed that the person should know.
     */
    public record Staged(Map<String, Path> inputs, String config, Map<String, String> rewrittenSources, List<String> problems,
            List<String> notes) {

        public boolean usable() {
            return problems.isEmpty();
        }

        /**
         * The inputs to upload: a sourced file whose references were rewritten is written into {@code folder} under its
         * own name and staged from there, every other file as it is.
         */
        public Map<String, Path> inputsToUpload(Path folder) throws IOException {
            Map<String, Path> out = new LinkedHashMap<>(inputs);
            for (Map.Entry<String, Path> e : inputs.entrySet()) {
                String text = rewrittenSources.get(e.getValue().getFileName().toString());
                if (text != null) {
                    Files.createDirectories(folder);
                    Path copy = folder.resolve(e.getValue().getFileName().toString());
                    Files.writeString(copy, text, StandardCharsets.UTF_8);
                    out.put(e.getKey(), copy);
                }
            }
            return out;
        }
    }

    private OwnNamdConfig() {
    }

    /** Reads a config and every file it sources; never throws for a bad config (its problems are listed). */
    public static Staged read(Path configFile) {
        List<String> problems = new ArrayList<>();
        String text;
        try {
            text = readText(configFile);
        } catch (IOException | InvalidPathException e) {
            return new Staged(Map.of(), "", Map.of(), List.of("The config " + configFile + " cannot be read: " + e.getMessage()), List.of());
        }
        Path dir = configFile.toAbsolutePath().getParent();
        Map<String, String> sourced = new HashMap<>();
        NamdConfigScript.Result script = NamdConfigScript.read(text, p -> {
            try {
                Path f = dir.resolve(p).normalize();
                if (Files.isRegularFile(f) && Files.isReadable(f)) {
                    String t = sourced.containsKey(p) ? sourced.get(p) : readText(f);
                    sourced.put(p, t);
                    return Optional.of(t);
                }
            } catch (IOException | InvalidPathException e) {
                // named below as unreadable
            }
            return Optional.empty();
        });
        problems.addAll(script.problems());
        List<String> notes = new ArrayList<>();
        Map<String, Path> byName = new LinkedHashMap<>();
        Map<String, Map<Integer, String[]>> edits = new HashMap<>();
        Path structure = null;
        Path coordinates = null;
        List<Path> parameters = new ArrayList<>();
        List<Path> extras = new ArrayList<>();
        boolean outputName = false;
        for (Reference r : script.references()) {
            String kw = r.keyword().toLowerCase(Locale.ROOT);
            if (!r.resolved()) {
                problems.add(r.where() + ": the path of '" + r.keyword() + "' cannot be worked out: " + r.why()
                        + ". Write the path out, or set the variable with 'set' before this line.");
                continue;
            }
            if (r.use() == Use.OUTPUT) {
                outputName |= kw.equals("outputname");
                String refused = outsideJobFolder(r.path());
                if (refused != null) {
                    problems.add(r.where() + ": " + r.keyword() + " " + r.path() + " " + refused);
                } else if (r.path().contains("/")) {
                    String base = r.path().substring(r.path().lastIndexOf('/') + 1);
                    edit(edits, r, base);
                    notes.add(r.where() + ": " + r.keyword() + " " + r.path() + " becomes " + base + " (the job writes into its own folder).");
                } else if (r.origin() == null && !text.substring(r.start(), r.end()).equals(r.path())) {
                    // written out, so that whatever reads the config later (a continuation's step plan) needs no Tcl
                    edit(edits, r, r.path());
                }
                continue;
            }
            Path f;
            try {
                f = dir.resolve(r.path()).normalize();
            } catch (InvalidPathException e) {
                problems.add(r.where() + ": " + r.keyword() + " names '" + InputRules.printable(r.path()) + "', which is not a path.");
                continue;
            }
            String maybe = r.conditional() ? " (inside an 'if' whose condition NAMDRunner cannot decide)" : "";
            if (!Files.exists(f)) {
                problems.add(r.where() + ": the " + r.keyword() + " file " + r.path() + " does not exist" + maybe + " (looked for " + f + ").");
                continue;
            }
            if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
                problems.add(r.where() + ": the " + r.keyword() + " file " + r.path() + " cannot be read: it is not a readable file" + maybe + " (" + f + ").");
                continue;
            }
            String name = f.getFileName().toString();
            try {
                InputRules.checkName("file", "input file", name);
            } catch (InvalidInputException e) {
                problems.add(r.where() + ": " + e.getMessage());
                continue;
            }
            Path earlier = byName.get(name);
            if (earlier != null && !earlier.equals(f)) {
                problems.add(r.where() + ": " + f + " and " + earlier + " are both named " + name
                        + "; every input lands in input_files/, so their names must differ (rename one).");
                continue;
            }
            edit(edits, r, JobFolders.INPUTS + "/" + name);
            if (earlier != null) {
                continue;
            }
            byName.put(name, f);
            String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
            if (kw.equals("structure") && structure == null && ext.equals("psf")) {
                structure = f;
            } else if (kw.equals("coordinates") && coordinates == null && ext.equals("pdb")) {
                coordinates = f;
            } else if (kw.equals("parameters") && NamdInputSet.PARAMETER_EXTENSIONS.contains(ext)) {
                parameters.add(f);
            } else {
                extras.add(f);
            }
        }
        if (structure == null && problems.isEmpty()) {
            problems.add("The config names no structure (PSF) file ('structure file.psf'); NAMDRunner runs CHARMM-style configs.");
        }
        if (coordinates == null && problems.isEmpty()) {
            problems.add("The config names no coordinates (PDB) file ('coordinates file.pdb').");
        }
        if (parameters.isEmpty() && problems.isEmpty()) {
            problems.add("The config names no CHARMM parameter file ('parameters file.prm').");
        }
        if (!outputName && problems.isEmpty()) {
            problems.add("The config has no outputName line; NAMD needs one to name what it writes.");
        }
        Map<String, Path> inputs = new LinkedHashMap<>();
        if (structure != null) {
            inputs.put("structure", structure);
        }
        if (coordinates != null) {
            inputs.put("coordinates", coordinates);
        }
        for (int i = 0; i < parameters.size(); i++) {
            inputs.put(NamdInputSet.parameterKey(i + 1), parameters.get(i));
        }
        for (int i = 0; i < extras.size(); i++) {
            inputs.put(NamdInputSet.extraKey(i + 1), extras.get(i));
        }
        Map<String, String> rewrittenSources = new LinkedHashMap<>();
        for (Map.Entry<String, String> s : sourced.entrySet()) {
            if (edits.containsKey(s.getKey())) {
                Path f = dir.resolve(s.getKey()).normalize();
                rewrittenSources.put(f.getFileName().toString(), apply(s.getValue(), edits.get(s.getKey())));
            }
        }
        return new Staged(Map.copyOf(inputs), apply(text, edits.getOrDefault(null, Map.of())), Map.copyOf(rewrittenSources),
                List.copyOf(problems), List.copyOf(notes));
    }

    /**
     * What keeps a config in the job's terms from running: a file it reads that is not {@code input_files/<name>} of a
     * staged input, a path it builds that cannot be worked out, an output name outside the job folder or in a folder of
     * it, no outputName. Sourced files are not followed (they were rewritten when the config was staged). Empty when
     * it can run.
     */
    public static List<String> check(String config, Collection<String> stagedNames) {
        List<String> problems = new ArrayList<>();
        if (config.length() > MAX_CONFIG_CHARS) {
            return List.of("The config has " + config.length() + " characters; at most " + MAX_CONFIG_CHARS + " are taken.");
        }
        if (config.isBlank()) {
            return List.of("The config is empty.");
        }
        NamdConfigScript.Result script = NamdConfigScript.read(config, p -> Optional.empty());
        problems.addAll(script.problems());
        boolean outputName = false;
        String prefix = JobFolders.INPUTS + "/";
        for (Reference r : script.references()) {
            if (!r.resolved()) {
                problems.add(r.where() + ": the path of '" + r.keyword() + "' cannot be worked out: " + r.why() + ".");
            } else if (r.use() == Use.OUTPUT) {
                outputName |= r.keyword().equalsIgnoreCase("outputname");
                String refused = outsideJobFolder(r.path());
                if (refused == null && r.path().contains("/")) {
                    refused = "writes into a folder the job folder does not have; give a plain name";
                }
                if (refused != null) {
                    problems.add(r.where() + ": " + r.keyword() + " " + r.path() + " " + refused);
                }
            } else {
                String p = r.path().startsWith("./") ? r.path().substring(2) : r.path();
                String name = p.startsWith(prefix) ? p.substring(prefix.length()) : null;
                if (name == null || name.contains("/")) {
                    problems.add(r.where() + ": " + r.keyword() + " names " + r.path() + ", which is not in the job's folder; a file the "
                            + "job reads must be one of its input files, written " + prefix + "<name>.");
                } else if (!stagedNames.contains(name)) {
                    problems.add(r.where() + ": " + r.keyword() + " names " + name + ", which is not among the job's input files; add "
                            + name + " on the Input files page (More parameter files or Extra files).");
                }
            }
        }
        if (!outputName) {
            problems.add("The config has no outputName line; NAMD needs one to name what it writes.");
        }
        return problems;
    }

    /** Why an output name would write outside the job folder, or null when it stays inside. */
    static String outsideJobFolder(String path) {
        if (path.startsWith("/") || path.startsWith("~") || path.startsWith("\\") || path.matches("[A-Za-z]:.*")) {
            return "is an absolute path: the job may only write into its own folder; give a plain name (e.g. "
                    + path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1) + ").";
        }
        for (String part : path.split("[/\\\\]")) {
            if (part.equals("..")) {
                return "goes up with '..': the job may only write into its own folder; give a plain name.";
            }
        }
        return null;
    }

    private static void edit(Map<String, Map<Integer, String[]>> edits, Reference r, String replacement) {
        edits.computeIfAbsent(r.origin(), k -> new HashMap<>()).put(r.start(), new String[] { Integer.toString(r.end()), replacement });
    }

    private static String apply(String text, Map<Integer, String[]> edits) {
        StringBuilder out = new StringBuilder(text);
        edits.entrySet().stream().sorted(Map.Entry.<Integer, String[]>comparingByKey(Comparator.reverseOrder()))
                .forEach(e -> out.replace(e.getKey(), Integer.parseInt(e.getValue()[0]), e.getValue()[1]));
        return out.toString();
    }

    private static String readText(Path f) throws IOException {
        if (Files.size(f) > MAX_CONFIG_CHARS * 4L) {
            throw new IOException("it is larger than a config can be (" + Files.size(f) + " bytes)");
        }
        byte[] b = Files.readAllBytes(f);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(b, StandardCharsets.ISO_8859_1);
        }
    }
}
