package org.namdrunner.slurm.internal;

import java.util.List;
import java.util.regex.Pattern;

import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.GpuRequests;
import org.namdrunner.core.cluster.RemotePaths;
import org.namdrunner.core.cluster.ResourceLimits;
import org.namdrunner.core.cluster.ShellQuoting;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.MemorySize;
import org.namdrunner.core.model.Resources;
import org.namdrunner.core.scheduler.BatchScriptRequest;
import org.namdrunner.core.validation.InputRules;

/**
 * Writes the sbatch script for a job: {@code #SBATCH} options from its resources, the profile's module lines,
 * a {@code cd} into the scratch folder, then the job type's body. {@code #SBATCH} values are read by sbatch,
 * not by a shell, so they are validated here (one line, no spaces or quotes) rather than quoted; the
 * {@code cd} line is shell and its folder goes through {@link ShellQuoting}. Requests the profile cannot
 * satisfy are refused before anything reaches the cluster.
 */
public final class BatchScriptRenderer {

    /** What sbatch accepts in an option value without quoting: no whitespace, quotes, '#', '$' or control characters. */
    private static final Pattern DIRECTIVE_VALUE = Pattern.compile("[A-Za-z0-9_.,:%&|\\[\\]*+=/-]{1,256}");

    private BatchScriptRenderer() {
    }

    public static String render(BatchScriptRequest request) {
        Resources r = request.resources();
        ClusterProfile profile = request.profile();
        checkAgainstProfile(r, profile);
        String scratchDir = RemotePaths.checkAbsolute("scratchDir", request.scratchDir());

        StringBuilder script = new StringBuilder("#!/bin/bash\n");
        directive(script, "job-name", request.jobName());
        directive(script, "output", request.jobName() + "_%j.out");
        directive(script, "error", request.jobName() + "_%j.err");
        optionalDirective(script, "partition", r.partition());
        optionalDirective(script, "qos", r.qos());
        optionalDirective(script, "account", r.account());
        directive(script, "nodes", Integer.toString(nodesFor(r.cores(), profile.coresPerNode())));
        directive(script, "ntasks", Integer.toString(r.cores()));
        directive(script, "time", r.walltimeForSlurm());
        directive(script, "mem", r.memory().toSlurm());
        if (r.gpus() > 0) {
            String option = profile.gpu().option(r.gpus());
            directive(script, option.substring(0, option.indexOf('=')), option.substring(option.indexOf('=') + 1));
        }
        optionalDirective(script, "constraint", r.constraint());
        script.append('\n');
        for (String line : profile.moduleLinesFor(r.gpus())) {
            script.append(line).append('\n');
        }
        script.append("cd ").append(ShellQuoting.quote(scratchDir)).append(" || exit 1\n\n");
        script.append(JobRecord.SCRIPT);
        if (!request.resultsDir().isEmpty()) {
            script.append(resultsCopy(RemotePaths.checkAbsolute("resultsDir", request.resultsDir()), request.resultPaths()));
        } else {
            script.append("trap namdrunner_record_exit EXIT\ntrap 'namdrunner_signal=15; exit 143' TERM\n\n");
        }
        script.append(unixLines(request.body()));
        return script.toString();
    }

