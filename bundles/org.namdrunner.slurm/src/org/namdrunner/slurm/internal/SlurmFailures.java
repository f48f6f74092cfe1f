package org.namdrunner.slurm.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.ExecResult;

/**
 * Turns a failed SLURM command into a {@link ClusterException}: TRANSIENT when the controller could not be
 * reached (try again later), PERMANENT when SLURM refused (retrying the same thing cannot help). Each message
 * says what to change, then quotes SLURM's own words.
 */
public final class SlurmFailures {

    /** Texts SLURM prints when it could not talk to the controller (or slurmdbd); the request was not answered. */
    private static final List<String> UNREACHABLE = List.of("unable to contact slurm controller", "socket timed out",
            "connection refused", "zero bytes were transmitted", "connection lost", "connection reset",
            "backup controller in standby mode", "resource temporarily unavailable", "transport endpoint is not connected",
            "communication connection failure", "slurmctld not responding");

    private static final Pattern PARTITION_NAME = Pattern.compile("invalid partition specified: (\\S{1,64})");

    /** What sbatch refusals mean, most specific first. */
    private static final List<Refusal> SUBMIT_REFUSALS = List.of(
            new Refusal("invalid partition", SlurmFailures::unknownPartition),
            new Refusal("invalid qos specification", c -> "The cluster refused the QoS. Pick one of the profile's QoS ("
                    + listed(c.profile().qos()) + ") or update the profile; your account may not be allowed to use this QoS."),
            new Refusal("invalid account", c -> "The cluster refused the account, or the account may not use this partition. "
                    + "Pick one of the profile's accounts (" + listed(c.profile().accounts())
                    + ") or ask the cluster's support which accounts you may use."),
            new Refusal("memory specification can not be satisfied", c -> "No node of the chosen partition has as much memory "
                    + "as the job asks for. Ask for at most " + nodeMemory(c.profile()) + " per node, or pick a partition with larger nodes."),
            new Refusal("requested node configuration is not available", c -> "No node of the chosen partition can provide "
                    + "what the job asks for per node (cores, memory, GPUs or node features). Ask for less per node or pick another partition."),
            new Refusal("violates accounting/qos policy", c -> "The job breaks a limit of its QoS or account (for example too many "
                    + "cores, too long a walltime or too many jobs queued). Ask for less, pick another QoS, or wait until some of your jobs finish."),
            new Refusal("time limit", SlurmFailures::walltime),
            new Refusal("invalid --time specification", SlurmFailures::walltime),
            new Refusal("more processors requested than permitted", c -> "The job asks for more cores than the chosen partition "
                    + "allows. Ask for fewer cores or pick a partition with more."),
            new Refusal("invalid generic resource", c -> "The chosen partition has no GPUs, or not that many. "
                    + "Ask for fewer GPUs (or none) or pick a GPU partition."),
            new Refusal("invalid feature specification", c -> "The cluster's nodes do not have the node feature the job's "
                    + "constraint asks for. Remove the constraint or use a feature the cluster has."),
            new Refusal("access denied", SlurmFailures::accessDenied),
            new Refusal("permission denied", SlurmFailures::accessDenied),
            new Refusal("not permitted", SlurmFailures::accessDenied),
            new Refusal("unable to open file", c -> "sbatch could not read the job script " + c.scriptPath()
                    + ". Copying the job to the cluster may have failed; submit the job again."),
            new Refusal("does not look like a batch script", SlurmFailures::brokenScript),
            new Refusal("dos line breaks", SlurmFailures::brokenScript));

    private SlurmFailures() {
    }

    /** The context a refusal message may draw on. */
    private record Submission(ClusterProfile profile, String scriptPath, String slurmText) {
    }

    private record Refusal(String marker, Function<Submission, String> advice) {
    }

    /** True when the command failed because the controller (or the accounting daemon) did not answer. */
    public static boolean isUnreachable(ExecResult result) {
        String text = (result.stderr() + "\n" + result.stdout()).toLowerCase(Locale.ROOT);
        return UNREACHABLE.stream().anyMatch(text::contains);
    }

    /**
     * True when the shell could not find the command (exit 127) or the prefix could not load SLURM's module:
     * the profile's command prefix is missing or wrong.
     */
    public static boolean isCommandMissing(ExecResult result) {
        String err = result.stderr();
        return result.exitCode() == 127 || err.contains("command not found") || err.contains("module(s) are unknown");
    }

    /** The controller did not answer: try again later. */
    public static ClusterException unreachable(String program, ExecResult result, ClusterProfile profile) {
        return ClusterException.transientFailure("SLURM on " + profile.name() + " did not answer " + program
                + "; NAMDRunner will try again later. If this lasts, the cluster may be down for maintenance."
                + slurmSaid(result), null);
    }

    /** sbatch could not reach the controller. */
    public static ClusterException submitUnreachable(ExecResult result, ClusterProfile profile) {
        return ClusterException.transientFailure("SLURM on " + profile.name() + " could not be reached to submit the job. "
                + "Try again in a few minutes. If the cluster was only slow, the job may have been accepted anyway: "
                + "check its queue before submitting again." + slurmSaid(result), null);
    }

