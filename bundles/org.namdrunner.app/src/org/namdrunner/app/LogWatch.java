package org.namdrunner.app;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.jobtype.LogFollower;
import org.namdrunner.core.jobtype.SampledSeries;

/**
 * Follows one job's log on the cluster without ever downloading it whole: the first read takes the head (where NAMD
 * writes the totals), the tail and, when plots are wanted, small windows spread over the middle; every later read
 * takes only the bytes appended since (from the offset of the last whole line, so a half-written last line is read
 * again). A log that became shorter, was replaced (another inode) or whose bytes before the offset changed is read
 * again from its head. Thread-safe: reads of one log are serialized.
 */
public final class LogWatch {

    static final long HEAD = 256 * 1024;
    static final long TAIL = 64 * 1024;
    /** A middle up to this size is read whole rather than sampled. */
    static final long FULL = 1024 * 1024;
    /** More appended than this since the last read: only the last {@link #TAIL} bytes are read. */
    static final long MAX_APPEND = 4 * 1024 * 1024;
    /** Windows over the middle for the plots: each costs a dd and a tr on the cluster (~3 ms), so few and wide. */
    static final int SAMPLES = 64;
    static final long WINDOW = 4096;
    static final int OVERLAP = 64;
    static final int TEXT_KEEP = 64 * 1024;

    private final String path;
    private final Supplier<LogFollower> followers;
    private LogFollower follower;
    private boolean sampled;
    private long offset;
    private long size;
    private String inode = "";
    private String lastBytes = "";
    private long bytesRead;
    private int restarts;
    private final StringBuilder text = new StringBuilder();

    public LogWatch(String path, Supplier<LogFollower> followers) {
        this.path = path;
        this.followers = followers;
    }

    public String path() {
        return path;
    }

    /**
     * Reads what is new in the log (see the class comment) over {@code connection}, which must be open or allowed to
     * log in: the caller decides that (background refreshes pass only an open connection).
     *
     * @param plots whether the middle of a long log is sampled for the plots (the Log page); progress alone needs none
     */
    public synchronized LogView refresh(ClusterConnection connection, boolean plots, IProgressMonitor monitor) throws ClusterException {
        if (follower == null || (plots && !sampled)) {
            open(connection, plots, monitor);
        } else if (!follow(connection, monitor)) {
            restarts++;
            open(connection, plots || sampled, monitor);
        }
        return view();
    }

    /** The last view without reading anything; null before the first read. */
    public synchronized LogView last() {
        return follower == null ? null : view();
    }

    private void open(ClusterConnection c, boolean plots, IProgressMonitor monitor) throws ClusterException {
        RemoteLogReads.Ranges r = RemoteLogReads.open(c, path, HEAD, TAIL, FULL, plots ? SAMPLES : 0, WINDOW, monitor);
        bytesRead += r.bytes();
        follower = followers.get();
        sampled = plots;
        text.setLength(0);
        lastBytes = "";
        size = r.size();
        inode = r.inode();
        List<String> texts = r.texts();
        String head = texts.get(0);
        long tailStart = r.starts().get(r.starts().size() - 1);
        String tail = texts.get(texts.size() - 1);
        if (texts.size() == 2 && tailStart == head.length()) {
            offset = consume(head + tail, 0, false);
            return;
        }
        int headEnd = head.lastIndexOf('\n') + 1;
        follower.lines(head.substring(0, headEnd));
        for (int i = 1; i < texts.size() - 1; i++) {
            follower.skipped();
            String w = texts.get(i);
            int from = w.indexOf('\n') + 1;
            int to = w.lastIndexOf('\n') + 1;
            if (from > 0 && to > from) {
                follower.lines(w.substring(from, to));
            }
        }
        follower.skipped();
        offset = consume(tail, tailStart, true);
    }

    /** False when the log must be read again from its head. */
    private boolean follow(ClusterConnection c, IProgressMonitor monitor) throws ClusterException {
        RemoteLogReads.Ranges r = RemoteLogReads.follow(c, path, offset, OVERLAP, MAX_APPEND, TAIL, monitor);
        bytesRead += r.bytes();
        if (r.starts().isEmpty() || !r.inode().equals(inode)) {
            return false;
        }
        long start = r.starts().get(0);
        String t = r.texts().get(0);
        size = r.size();
        if (start > offset) {
            follower.skipped();
            text.setLength(0);
            offset = consume(t, start, true);
            return true;
        }
        int overlap = (int) (offset - start);
        int k = Math.min(overlap, lastBytes.length());
        if (t.length() < overlap || !t.substring(overlap - k, overlap).equals(lastBytes.substring(lastBytes.length() - k))) {
            return false;
        }
        offset = consume(t.substring(overlap), offset, false);
        return true;
    }

    /** Feeds the whole lines of {@code t} (which starts at byte {@code start}) and returns the offset after them. */
    private long consume(String t, long start, boolean dropFirstPartial) {
        int from = 0;
        if (dropFirstPartial && start > 0) {
            int nl = t.indexOf('\n');
            from = nl < 0 ? t.length() : nl + 1;
        }
        int to = t.lastIndexOf('\n') + 1;
        if (to <= from) {
            return start + from;
        }
        String lines = t.substring(from, to);
        follower.lines(lines);
        text.append(lines);
        if (text.length() > 2 * TEXT_KEEP) {
            int cut = text.indexOf("\n", text.length() - TEXT_KEEP) + 1;
            text.delete(0, cut > 0 ? cut : text.length() - TEXT_KEEP);
        }
        String joined = lastBytes + lines;
        lastBytes = joined.substring(Math.max(0, joined.length() - OVERLAP));
        return start + to;
    }

    private LogView view() {
        List<LogView.Series> series = new ArrayList<>();
        for (SampledSeries s : follower.series()) {
            series.add(new LogView.Series(s.name(), s.steps(), s.values()));
        }
        String shown = text.length() > TEXT_KEEP ? text.substring(text.indexOf("\n", text.length() - TEXT_KEEP) + 1) : text.toString();
        return new LogView(follower.summary(), shown, series, size, bytesRead, restarts);
    }

    /** Bytes sent over the connection for this log since it was first read. */
    public synchronized long bytesRead() {
        return bytesRead;
    }
}
