package org.namdrunner.slurm.internal;

import java.util.Collection;

import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.LoginShell;
import org.namdrunner.core.cluster.RemotePaths;
import org.namdrunner.core.cluster.ShellQuoting;
import org.namdrunner.core.scheduler.JobTag;
import org.namdrunner.core.validation.InputRules;

/**
 * The command lines NAMDRunner sends to a SLURM cluster. Every variable part goes through
 * {@link ShellQuoting}; the fixed options are written out so the lines read exactly like the ones a person
 * would type. When the profile has a command prefix, the whole line runs in a login shell
 * ({@code bash -lc '<prefix> && <command>'}) because {@code module} is a login-shell function; {@link LoginShell}
 * writes that line and a marker before the command's output, so banners and Lmod chatter are not read as SLURM's.
 * squeue and sacct run with {@value #TIME_FORMAT} in their environment: times come as epoch seconds, right
 * whatever the zones of the cluster and of the workbench.
 */
public final class SlurmCommands {

    /** Set in the command's own environment, inside the login shell, so no profile script can override it. */
    public static final String TIME_FORMAT = "SLURM_TIME_FORMAT=%s";

    private final String prefix;

    public SlurmCommands(ClusterProfile profile) {
        this.prefix = profile.commandPrefix();
    }

    /** One squeue for all ids, finished jobs included while the controller still has them. */
    public String squeue(Collection<String> slurmIds) {
        return withPrefix(squeueCommand(slurmIds));
    }

    /** {@link #squeue} without the prefix and marker, for {@link org.namdrunner.core.cluster.ClusterConnection#execWithPrefix}. */
    public String squeueCommand(Collection<String> slurmIds) {
        return (TIME_FORMAT + " squeue --noheader --states=all --jobs=" + ShellQuoting.quote(idList(slurmIds))
                + " --format=" + ShellQuoting.quote(SqueueParser.FORMAT));
    }

    /** One sacct for the given ids, allocations only. */
    public String sacct(Collection<String> slurmIds) {
        return withPrefix(sacctCommand(slurmIds));
    }

    public String sacctCommand(Collection<String> slurmIds) {
        return (TIME_FORMAT + " sacct -X --parsable2 --noheader --jobs=" + ShellQuoting.quote(idList(slurmIds))
                + " --format=" + ShellQuoting.quote(SacctParser.FORMAT));
    }

    /**
     * One sacct for the given ids with their step rows (no {@code -X}): the steps' MaxRSS is what a finished job's memory
     * use is read from ({@link SacctParser}).
     */
    public String sacctWithStepsCommand(Collection<String> slurmIds) {
        return (TIME_FORMAT + " sacct --parsable2 --noheader --jobs=" + ShellQuoting.quote(idList(slurmIds))
                + " --format=" + ShellQuoting.quote(SacctParser.FORMAT));
    }

    /**
     * sbatch run in the job's folder, so relative output paths in the script land there (and SLURM's working
     * directory is that folder); the tag, when given, becomes the job's comment. Without the prefix: for
     * {@link org.namdrunner.core.cluster.ClusterConnection#execWithPrefix}.
     */
    public String sbatch(String workDir, String scriptPath, JobTag tag) {
        return withPrefix(sbatchCommand(workDir, scriptPath, tag));
    }

    public String sbatchCommand(String workDir, String scriptPath, JobTag tag) {
        return sbatchCommand(workDir, scriptPath, tag, null);
    }

    /**
     * The same, the job waiting until SLURM job {@code afterOk} has succeeded; if that job fails SLURM cancels this one
     * ({@code --kill-on-invalid-dep=yes}) instead of holding it for ever with reason DependencyNeverSatisfied.
     */
    public String sbatchCommand(String workDir, String scriptPath, JobTag tag, String afterOk) {
        return "cd " + ShellQuoting.quote(RemotePaths.checkAbsolute("workDir", workDir))
                + " && sbatch --parsable " + (tag == null ? "" : "--comment=" + ShellQuoting.quote(tag.text()) + " ")
                + (afterOk == null ? "" : "--dependency=" + ShellQuoting.quote("afterok:" + checkedId(afterOk)) + " --kill-on-invalid-dep=yes ")
                + ShellQuoting.quote(RemotePaths.checkAbsolute("scriptPath", scriptPath));
    }

    /** Printed after sacct's rows when the job records follow. */
    public static final String RECORDS_MARKER = "::namdrunner-job-records::";

    /**
     * sacct for the given ids, steps included, and, in the same command, the job records ({@link JobRecord#FILE}) in the folders of
     * those jobs: {@code grep -Hs} prints each record line after its file name and says nothing for a missing file.
     * The command's exit code is sacct's.
     */
    public String sacctWithRecords(Collection<String> slurmIds, Collection<String> folders) {
        if (folders.isEmpty()) {
            return withPrefix(sacctWithStepsCommand(slurmIds));
        }
        StringBuilder files = new StringBuilder();
        for (String folder : folders) {
            files.append(' ').append(ShellQuoting.quote(RemotePaths.join(RemotePaths.checkAbsolute("workDir", folder), JobRecord.FILE)));
        }
        return withPrefix("{ " + sacctWithStepsCommand(slurmIds) + "; namdrunner_rc=$?; echo " + RECORDS_MARKER + "; grep -Hs '' --" + files
                + "; exit $namdrunner_rc; }");
    }

    /** This user's jobs of one name that the controller still has, finished ones included. */
    public String squeueByName(String jobName) {
        return withPrefix(TIME_FORMAT + " squeue --noheader --me --states=all --name=" + ShellQuoting.quote(InputRules.checkJobName(jobName))
                + " --format=" + ShellQuoting.quote(SqueueParser.FORMAT));
    }

    /** This user's jobs of one name in accounting, of the last {@code seconds}. */
    public String sacctByName(String jobName, long seconds) {
        return withPrefix(TIME_FORMAT + " sacct -X --parsable2 --noheader --name=" + ShellQuoting.quote(InputRules.checkJobName(jobName))
                + " --starttime=now-" + Math.max(60, seconds) + " --format=" + ShellQuoting.quote(SacctParser.FORMAT));
    }

    public String scancel(String slurmId) {
        return withPrefix(scancelCommand(slurmId));
    }

    public String scancelCommand(String slurmId) {
        return "scancel " + ShellQuoting.quote(checkedId(slurmId));
    }

    /** Any command (already quoted) as it is sent: under the profile's prefix, after the output marker. */
    public String withPrefix(String command) {
        return LoginShell.commandLine(prefix, command);
    }

    private static String idList(Collection<String> slurmIds) {
        if (slurmIds.isEmpty()) {
            throw new IllegalArgumentException("no SLURM job ids to ask about");
        }
        slurmIds.forEach(SlurmCommands::checkedId);
        return String.join(",", slurmIds);
    }

    private static String checkedId(String slurmId) {
        if (!SlurmJobIds.isJobId(slurmId)) {
            throw new IllegalArgumentException("not a SLURM job id: " + SlurmValues.shortened(String.valueOf(slurmId)));
        }
        return slurmId;
    }
}
