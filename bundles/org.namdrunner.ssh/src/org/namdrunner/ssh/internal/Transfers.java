package org.namdrunner.ssh.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Vector;
import java.util.stream.Stream;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.SftpATTRS;
import com.jcraft.jsch.SftpException;
import com.jcraft.jsch.SftpProgressMonitor;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.RemotePaths;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.validation.InputRules;

/**
 * SFTP transfers of files and folders. Each file is written as {@code <name>.part} and renamed when
 * complete, so a cancelled or broken transfer never leaves a partial file under the final name; the .part
 * file of a cancelled transfer is removed. A download broken by the network keeps its local .part file (and
 * what it was a copy of, {@link PartialDownload}), so the next attempt — also after a restart of the app —
 * asks the server only for the rest (an SFTP read from that offset); a {@link Verifier} checks the result. Inside folders, symbolic links to files are copied as files and links to folders are
 * skipped, so a transfer never wanders out of the tree it was given or loops.
 */
final class Transfers {

    private Transfers() {
    }

    /**
     * Reports bytes to an Eclipse progress monitor (in KiB ticks) with the rate and the time left, counts the bytes
     * that really crossed the network, and stops the transfer when it is cancelled.
     */
    static final class Progress implements SftpProgressMonitor {
        private static final long REPORT_NANOS = 500_000_000L;
        private final IProgressMonitor monitor;
        private final SubMonitor sub;
        private final int ticks;
        private final long totalBytes;
        private final String task;
        private long carry;
        private long done;
        private long moved;
        private long windowStart = System.nanoTime();
        private long windowBytes;
        private double rate;
        private String current = "";
        private volatile boolean cancelled;

        Progress(IProgressMonitor monitor, String task, long totalBytes) {
            this.monitor = monitor == null ? new NullProgressMonitor() : monitor;
            this.task = task;
            this.totalBytes = Math.max(0, totalBytes);
            this.ticks = (int) Math.min(Integer.MAX_VALUE, Math.max(1, totalBytes / 1024));
            this.sub = SubMonitor.convert(this.monitor, task, ticks);
        }

        /** Before a retry: the rest of the bar stands for the whole transfer again. */
        void restart() {
            carry = 0;
            done = 0;
            sub.setWorkRemaining(ticks);
        }

        /** Bytes already here from an earlier attempt: shown as done, not counted as moved. */
        void skip(long bytes) {
            if (bytes > 0) {
                done += bytes;
                sub.worked((int) Math.min(Integer.MAX_VALUE, bytes / 1024));
            }
        }

        /** Bytes that crossed the network through this progress, over all attempts. */
        long moved() {
            return moved;
        }

        @Override
        public void init(int op, String src, String dest, long max) {
            current = dest;
            sub.subTask(dest);
        }

        @Override
        public boolean count(long bytes) {
            carry += bytes;
            moved += bytes;
            done += bytes;
            windowBytes += bytes;
            if (carry >= 1024) {
                sub.worked((int) (carry / 1024));
                carry %= 1024;
            }
            long now = System.nanoTime();
            if (now - windowStart >= REPORT_NANOS) {
                double r = windowBytes / ((now - windowStart) / 1e9);
                rate = rate == 0 ? r : 0.7 * rate + 0.3 * r;
                windowStart = now;
                windowBytes = 0;
                sub.subTask(TransferRate.describe(current, done, totalBytes, rate));
            }
            cancelled = monitor.isCanceled();
            return !cancelled;
        }

        @Override
        public void end() {
        }

        void done() {
            sub.done();
        }

        boolean cancelled() {
            return cancelled || monitor.isCanceled();
        }

        String task() {
            return task;
        }
    }

    static long localSize(Path local) throws ClusterException {
        try (Stream<Path> walk = Files.walk(local)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException | RuntimeException e) {
            throw ClusterException.permanent("Cannot read " + local + ": " + e.getMessage());
        }
    }