    /** The shell found no SLURM command: the profile's prefix does not set SLURM up. */
    public static ClusterException commandMissing(String program, ExecResult result, ClusterProfile profile) {
        String prefix = profile.commandPrefix().isEmpty() ? "empty" : "'" + profile.commandPrefix() + "'";
        return ClusterException.permanent("The cluster " + profile.name() + " could not run " + program
                + ". Check the command prefix of the profile (now " + prefix + "): it must make SLURM's commands available, "
                + "e.g. 'source /etc/profile && module load slurm/alpine' on Alpine." + slurmSaid(result));
    }

    /** Why sbatch refused a job, in words that say what to change. */
    public static ClusterException submitRefused(ExecResult result, ClusterProfile profile, String scriptPath) {
        if (isUnreachable(result)) {
            return submitUnreachable(result, profile);
        }
        if (isCommandMissing(result)) {
            return commandMissing("sbatch", result, profile);
        }
        String slurmText = slurmText(result);
        String lower = slurmText.toLowerCase(Locale.ROOT);
        Submission submission = new Submission(profile, scriptPath, slurmText);
        for (Refusal r : SUBMIT_REFUSALS) {
            if (lower.contains(r.marker())) {
                return ClusterException.permanent(r.advice().apply(submission) + slurmSaid(result));
            }
        }
        return ClusterException.permanent("SLURM refused the job (sbatch exit code " + result.exitCode() + ")."
                + slurmSaid(result));
    }

    /** sbatch succeeded but printed no job id: the job may exist, so it must not be submitted again blindly. */
    public static ClusterException submitWithoutId(ExecResult result) {
        return ClusterException.permanent("sbatch reported success but printed no job id, so NAMDRunner cannot follow "
                + "the job. It may be queued anyway: check the cluster's queue before submitting again." + slurmSaid(result));
    }

    /** What scancel's failure means; null when it means the job is already over (success). */
    public static ClusterException cancelRefused(ExecResult result, ClusterProfile profile, String slurmId) {
        String lower = slurmText(result).toLowerCase(Locale.ROOT);
        if (lower.contains("already completing or completed") || lower.contains("invalid job id specified")) {
            return null;
        }
        if (isUnreachable(result)) {
            return unreachable("scancel", result, profile);
        }
        if (isCommandMissing(result)) {
            return commandMissing("scancel", result, profile);
        }
        if (lower.contains("permission denied") || lower.contains("access denied")) {
            return ClusterException.permanent("The cluster did not let you cancel SLURM job " + slurmId
                    + ": it may belong to another user." + slurmSaid(result));
        }
        return ClusterException.permanent("SLURM could not cancel job " + slurmId + " (scancel exit code "
                + result.exitCode() + ")." + slurmSaid(result));
    }

    /** SLURM's own words for a message: stderr (or stdout) without the "sbatch: error:" prefixes, on one line. */
    static String slurmText(ExecResult result) {
        String text = result.stderr().isBlank() ? result.stdout() : result.stderr();
        return text.lines().map(l -> l.replaceFirst("^\\s*\\w+: error: ", "").strip()).filter(l -> !l.isEmpty())
                .collect(Collectors.joining(" "));
    }

    private static String slurmSaid(ExecResult result) {
        String text = slurmText(result);
        return text.isEmpty() ? "" : " (SLURM said: '" + SlurmValues.shortened(text) + "')";
    }

    private static String unknownPartition(Submission s) {
        Matcher m = PARTITION_NAME.matcher(s.slurmText());
        String which = m.find() ? "the partition '" + m.group(1) + "'" : "the partition the job asks for";
        return "The cluster does not know " + which + ". Pick one of the profile's partitions ("
                + listed(s.profile().partitions()) + ") or update the profile.";
    }

    private static String walltime(Submission s) {
        return "The walltime is longer than the chosen partition or QoS allows. Ask for less walltime (the profile allows up to "
                + readable(s.profile().maxWalltime()) + ") or pick a partition or QoS with a longer limit.";
    }

    private static String accessDenied(Submission s) {
        return "The cluster denied access: your user or account may not use this partition, QoS or account. "
                + "Pick another one from the profile or ask the cluster's support for access.";
    }

    private static String brokenScript(Submission s) {
        return "The job script " + s.scriptPath() + " is not a valid batch script. Recreate the job so NAMDRunner writes "
                + "a new script.";
    }

    private static String listed(List<String> names) {
        return names.isEmpty() ? "none listed yet" : String.join(", ", names);
    }

    private static String nodeMemory(ClusterProfile profile) {
        return BatchScriptRenderer.readableMemory(profile.memoryPerNodeMb());
    }

    private static String readable(Duration d) {
        long hours = d.toHours();
        if (hours == 0) {
            return d.toMinutes() + " minutes";
        }
        return hours >= 48 && hours % 24 == 0 ? hours / 24 + " days" : hours + " hours";
    }
}
