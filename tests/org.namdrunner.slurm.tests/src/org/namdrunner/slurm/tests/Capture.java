package org.namdrunner.slurm.tests;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.namdrunner.core.cluster.ExecResult;

/**
 * One captured command: the command line and what it printed, as stored in {@code <name>.cmd/.out/.err/.rc}.
 */
record Capture(String name, String command, String stdout, String stderr, int exitCode) {

    private static final Pattern JOBS = Pattern.compile("--jobs=([0-9_,]+)");

    static Capture real(String name) {
        return load(Fixtures.REAL, name);
    }

    static Capture seed(String name) {
        return load(Fixtures.SEED, name);
    }

    static Capture load(String folder, String name) {
        String rc = Fixtures.exists(folder, name + ".rc") ? Fixtures.text(folder, name + ".rc").strip() : "0";
        String err = Fixtures.exists(folder, name + ".err") ? Fixtures.text(folder, name + ".err") : "";
        return new Capture(name, Fixtures.text(folder, name + ".cmd").strip(), Fixtures.text(folder, name + ".out"), err,
                Integer.parseInt(rc));
    }

    /** The ids named by {@code --jobs=} in the command, in order. */
    Set<String> jobIds() {
        return jobIdsOf(command);
    }

    static Set<String> jobIdsOf(String commandLine) {
        Matcher m = JOBS.matcher(commandLine);
        return m.find() ? new LinkedHashSet<>(Arrays.asList(m.group(1).split(","))) : Set.of();
    }

    ExecResult asResult(String commandLine) {
        return new ExecResult(commandLine, exitCode, stdout, stderr);
    }

    /**
     * The same capture with only the rows of {@code ids} (steps included): what SLURM would have printed had it
     * been asked about those ids only.
     */
    Capture onlyRowsOf(Set<String> ids) {
        String rows = stdout.lines().filter(l -> ids.contains(l.split("[|.]", 2)[0])).map(l -> l + "\n")
                .collect(Collectors.joining());
        return new Capture(name, command, rows, stderr, exitCode);
    }

    int nonBlankLines() {
        return (int) stdout.lines().filter(l -> !l.isBlank()).count();
    }
}