    /**
     * The job copies its results itself, on the compute node, when it ends: normally, on failure, and on scancel
     * or TIMEOUT (SLURM sends SIGTERM first; the trap turns it into an exit, so the EXIT trap runs within KillWait; a
     * further TERM does not cut the copy short).
     * {@code cp -pu} makes a second run cheap. The marker file tells the collector that nothing is left to copy.
     */
    private static String resultsCopy(String outputs, List<String> paths) {
        String out = ShellQuoting.quote(outputs);
        StringBuilder b = new StringBuilder("# NAMDRunner: this job copies its own results to the project folder when it ends\n")
                .append("namdrunner_copy_results() {\n")
                .append("    trap '' TERM\n")
                .append("    mkdir -p -- ").append(out).append(" || return\n")
                .append("    find . -maxdepth 1 -type f ! -name ").append(ShellQuoting.quote(BatchScriptRequest.RESULTS_COPIED))
                .append(" -exec cp -pu -t ").append(out).append(" {} +\n");
        for (String path : paths) {
            String target = RemotePaths.join(outputs, path);
            String folder = target.substring(0, target.lastIndexOf('/'));
            b.append("    if [ -f ").append(ShellQuoting.quote(path)).append(" ]; then mkdir -p -- ").append(ShellQuoting.quote(folder))
                    .append(" && cp -pu -- ").append(ShellQuoting.quote(path)).append(' ').append(ShellQuoting.quote(target))
                    .append("; fi\n");
        }
        b.append("    touch -- ").append(ShellQuoting.quote(RemotePaths.join(outputs, BatchScriptRequest.RESULTS_COPIED))).append('\n')
                .append("}\n")
                .append("trap 'namdrunner_record_exit; namdrunner_copy_results' EXIT\n")
                .append("trap 'namdrunner_signal=15; exit 143' TERM\n\n");
        return b.toString();
    }

    /** Whole nodes for {@code cores} MPI tasks: ceil(cores / cores per node). */
    public static int nodesFor(int cores, int coresPerNode) {
        if (cores < 1 || coresPerNode < 1) {
            throw new InvalidInputException("cores", "Cores and cores per node must be at least 1.");
        }
        return (cores + coresPerNode - 1) / coresPerNode;
    }

    private static void checkAgainstProfile(Resources r, ClusterProfile profile) {
        checkListed("partition", r.partition(), profile.partitions(), profile);
        checkListed("qos", r.qos(), profile.qos(), profile);
        checkListed("account", r.account(), profile.accounts(), profile);
        long mb = r.memory().toMegabytes();
        if (mb > profile.memoryPerNodeMb()) {
            throw new InvalidInputException("memory", "The job asks for " + r.memory() + " per node, but a node of "
                    + profile.name() + " has at most " + readableMemory(profile.memoryPerNodeMb())
                    + ". Ask for at most that much per node.");
        }
        ResourceLimits.check(profile, r);
        GpuRequests.check(profile, r);
        if (r.walltime().compareTo(profile.maxWalltime()) > 0) {
            Resources longest = r.withWalltime(profile.maxWalltime());
            throw new InvalidInputException("walltime", "The walltime " + r.walltimeForSlurm() + " is longer than "
                    + profile.name() + " allows (" + longest.walltimeForSlurm() + "). Ask for at most that, and "
                    + "continue from the restart files in a second job if the run needs longer.");
        }
    }

    private static void checkListed(String field, String value, List<String> allowed, ClusterProfile profile) {
        if (!value.isEmpty() && !allowed.isEmpty() && !allowed.contains(value)) {
            String what = field.equals("qos") ? "QoS" : field;
            throw new InvalidInputException(field, "The " + what + " '" + InputRules.printable(value) + "' is not one of "
                    + profile.name() + "'s (" + String.join(", ", allowed) + "). Pick one of them or update the profile.");
        }
    }

    private static void optionalDirective(StringBuilder script, String option, String value) {
        if (!value.isEmpty()) {
            directive(script, option, value);
        }
    }

    private static void directive(StringBuilder script, String option, String value) {
        if (!DIRECTIVE_VALUE.matcher(value).matches()) {
            throw new InvalidInputException(option, "The value '" + InputRules.printable(value) + "' for --" + option
                    + " cannot go into a batch script: use letters, digits and . _ - only.");
        }
        script.append("#SBATCH --").append(option).append('=').append(value).append('\n');
    }

    /** sbatch refuses scripts with DOS line breaks, so every line end becomes '\n'. */
    private static String unixLines(String body) {
        if (body.indexOf('\0') >= 0) {
            throw new InvalidInputException("body", "The job's commands contain a NUL character.");
        }
        String text = body.replace("\r\n", "\n").replace('\r', '\n');
        return text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
    }

    static String readableMemory(long megabytes) {
        return megabytes >= 1024 && megabytes % 1024 == 0
                ? new MemorySize(megabytes / 1024, MemorySize.Unit.GB).toString()
                : new MemorySize(megabytes, MemorySize.Unit.MB).toString();
    }
}
