package org.namdrunner.core.lifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ExecResult;
import org.namdrunner.core.cluster.RemotePaths;
import org.namdrunner.core.cluster.ShellQuoting;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.validation.InputRules;

/** Remote file work done with commands on the cluster itself (no data through this machine). */
final class RemoteFiles {

    private static final Duration COPY_TIMEOUT = Duration.ofMinutes(30);
    private static final Duration QUICK = Duration.ofMinutes(2);

    private RemoteFiles() {
    }

    /** Removes a folder when a step failed, keeping quiet: the original failure is what the person needs to see. */
    static void removeQuietly(ClusterConnection c, String dir) {
        try {
            c.removeTree(dir, dir, null);
        } catch (ClusterException | RuntimeException e) {
            // best effort
        }
    }

    /** Copies the contents of one remote folder into another (created if needed), on the cluster. */
    static void copyContents(ClusterConnection c, String from, String to, IProgressMonitor monitor) throws ClusterException {
        RemotePaths.checkAbsolute("from", from);
        RemotePaths.checkAbsolute("to", to);
        String cmd = ShellQuoting.command("mkdir", "-p", "--", to) + " && "
                + ShellQuoting.command("cp", "-a", "--", from + "/.", to + "/");
        check(c.exec(cmd, COPY_TIMEOUT, monitor), "copy " + from + " to " + to);
    }

    /** Copies the plain files at the top of {@code from} (what the job wrote) into {@code to}. */
    static void copyTopLevelFiles(ClusterConnection c, String from, String to, IProgressMonitor monitor) throws ClusterException {
        RemotePaths.checkAbsolute("from", from);
        RemotePaths.checkAbsolute("to", to);
        String cmd = ShellQuoting.command("mkdir", "-p", "--", to) + " && "
                + ShellQuoting.command("find", from, "-maxdepth", "1", "-type", "f", "-exec", "cp", "-p", "-t", to, "{}", "+");
        check(c.exec(cmd, COPY_TIMEOUT, monitor), "copy results from " + from);
    }

    /**
     * Copies the files at these relative paths from {@code from} to the same paths below {@code to}, creating
     * folders as needed; returns the paths that existed and were copied. Paths must pass the path rules.
     */
    static List<String> copyNamedFiles(ClusterConnection c, String from, String to, List<String> paths, IProgressMonitor monitor)
            throws ClusterException {
        RemotePaths.checkAbsolute("from", from);
        RemotePaths.checkAbsolute("to", to);
        if (paths.isEmpty()) {
            return List.of();
        }
        StringBuilder cmd = new StringBuilder();
        for (String path : paths) {
            String source = RemotePaths.join(from, path);
            String target = RemotePaths.join(to, path);
            String folder = target.substring(0, target.lastIndexOf('/'));
            cmd.append("if [ -f ").append(ShellQuoting.quote(source)).append(" ]; then ")
                    .append(ShellQuoting.command("mkdir", "-p", "--", folder)).append(" && ")
                    .append(ShellQuoting.command("cp", "-p", "--", source, target)).append(" && ")
                    .append(ShellQuoting.command("printf", "%s\\n", path)).append(" || exit 1; fi\n");
        }
        ExecResult r = c.exec(cmd.toString(), COPY_TIMEOUT, monitor);
        check(r, "copy result files from " + from);
        List<String> copied = new ArrayList<>();
        for (String line : r.stdout().split("\n")) {
            if (paths.contains(line)) {
                copied.add(line);
            }
        }
        return copied;
    }

    /** Which of these relative paths below {@code dir} are files (one light {@code test -f} per path, no copy). */
    static List<String> existing(ClusterConnection c, String dir, List<String> paths, IProgressMonitor monitor) throws ClusterException {
        RemotePaths.checkAbsolute("dir", dir);
        if (paths.isEmpty()) {
            return List.of();
        }
        StringBuilder cmd = new StringBuilder();
        for (String path : paths) {
            cmd.append("if [ -f ").append(ShellQuoting.quote(RemotePaths.join(dir, path))).append(" ]; then ")
                    .append(ShellQuoting.command("printf", "%s\\n", path)).append("; fi\n");
        }
        ExecResult r = c.exec(cmd.toString(), QUICK, monitor);
        check(r, "look for result files in " + dir);
        List<String> found = new ArrayList<>();
        for (String line : r.stdout().split("\n")) {
            if (paths.contains(line)) {
                found.add(line);
            }
        }
        return found;
    }

    /** Names of the plain files in a remote folder that pass the path rules; others are skipped. */
    static List<String> listFiles(ClusterConnection c, String dir, IProgressMonitor monitor) throws ClusterException {
        RemotePaths.checkAbsolute("dir", dir);
        ExecResult r = c.exec(ShellQuoting.command("find", dir, "-maxdepth", "1", "-type", "f", "-printf", "%f\\n"), QUICK, monitor);
        check(r, "list " + dir);
        List<String> names = new ArrayList<>();
        for (String line : r.stdout().split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            try {
                names.add(InputRules.checkRelativePath(line));
            } catch (InvalidInputException e) {
                // a file name we would not accept from a person is not offered as a result either
            }
        }
        names.sort(null);
        return names;
    }

    /** Paths of files with this name below {@code root}, at most {@code depth} levels down. */
    static List<String> find(ClusterConnection c, String root, String name, int depth, IProgressMonitor monitor) throws ClusterException {
        RemotePaths.checkAbsolute("root", root);
        String cmd = ShellQuoting.command("find", root, "-maxdepth", Integer.toString(depth), "-type", "f", "-name", name);
        ExecResult r = c.exec(cmd + " 2>/dev/null; true", QUICK, monitor);
        List<String> paths = new ArrayList<>();
        for (String line : r.stdout().split("\n")) {
            if (!line.isBlank()) {
                paths.add(line.strip());
            }
        }
        return paths;
    }

    static void check(ExecResult r, String what) throws ClusterException {
        if (!r.succeeded()) {
            String err = r.stderr().isBlank() ? r.stdout() : r.stderr();
            throw ClusterException.permanent("Could not " + what + " on the cluster: " + err.strip());
        }
    }
}
