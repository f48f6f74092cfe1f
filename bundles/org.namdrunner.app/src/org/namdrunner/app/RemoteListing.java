package org.namdrunner.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ExecResult;
import org.namdrunner.core.cluster.RemotePaths;
import org.namdrunner.core.cluster.ShellQuoting;

/**
 * The files under a job's folder on the cluster with their sizes, from one {@code find}. Which session it may use
 * is the caller's: {@link ClusterReads#listFolder} applies the one background rule.
 */
public final class RemoteListing {

    /** A file relative to the job's folder. */
    public record RemoteFile(String path, long size) {
    }

    private static final int MAX_FILES = 5000;

    private RemoteListing() {
    }

    public static List<RemoteFile> list(ClusterConnection c, String dir, IProgressMonitor monitor) throws ClusterException {
        RemotePaths.checkAbsolute("dir", dir);
        String cmd = ShellQuoting.command("find", dir, "-type", "f", "-printf", "%P\\t%s\\n") + " | "
                + ShellQuoting.command("head", "-n", Integer.toString(MAX_FILES));
        ExecResult r = c.exec(cmd, Duration.ofMinutes(2), monitor);
        if (!r.succeeded() && r.stdout().isEmpty()) {
            throw ClusterException.permanent("Could not list " + dir + " on the cluster: " + r.stderr().strip());
        }
        return parse(r.stdout());
    }

    public static List<RemoteFile> parse(String out) {
        List<RemoteFile> files = new ArrayList<>();
        for (String line : out.split("\n")) {
            int tab = line.lastIndexOf('\t');
            if (tab <= 0) {
                continue;
            }
            try {
                files.add(new RemoteFile(line.substring(0, tab), Long.parseLong(line.substring(tab + 1).strip())));
            } catch (NumberFormatException e) {
                // a line we cannot read is left out of the listing
            }
        }
        files.sort((a, b) -> a.path().compareTo(b.path()));
        return files;
    }

    /** "1.4 MB". */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = { "KB", "MB", "GB", "TB" };
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
    }
}