    static long remoteSize(ChannelSftp sftp, String path) throws SftpException, ClusterException {
        SftpATTRS a = sftp.stat(path);
        if (!a.isDir()) {
            return a.getSize();
        }
        long total = 0;
        for (ChannelSftp.LsEntry e : entries(sftp, path)) {
            String child = path + "/" + checkedName(e.getFilename(), path);
            SftpATTRS attrs = followFileLink(sftp, child, e.getAttrs());
            if (attrs == null) {
                continue;
            }
            total += attrs.isDir() ? remoteSize(sftp, child) : attrs.getSize();
        }
        return total;
    }

    static void upload(ChannelSftp sftp, Path local, String remote, Progress progress) throws SftpException, ClusterException {
        if (progress.cancelled()) {
            throw ClusterException.cancelled();
        }
        if (Files.isDirectory(local)) {
            mkdir(sftp, remote);
            List<Path> children = local(local, () -> {
                try (Stream<Path> list = Files.list(local)) {
                    return list.sorted().toList();
                }
            });
            for (Path child : children) {
                if (Files.isSymbolicLink(child) && Files.isDirectory(child)) {
                    continue;
                }
                upload(sftp, child, RemotePaths.join(remote, checkedName(child.getFileName().toString(), local.toString())), progress);
            }
            return;
        }
        String part = remote + ".part";
        LocalIn in = new LocalIn(local(local, () -> Files.newInputStream(local)));
        try {
            sftp.put(in, part, progress, ChannelSftp.OVERWRITE);
        } catch (SftpException e) {
            if (progress.cancelled()) {
                removeQuietly(sftp, part);
                throw ClusterException.cancelled();
            }
            if (in.failure != null) {
                removeQuietly(sftp, part);
                throw ClusterException.permanent("Cannot read " + local + ": " + in.failure.getMessage());
            }
            throw e;
        } finally {
            local(local, () -> {
                in.close();
                return null;
            });
        }
        if (progress.cancelled()) {
            removeQuietly(sftp, part);
            throw ClusterException.cancelled();
        }
        replace(sftp, part, remote);
    }

    /** Checks a finished file before it takes its final name (the cluster's checksum); throws when it does not match. */
    interface Verifier {
        void verify(String remote, Path part, long size, boolean resumed) throws ClusterException;
    }

