package org.namdrunner.ssh.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import org.namdrunner.core.validation.InputRules;

/**
 * SFTP transfers of files and folders. Each file is written under {@code <name>.part} and renamed when
 * complete, so a cancelled or broken transfer never leaves a partial file under the final name; the .part
 * file of a cancelled transfer is removed.
 */
final class Transfers {

    private Transfers() {
    }

    /** Reports bytes to an Eclipse progress monitor and stops the transfer when it is cancelled. */
    static final class Progress implements SftpProgressMonitor {
        private final IProgressMonitor monitor;
        private final SubMonitor sub;
        private boolean cancelled;

        Progress(IProgressMonitor monitor, String task, long totalBytes) {
            this.monitor = monitor == null ? new NullProgressMonitor() : monitor;
            this.sub = SubMonitor.convert(this.monitor, task, (int) Math.min(Integer.MAX_VALUE, Math.max(1, totalBytes / 1024)));
        }

        private long carry;

        @Override
        public void init(int op, String src, String dest, long max) {
            sub.subTask(dest);
        }

        @Override
        public boolean count(long bytes) {
            carry += bytes;
            if (carry >= 1024) {
                sub.worked((int) (carry / 1024));
                carry %= 1024;
            }
            cancelled = monitor.isCanceled();
            return !cancelled;
        }

        @Override
        public void end() {
        }

        boolean cancelled() {
            return cancelled || monitor.isCanceled();
        }
    }

    static long size(Path local) throws ClusterException {
        try (Stream<Path> walk = Files.walk(local)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw ClusterException.permanent("Cannot read " + local + ": " + e.getMessage());
        }
    }

    static long remoteSize(ChannelSftp sftp, String path) throws SftpException {
        SftpATTRS a = sftp.stat(path);
        if (!a.isDir()) {
            return a.getSize();
        }
        long total = 0;
        for (ChannelSftp.LsEntry e : SshConnection.list(sftp, path)) {
            if (!e.getFilename().equals(".") && !e.getFilename().equals("..")) {
                total += remoteSize(sftp, path + "/" + e.getFilename());
            }
        }
        return total;
    }

    static void upload(ChannelSftp sftp, Path local, String remote, Progress progress) throws SftpException, IOException, ClusterException {
        if (Files.isDirectory(local)) {
            mkdir(sftp, remote);
            try (Stream<Path> children = Files.list(local)) {
                for (Path child : children.sorted().toList()) {
                    String name = InputRules.checkRelativePath(child.getFileName().toString());
                    upload(sftp, child, RemotePaths.join(remote, name), progress);
                }
            }
            return;
        }
        String part = remote + ".part";
        try {
            sftp.put(local.toString(), part, progress, ChannelSftp.OVERWRITE);
        } catch (SftpException e) {
            removeQuietly(sftp, part);
            if (progress.cancelled()) {
                throw ClusterException.cancelled();
            }
            throw e;
        }
        if (progress.cancelled()) {
            removeQuietly(sftp, part);
            throw ClusterException.cancelled();
        }
        replace(sftp, part, remote);
    }

    static void download(ChannelSftp sftp, String remote, Path local, Progress progress) throws SftpException, IOException, ClusterException {
        if (SshConnection.isDirectory(sftp, remote)) {
            Files.createDirectories(local);
            List<ChannelSftp.LsEntry> entries = SshConnection.list(sftp, remote).stream()
                    .filter(e -> !e.getFilename().equals(".") && !e.getFilename().equals("..")).toList();
            for (ChannelSftp.LsEntry e : entries) {
                String name = InputRules.checkRelativePath(e.getFilename());
                download(sftp, remote + "/" + name, local.resolve(name), progress);
            }
            return;
        }
        Path parent = local.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path part = local.resolveSibling(local.getFileName() + ".part");
        try {
            sftp.get(remote, part.toString(), progress);
        } catch (SftpException e) {
            Files.deleteIfExists(part);
            if (progress.cancelled()) {
                throw ClusterException.cancelled();
            }
            throw e;
        }
        if (progress.cancelled()) {
            Files.deleteIfExists(part);
            throw ClusterException.cancelled();
        }
        SshConnection.move(part, local);
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

    private static void removeQuietly(ChannelSftp sftp, String path) {
        try {
            sftp.rm(path);
        } catch (SftpException e) {
            // nothing there
        }
    }
}
