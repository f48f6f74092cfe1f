package org.namdrunner.slurm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.namdrunner.core.cluster.ClusterCheck;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.ClusterSurvey;
import org.namdrunner.core.cluster.ExecResult;
import org.namdrunner.core.cluster.LoginShell;
import org.namdrunner.core.cluster.RemotePaths;
import org.namdrunner.core.cluster.ShellQuoting;
import org.namdrunner.core.model.Resources;
import org.namdrunner.slurm.internal.ClusterFacts;
import org.namdrunner.slurm.internal.FairShare;
import org.namdrunner.slurm.internal.SlurmValues;

/**
 * Test connection for SLURM clusters: the login, the SLURM commands behind the profile's prefix, the profile's
 * partitions, QoS and accounts for this user, both job folders, the transfer host. Four commands and, with a
 * transfer host, one small upload, all over the connection's one session.
 */
public final class SlurmClusterCheck implements ClusterCheck {

    static final Duration TIMEOUT = Duration.ofMinutes(3);
    static final List<String> COMMANDS = List.of("sbatch", "squeue", "sacct", "scancel", "sinfo", "sacctmgr");

    @Override
    public List<Result> check(ClusterConnection c, IProgressMonitor monitor) {
        ClusterProfile p = c.profile();
        List<Result> out = new ArrayList<>();
        try {
            c.exec("true", TIMEOUT, monitor);
            out.add(new Result("Login", Level.OK, "Logged in to " + p.host() + (p.user().isEmpty() ? "" : " as " + p.user()) + "."));
        } catch (ClusterException e) {
            out.add(new Result("Login", Level.ERROR, e.getMessage()));
            out.add(new Result("Everything else", Level.ERROR, "Not checked: no login."));
            return out;
        }
        boolean slurm = slurmCommands(c, p, monitor, out);
        if (slurm) {
            facts(c, p, monitor, out);
        }
        out.add(folder(c, "Job folder (projects)", p.projectsRoot(), monitor));
        out.add(folder(c, "Job folder (scratch)", p.scratchRoot(), monitor));
        out.add(transferHost(c, p, monitor));
        return out;
    }

    @Override
    public ClusterSurvey survey(ClusterConnection c, IProgressMonitor monitor) throws ClusterException {
        ExecResult r = c.execWithPrefix(ClusterFacts.COMMAND, TIMEOUT, monitor);
        return ClusterFacts.parse(r.stdout()).survey();
    }

    private static boolean slurmCommands(ClusterConnection c, ClusterProfile p, IProgressMonitor monitor, List<Result> out) {
        String part = "SLURM commands";
        try {
            ExecResult raw = c.exec(LoginShell.commandLine(p.commandPrefix(), "{ " + ShellQuoting.command("command", prepend("-v", COMMANDS))
                    + "; true; }"), TIMEOUT, monitor);
            ExecResult r = LoginShell.commandOutput(raw);
            String prefix = p.commandPrefix().isEmpty() ? "(no command prefix)" : "the prefix '" + p.commandPrefix() + "'";
            if (!LoginShell.commandRan(raw)) {
                out.add(new Result(part, Level.ERROR, "The command prefix failed (exit code " + raw.exitCode() + "): '"
                        + SlurmValues.shortened(lastLines(r.stderr(), 3)) + "'. Correct it in the profile."));
                return false;
            }
            List<String> missing = new ArrayList<>();
            for (String command : COMMANDS) {
                if (r.stdout().lines().noneMatch(l -> l.strip().endsWith("/" + command) || l.strip().equals(command))) {
                    missing.add(command);
                }
            }
            if (!missing.isEmpty()) {
                out.add(new Result(part, Level.ERROR, "Not found after " + prefix + ": " + String.join(", ", missing)
                        + ". On Alpine the prefix is 'source /etc/profile && module load slurm/alpine'."));
                return false;
            }
            out.add(new Result(part, Level.OK, "sbatch, squeue, sacct, scancel, sinfo and sacctmgr found after " + prefix + "."));
            return true;
        } catch (ClusterException e) {
            out.add(new Result(part, Level.ERROR, e.getMessage()));
            return false;
        }
    }

    private void facts(ClusterConnection c, ClusterProfile p, IProgressMonitor monitor, List<Result> out) {
        ClusterSurvey s;
        try {
            s = survey(c, monitor);
        } catch (ClusterException e) {
            out.add(new Result("Partitions, QoS and accounts", Level.ERROR, e.getMessage()));
            return;
        }
        out.add(listed("Partitions", "partition", p.partitions(), s.partitions(), "the cluster has"));
        out.add(listed("QoS", "QoS", p.qos(), s.qos(), "your associations allow"));
        out.add(listed("Accounts", "account", p.accounts(), s.accounts(), "your associations allow"));
        List<String> differences = new ArrayList<>();
        p.limits().qosMaxWalltime().forEach((q, max) -> {
            Duration real = s.qosMaxWalltime().get(q);
            if (real != null && !real.equals(max)) {
                differences.add(q + " " + slurm(real) + " (profile: " + slurm(max) + ")");
            }
        });
        p.limits().partitionQos().forEach((part, accepted) -> {
            List<String> real = s.partitionQos().get(part);
            if (real != null && !real.equals(accepted)) {
                differences.add(part + " accepts " + String.join(",", real) + " (profile: " + String.join(",", accepted) + ")");
            }
        });
        out.add(differences.isEmpty() ? new Result("QoS limits", Level.OK, "The profile's walltime limits and partition rules "
                + "match the cluster.") : new Result("QoS limits", Level.WARNING, "The cluster says: " + String.join("; ", differences)
                + ". Fill the profile from the cluster to use its values."));
        out.add(fairShare(c, monitor));
    }

