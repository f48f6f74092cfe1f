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
 * The one place where a log is read from the cluster in pieces: each read is one {@code sh -c} over the open session
 * that asks {@code stat} for the file's size and inode and then prints byte ranges of it with {@code head -c} and
 * {@code tail -c +N} or {@code dd skip=} (which seek; nothing before the range is sent). The path is checked and quoted, every number is
 * one this class computed. The ranges go through {@code tr} so that the text is plain ASCII (any other byte becomes
 * {@code ?}, one byte for one) and a character count is a byte count; ranges are separated by an ASCII RS byte.
 */
final class RemoteLogReads {

    static final char SEPARATOR = '\036';
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String STAT = "export LC_ALL=C; f=%s; st=$(stat -L -c '%%s %%i' -- \"$f\") || exit 3; set -- $st; s=$1; ";
    private static final String ASCII = " | tr -c '\\11\\12\\15\\40-\\176' '?'";

    /** What one read printed: the file's size and inode then, where the ranges start, and their text. */
    record Ranges(long size, String inode, List<Long> starts, List<String> texts, long bytes) {
    }

    private RemoteLogReads() {
    }

    /**
     * The head {@code [0, a)} with {@code a = min(size, head)}, then {@code samples} windows of {@code window} bytes
     * spread evenly over the middle, then the tail {@code [b, size)} with {@code b = max(a, size - tail)}. A middle
     * of at most {@code full} bytes is read whole instead (tail starts at {@code a}, no samples).
     */
    static Ranges open(ClusterConnection c, String path, long head, long tail, long full, int samples, long window,
            IProgressMonitor monitor) throws ClusterException {
        String script = String.format(STAT, quotedPath(path))
                + "a=$((s<%d?s:%d)); b=$((s-%d>a?s-%d:a)); if [ $((b-a)) -le %d ]; then b=$a; n=0; else n=%d; fi; "
                        .formatted(head, head, tail, tail, full, samples)
                + "o=''; k=1; while [ $k -le $n ]; do o=\"$o $((a+(b-a)/(n+1)*k))\"; k=$((k+1)); done; "
                + "echo \"$s $2 0$o $b\"; head -c $a -- \"$f\"" + ASCII + "; printf '\\036'; "
                + "for x in $o; do dd if=\"$f\" iflag=skip_bytes,count_bytes skip=$x count=" + window + " status=none" + ASCII
                + "; printf '\\036'; done; "
                + "tail -c +$((b+1)) -- \"$f\" | head -c $((s-b))" + ASCII;
        return run(c, path, script, monitor);
    }

    /**
     * From {@code offset - overlap} to the end as the file is now (the overlap lets the caller check that the bytes it
     * read before are still there); when more than {@code max} bytes were appended, only the last {@code tail} bytes
     * (the answer's one start then lies past {@code offset}). Nothing when the file is now shorter than
     * {@code offset} (truncated: the caller starts again).
     */
    static Ranges follow(ClusterConnection c, String path, long offset, long overlap, long max, long tail,
            IProgressMonitor monitor) throws ClusterException {
        String script = String.format(STAT, quotedPath(path))
                + "o=%d; if [ $s -lt $o ]; then echo \"$s $2\"; exit 0; fi; b=$((o-%d)); if [ $((s-o)) -gt %d ]; then b=$((s-%d)); fi; "
                        .formatted(offset, Math.min(offset, overlap), max, tail)
                + "echo \"$s $2 $b\"; tail -c +$((b+1)) -- \"$f\" | head -c $((s-b))" + ASCII;
        return run(c, path, script, monitor);
    }

    private static String quotedPath(String path) {
        return ShellQuoting.quote(RemotePaths.checkAbsolute("log path", path));
    }

    private static Ranges run(ClusterConnection c, String path, String script, IProgressMonitor monitor) throws ClusterException {
        ExecResult r = c.exec(ShellQuoting.command("sh", "-c", script), TIMEOUT, monitor);
        String out = r.stdout();
        int eol = out.indexOf('\n');
        if (!r.succeeded() || eol < 0) {
            String why = r.stderr().strip();
            throw ClusterException.permanent("The log " + path + " could not be read" + (why.isEmpty() ? "" : ": " + why));
        }
        String[] head = out.substring(0, eol).trim().split(" ");
        long size;
        List<Long> starts = new ArrayList<>();
        try {
            size = Long.parseLong(head[0]);
            for (int i = 2; i < head.length; i++) {
                starts.add(Long.parseLong(head[i]));
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw ClusterException.permanent("The log " + path + " could not be read: stat printed \"" + out.substring(0, eol) + "\"");
        }
        List<String> texts = new ArrayList<>();
        if (!starts.isEmpty()) {
            int from = eol + 1;
            for (int i = from; i <= out.length(); i++) {
                if (i == out.length() || out.charAt(i) == SEPARATOR) {
                    texts.add(out.substring(from, i));
                    from = i + 1;
                }
            }
        }
        if (texts.size() != starts.size()) {
            throw ClusterException.transientFailure("The log " + path + " changed while it was read (" + texts.size() + " of "
                    + starts.size() + " pieces arrived); the next refresh reads it again", null);
        }
        return new Ranges(size, head.length > 1 ? head[1] : "", starts, texts, out.length());
    }
}
