package org.namdrunner.core.lifecycle;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    /**
     * The files directly in {@code dir}, each with its last modification time on the cluster ({@code find -printf %T@},
     * to the nanosecond where the file system keeps it), sorted by name; names the path rules refuse are left out.
     */
    static Map<String, Instant> listModified(ClusterConnection c, String dir, IProgressMonitor monitor) throws ClusterException {
        RemotePaths.checkAbsolute("dir", dir);
        ExecResult r = c.exec(ShellQuoting.command("find", dir, "-maxdepth", "1", "-type", "f", "-printf", "%T@ %f\\n"), QUICK, monitor);
        check(r, "list " + dir);
        Map<String, Instant> files = new TreeMap<>();
        for (String line : r.stdout().split("\n")) {
            int space = line.indexOf(' ');
            if (space < 0) {
                continue;
            }
            try {
                files.put(InputRules.checkRelativePath(line.substring(space + 1)), epochTime(line.substring(0, space)));
            } catch (InvalidInputException | NumberFormatException | DateTimeException e) {
                // a name we would not accept from a person, or a time find did not print as seconds, is left out
            }
        }
        return files;
    }

    /** {@code 1764689373.147889263} (GNU find's %T@) as an instant, without the rounding of a double. */
    static Instant epochTime(String text) {
        int dot = text.indexOf('.');
        long seconds = Long.parseLong(dot < 0 ? text : text.substring(0, dot));
        String fraction = dot < 0 ? "" : text.substring(dot + 1);
        if (!fraction.chars().allMatch(Character::isDigit)) {
            throw new NumberFormatException("not a fraction of a second: " + text);
        }
        String nanos = (fraction + "000000000").substring(0, 9);
        return Instant.ofEpochSecond(seconds, Long.parseLong(nanos));
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