    /** The user's fair-share per account ({@link FairShare}); never an error: it is information, not a requirement. */
    static Result fairShare(ClusterConnection c, IProgressMonitor monitor) {
        String part = "Fair-share";
        try {
            ExecResult r = c.execWithPrefix(FairShare.COMMAND, TIMEOUT, monitor);
            if (!r.succeeded()) {
                return new Result(part, Level.WARNING, "sshare failed (exit code " + r.exitCode() + "): '"
                        + SlurmValues.shortened(lastLines(r.stderr(), 2)) + "'.");
            }
            List<String> problems = new ArrayList<>();
            List<FairShare.Share> shares = FairShare.parse(r.stdout(), problems);
            if (shares.isEmpty()) {
                return new Result(part, Level.WARNING, "sshare listed no association for you" + (problems.isEmpty() ? "." : ": " + problems.get(0)));
            }
            return new Result(part, Level.OK, String.join("; ", shares.stream().map(FairShare.Share::describe).toList()) + ".");
        } catch (ClusterException e) {
            return new Result(part, Level.WARNING, e.getMessage());
        }
    }

    private static Result listed(String part, String what, List<String> wanted, List<String> there, String where) {
        if (wanted.isEmpty()) {
            return new Result(part, Level.OK, "The profile names no " + what + "; SLURM uses the default.");
        }
        if (there.isEmpty()) {
            return new Result(part, Level.WARNING, "The cluster did not list any " + what + " for you; not checked.");
        }
        List<String> missing = wanted.stream().filter(w -> !there.contains(w)).toList();
        if (missing.isEmpty()) {
            return new Result(part, Level.OK, String.join(", ", wanted) + ": all there.");
        }
        // only the default (the first, which a new job gets) stops every job; the others stop the jobs that pick them
        boolean defaultMissing = missing.contains(wanted.get(0));
        return new Result(part, defaultMissing ? Level.ERROR : Level.WARNING, "Not among what " + where + " ("
                + String.join(", ", there) + "): " + String.join(", ", missing) + (defaultMissing ? ", the profile's default" : "")
                + ". Jobs that ask for " + (missing.size() == 1 ? "it" : "them") + " are refused; remove "
                + (missing.size() == 1 ? "it" : "them") + " from the profile or fill it from the cluster.");
    }

    private static Result folder(ClusterConnection c, String part, String root, IProgressMonitor monitor) {
        String template = RemotePaths.join(root, ".namdrunner-check.XXXXXX");
        String cmd = ShellQuoting.command("mkdir", "-p", "--", root) + " && d=$(" + ShellQuoting.command("mktemp", "-d", template)
                + ") && rmdir -- \"$d\"";
        try {
            ExecResult r = c.exec(cmd, TIMEOUT, monitor);
            return r.succeeded() ? new Result(part, Level.OK, root + " is writable.")
                    : new Result(part, Level.ERROR, "Cannot create folders in " + root + ": '" + SlurmValues.shortened(r.stderr().strip())
                            + "'. Check the folder in the profile (it must exist or be creatable, and be yours).");
        } catch (ClusterException e) {
            return new Result(part, Level.ERROR, e.getMessage());
        }
    }

    private static Result transferHost(ClusterConnection c, ClusterProfile p, IProgressMonitor monitor) {
        String part = "Transfer host";
        if (p.transferHost().isEmpty()) {
            return new Result(part, Level.OK, "None set: uploads and downloads use the login host.");
        }
        Path local = null;
        String remote = RemotePaths.join(p.projectsRoot(), ".namdrunner-check-" + Long.toHexString(System.nanoTime()));
        try {
            local = Files.createTempFile("namdrunner-check", ".txt");
            Files.writeString(local, "NAMDRunner transfer check\n");
            c.upload(local, remote, monitor);
            c.exec(ShellQuoting.command("rm", "-f", "--", remote), TIMEOUT, monitor);
            return new Result(part, Level.OK, "Uploaded a small file through " + p.transferHost() + " into " + p.projectsRoot() + ".");
        } catch (ClusterException e) {
            return new Result(part, Level.ERROR, p.transferHost() + ": " + e.getMessage());
        } catch (IOException e) {
            return new Result(part, Level.ERROR, "Could not prepare the test file on this computer: " + e.getMessage());
        } finally {
            if (local != null) {
                try {
                    Files.deleteIfExists(local);
                } catch (IOException e) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    private static String lastLines(String text, int n) {
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return String.join(" / ", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static String slurm(Duration d) {
        return Resources.minimal().withWalltime(d).walltimeForSlurm();
    }
}
