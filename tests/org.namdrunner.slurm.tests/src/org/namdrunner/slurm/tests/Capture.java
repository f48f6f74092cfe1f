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
 * <p>
 * The captures predate the identity, time and usage fields (squeue {@code %V %S %e %j %k}, sacct {@code Submit
 * TotalCPU AllocCPUS NNodes ReqMem MaxRSS Timelimit AllocTRES JobName Comment WorkDir}): their rows are laid out here in today's field order with those fields empty, and their command
 * lines get today's format, so every real state, reason, duration and folder is still read as SLURM printed it. The
 * new fields themselves are tested on the twin (integration tests) until capture-fixtures.sh records them.
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
        String command = Fixtures.text(folder, name + ".cmd").strip();
        String out = Fixtures.text(folder, name + ".out");
        if (command.contains(OLD_SQUEUE)) {
            return new Capture(name, command.replace(OLD_SQUEUE, NEW_SQUEUE), relaid(out, Capture::squeueRow), err, Integer.parseInt(rc));
        }
        if (command.contains(OLD_SQUEUE_COMPACT)) {
            return new Capture(name, command.replace(OLD_SQUEUE_COMPACT, NEW_SQUEUE.replace("%T", "%t")), relaid(out, Capture::squeueRow), err,
                    Integer.parseInt(rc));
        }
        if (command.contains(OLD_SACCT)) {
            return new Capture(name, command.replace(OLD_SACCT, NEW_SACCT), relaid(out, Capture::sacctRow), err, Integer.parseInt(rc));
        }
        return new Capture(name, command, out, err, Integer.parseInt(rc));
    }

    static final String OLD_SQUEUE = "%i|%T|%r|%M|%L|%D|%C|%N|%Z";
    static final String OLD_SQUEUE_COMPACT = "%i|%t|%r|%M|%L|%D|%C|%N|%Z";
    static final String NEW_SQUEUE = org.namdrunner.slurm.internal.SqueueParser.FORMAT;
    static final String OLD_SACCT = "--format=JobID,State,ExitCode,Start,End,Elapsed,Reason";
    static final String NEW_SACCT = "--format=" + org.namdrunner.slurm.internal.SacctParser.FORMAT;

    /** Hand-written rows in the old squeue order, laid out as today's. */
    static String oldSqueue(String out) {
        return relaid(out, Capture::squeueRow);
    }

    /** Hand-written rows in the old sacct order, laid out as today's. */
    static String oldSacct(String out) {
        return relaid(out, Capture::sacctRow);
    }

    private static String relaid(String out, java.util.function.UnaryOperator<String> row) {
        StringBuilder b = new StringBuilder();
        for (String line : out.split("\n", -1)) {
            b.append(line.isBlank() ? line : row.apply(line)).append('\n');
        }
        return b.substring(0, b.length() - 1);
    }

    /** {@code id|state|reason…|M|L|D|C|N|Z} (reason may hold '|') → today's order, new fields empty. */
    static String squeueRow(String line) {
        String[] f = line.split("\\|", -1);
        if (f.length < 9) {
            return line;
        }
        int n = f.length;
        String reason = String.join("|", Arrays.copyOfRange(f, 2, n - 6));
        return String.join("|", f[0], f[1], "", "", "", f[n - 6], f[n - 5], f[n - 4], f[n - 3], f[n - 2], "", "", f[n - 1], reason);
    }

    /** {@code JobID|State|ExitCode|Start|End|Elapsed|Reason…} → today's order, new fields empty. */
    static String sacctRow(String line) {
        String[] f = line.split("\\|", 7);
        if (f.length < 7) {
            return line;
        }
        return String.join("|", f[0], f[1], f[2], "", f[3], f[4], f[5], "", "", "", "", "", "", "", "", "", "", f[6]);
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