    static void download(ChannelSftp sftp, String remote, Path local, Progress progress, Verifier verifier)
            throws SftpException, ClusterException {
        if (progress.cancelled()) {
            throw ClusterException.cancelled();
        }
        SftpATTRS attrs = sftp.stat(remote);
        if (attrs.isDir()) {
            local(local, () -> Files.createDirectories(local));
            for (ChannelSftp.LsEntry e : entries(sftp, remote)) {
                String name = checkedName(e.getFilename(), remote);
                String child = remote + "/" + name;
                SftpATTRS childAttrs = followFileLink(sftp, child, e.getAttrs());
                if (childAttrs != null) {
                    download(sftp, child, local.resolve(name), progress, verifier);
                }
            }
            return;
        }
        Path parent = local.toAbsolutePath().getParent();
        if (parent != null) {
            local(parent, () -> Files.createDirectories(parent));
        }
        Path part = local.resolveSibling(local.getFileName() + ".part");
        PartialDownload kept = PartialDownload.of(part, remote, attrs);
        long offset = kept.resumableOffset();
        progress.skip(offset);
        progress.init(SftpProgressMonitor.GET, remote, local.getFileName().toString(), attrs.getSize());
        LocalOut out = new LocalOut(local(part, () -> offset > 0
                ? Files.newOutputStream(part, StandardOpenOption.WRITE, StandardOpenOption.APPEND)
                : Files.newOutputStream(part)));
        kept.record();
        // read from the offset and count here: JSch's own resume reports the skipped bytes as received
        try (out; InputStream in = sftp.get(remote, null, offset)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
                if (!progress.count(n)) {
                    break;
                }
            }
        } catch (SftpException | IOException e) {
            if (progress.cancelled()) {
                kept.discard();
                throw ClusterException.cancelled();
            }
            if (out.failure != null) {
                kept.discard();
                throw ClusterException.permanent("Cannot write " + part + ": " + out.failure.getMessage());
            }
            // the network: the .part file stays, the next attempt (or the next start of the app) goes on from its end
            throw e instanceof SftpException se ? se
                    : new SftpException(ChannelSftp.SSH_FX_CONNECTION_LOST, "the connection was lost during the download", e);
        }
        if (progress.cancelled()) {
            kept.discard();
            throw ClusterException.cancelled();
        }
        try {
            verifier.verify(remote, part, attrs.getSize(), offset > 0);
        } catch (ClusterException e) {
            if (!e.isTransient()) {
                kept.discard(); // a checksum that differs: the next attempt starts over
            }
            throw e;
        }
        local(local, () -> Files.move(part, local, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE));
        kept.forget();
    }

    /** Local file work: its failures are this computer's (disk full, no permission) and PERMANENT. */
    private interface LocalWork<T> {
        T run() throws IOException;
    }

    private static <T> T local(Path path, LocalWork<T> work) throws ClusterException {
        try {
            return work.run();
        } catch (IOException e) {
            throw ClusterException.permanent("Cannot use the local file " + path + ": " + e);
        }
    }

    /** A local input stream that remembers its own failure, so it is not mistaken for a network one. */
    private static final class LocalIn extends java.io.FilterInputStream {
        IOException failure;

        LocalIn(java.io.InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }
    }

    /** A local output stream that remembers its own failure (e.g. a full disk). */
    private static final class LocalOut extends java.io.FilterOutputStream {
        IOException failure;

        LocalOut(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
                throw e;
            }
        }
    }

    /** Renames a finished .part file over the final name (removing an older file of that name first). */
    static void replace(ChannelSftp sftp, String part, String target) throws SftpException {
        try {
            sftp.rename(part, target);
        } catch (SftpException e) {
            // SFTP v3 servers refuse to rename over an existing file
            removeQuietly(sftp, target);
            sftp.rename(part, target);
        }
    }

    /** The entries of a remote folder without "." and "..". */
    @SuppressWarnings("unchecked")
    private static List<ChannelSftp.LsEntry> entries(ChannelSftp sftp, String dir) throws SftpException {
        Vector<ChannelSftp.LsEntry> all = sftp.ls(dir);
        return all.stream().filter(e -> !e.getFilename().equals(".") && !e.getFilename().equals("..")).sorted().toList();
    }

    /** The attributes to copy by: a link to a file counts as that file; a link to a folder or nowhere, as nothing (null). */
    private static SftpATTRS followFileLink(ChannelSftp sftp, String path, SftpATTRS lstat) throws SftpException {
        if (!lstat.isLink()) {
            return lstat;
        }
        try {
            SftpATTRS target = sftp.stat(path);
            return target.isDir() ? null : target;
        } catch (SftpException e) {
            if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                return null; // a dangling link
            }
            throw e;
        }
    }

    /** A file name that may become a local or remote path segment; anything else stops the transfer, naming it. */
    private static String checkedName(String name, String folder) throws ClusterException {
        try {
            return InputRules.checkRelativePath(name);
        } catch (InvalidInputException e) {
            throw ClusterException.permanent("Cannot transfer '" + InputRules.printable(name) + "' in " + folder
                    + ": " + e.getMessage() + " Rename it and try again.");
        }
    }

    private static void mkdir(ChannelSftp sftp, String dir) throws SftpException {
        try {
            if (sftp.stat(dir).isDir()) {
                return;
            }
        } catch (SftpException e) {
            if (e.id != ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                throw e;
            }
        }
        sftp.mkdir(dir);
    }

    static void removeQuietly(ChannelSftp sftp, String path) {
        try {
            sftp.rm(path);
        } catch (SftpException e) {
            // nothing there, or the connection is gone (then the next attempt overwrites the .part file)
        }
    }
}
