package org.namdrunner.ssh.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpATTRS;
import com.jcraft.jsch.SftpException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.CredentialPrompter;
import org.namdrunner.core.cluster.ExecResult;
import org.namdrunner.core.cluster.LoginShell;
import org.namdrunner.core.cluster.RemoteChunk;
import org.namdrunner.core.cluster.RemotePaths;
import org.namdrunner.core.cluster.RetryPolicy;
import org.namdrunner.core.cluster.ShellQuoting;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.ssh.SshSettings;

/**
 * The connection to one cluster: one JSch session to the login host for commands and small files, and —
 * only when the profile names a different transfer host — one more to that host for bulk upload/download.
 * <p>
 * Retries (the settings' {@link RetryPolicy}): a login failing TRANSIENT is retried before anything runs;
 * operations that are safe to repeat (upload, download, writeFile, readFile, mkdirs, removeTree) are retried
 * whole; a command passed to {@link #exec} is never repeated once it was sent, because it may not be safe to
 * run twice (sbatch) — the caller decides.
 */
public final class SshConnection implements ClusterConnection {

    private final ClusterProfile profile;
    private final SshSettings settings;
    private final SessionHolder login;
    private final ReentrantLock shellLock = new ReentrantLock();
    private volatile PrefixedShell shell;
    private volatile Session shellRefused;
    private final SessionHolder transfer;

    public SshConnection(ClusterProfile profile, CredentialPrompter prompter, SshSettings settings) {
        this.profile = Objects.requireNonNull(profile);
        this.settings = Objects.requireNonNull(settings);
        this.login = new SessionHolder(profile, profile.host(), prompter, settings);
        this.transfer = profile.effectiveTransferHost().equals(profile.host()) ? login
                : new SessionHolder(profile, profile.effectiveTransferHost(), prompter, settings);
    }

    @Override
    public ClusterProfile profile() {
        return profile;
    }

    /** How many logins this connection has made, over all its hosts (one session serves many calls). */
    public int logins() {
        return login.logins() + (transfer == login ? 0 : transfer.logins());
    }

    private static IProgressMonitor orNull(IProgressMonitor m) {
        return m == null ? new NullProgressMonitor() : m;
    }

    private <T> T repeatable(IProgressMonitor monitor, RetryPolicy.Attempt<T> attempt) throws ClusterException {
        return settings.retryPolicy().run(attempt, monitor);
    }

    @Override
    public ExecResult exec(String commandLine, Duration timeout, IProgressMonitor monitor) throws ClusterException {
        Objects.requireNonNull(commandLine, "commandLine");
        Objects.requireNonNull(timeout, "timeout");
        if (commandLine.indexOf('\0') >= 0) {
            throw new InvalidInputException("command", "A command sent to the cluster contains a NUL character.");
        }
        IProgressMonitor m = orNull(monitor);
        if (m.isCanceled()) {
            throw ClusterException.cancelled();
        }
        Session s = login.get(m);
        return ExecChannel.run(login, s, commandLine, timeout, m);
    }

    /**
     * With a prefix, runs the command in this connection's one long-lived login shell ({@link PrefixedShell}), which
     * ran the prefix once; without a prefix, while that shell is busy with another caller's command, or when it
     * cannot be opened (the prefix fails), as one exec of {@link LoginShell#commandLine}.
     */
    @Override
    public ExecResult execWithPrefix(String command, Duration timeout, IProgressMonitor monitor) throws ClusterException {
        String prefix = profile.commandPrefix();
        String line = LoginShell.commandLine(prefix, command);
        if (prefix.isEmpty() || command.indexOf('\0') >= 0 || !shellLock.tryLock()) {
            return LoginShell.commandOutput(exec(line, timeout, monitor));
        }
        try {
            IProgressMonitor m = orNull(monitor);
            if (m.isCanceled()) {
                throw ClusterException.cancelled();
            }
            Session s = login.get(m);
            if (shell == null || !shell.isOpen() || shell.session() != s) {
                closeShell();
                if (shellRefused == s) {
                    return LoginShell.commandOutput(exec(line, timeout, m));
                }
                try {
                    shell = PrefixedShell.open(s, prefix, timeout);
                } catch (JSchException | IOException e) {
                    shell = null;
                }
                if (shell == null) {
                    shellRefused = s; // the prefix fails in a shell: every command shows why, one by one
                    return LoginShell.commandOutput(exec(line, timeout, m));
                }
            }
            try {
                return shell.run(line, command, timeout, m, login.destination());
            } catch (IOException e) {
                closeShell(); // the shell ended (e.g. the login node's watchdog): this command was not run, run it alone
                return LoginShell.commandOutput(exec(line, timeout, m));
            }
        } finally {
            shellLock.unlock();
        }
    }

    private void closeShell() {
        if (shell != null) {
            shell.close();
            shell = null;
        }
    }

    private interface SftpWork<T> {
        T run(ChannelSftp sftp) throws SftpException, IOException, ClusterException;
    }

    private <T> T sftp(SessionHolder holder, String what, IProgressMonitor m, SftpWork<T> work) throws ClusterException {
        Session s = holder.get(m);
        ChannelSftp channel = null;
        long openStart = System.nanoTime();
        try {
            channel = (ChannelSftp) s.openChannel("sftp");
            try {
                channel.connect((int) ExecChannel.CHANNEL_OPEN_TIMEOUT.toMillis());
            } catch (JSchException e) {
                if (Duration.ofNanos(System.nanoTime() - openStart).compareTo(ExecChannel.CHANNEL_OPEN_TIMEOUT) >= 0 || !s.isConnected()) {
                    holder.invalidate(s);
                }
                throw e;
            }
            return work.run(channel);
        } catch (SftpException e) {
            ClusterException c = SshFailures.sftp(holder.destination(), what, e);
            if (c.isTransient()) {
                holder.invalidate(s);
            }
            throw c;
        } catch (JSchException | IOException e) {
            throw SshFailures.network(holder.destination(), e);
        } finally {
            if (channel != null) {
                channel.disconnect();
            }
        }
    }

    @Override
    public void upload(Path local, String remotePath, IProgressMonitor monitor) throws ClusterException {
        RemotePaths.checkAbsolute("remotePath", remotePath);
        if (!Files.exists(local)) {
            throw ClusterException.permanent("The local file " + local + " does not exist.");
        }
        IProgressMonitor m = orNull(monitor);
        Transfers.Progress progress = new Transfers.Progress(m, "Uploading " + local.getFileName(), Transfers.localSize(local));
        repeatable(m, () -> {
            progress.restart();
            return sftp(transfer, "upload " + local.getFileName() + " to " + remotePath, m, sftp -> {
                Transfers.upload(sftp, local, remotePath, progress);
                return null;
            });
        });
        progress.done();
    }

    /**
     * Downloads through the transfer host; a file broken off by the network goes on from its local .part file on the
     * retry or on a later call (also from a new connection after a restart); files from {@link #VERIFY_FROM_BYTES} on
     * and every continued file are checked against {@code sha256sum} run on the transfer host.
     */
    @Override
    public void download(String remotePath, Path local, IProgressMonitor monitor) throws ClusterException {
        RemotePaths.checkAbsolute("remotePath", remotePath);
        IProgressMonitor m = orNull(monitor);
        Transfers.Progress[] progress = new Transfers.Progress[1];
        Transfers.Verifier verifier = (remote, part, size, resumed) -> {
            if (resumed || size >= VERIFY_FROM_BYTES) {
                Checksums.verify(this, remote, part, size, m);
            }
        };
        try {
            repeatable(m, () -> sftp(transfer, "download " + remotePath, m, sftp -> {
                if (progress[0] == null) {
                    progress[0] = new Transfers.Progress(m, "Downloading " + remotePath, Transfers.remoteSize(sftp, remotePath));
                } else {
                    progress[0].restart();
                }
                Transfers.download(sftp, remotePath, local, progress[0], verifier);
                return null;
            }));
            progress[0].done();
        } finally {
            if (progress[0] != null) {
                bytesReceived.addAndGet(progress[0].moved());
            }
        }
    }

    /** Files at least this big are checked against the cluster's checksum after a download. */
    static final long VERIFY_FROM_BYTES = 64L * 1024 * 1024;
    private final java.util.concurrent.atomic.AtomicLong bytesReceived = new java.util.concurrent.atomic.AtomicLong();

    /** File bytes this connection's downloads and ranged reads received (bytes kept from an earlier attempt not counted). */
    public long bytesReceived() {
        return bytesReceived.get();
    }

    /** Runs a command on the transfer host (the login host when the profile names none); never repeated. */
    ExecResult execOnTransferHost(String commandLine, Duration timeout, IProgressMonitor monitor) throws ClusterException {
        IProgressMonitor m = orNull(monitor);
        if (m.isCanceled()) {
            throw ClusterException.cancelled();
        }
        return ExecChannel.run(transfer, transfer.get(m), commandLine, timeout, m);
    }

    String transferDestination() {
        return transfer.destination();
    }

    @Override
    public void writeFile(String remotePath, String content, IProgressMonitor monitor) throws ClusterException {
        RemotePaths.checkAbsolute("remotePath", remotePath);
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        IProgressMonitor m = orNull(monitor);
        repeatable(m, () -> sftp(login, "write " + remotePath, m, sftp -> {
            String part = remotePath + ".part";
            sftp.put(new ByteArrayInputStream(bytes), part, ChannelSftp.OVERWRITE);
            Transfers.replace(sftp, part, remotePath);
            return null;
        }));
    }

    @Override
    public String readFile(String remotePath, long maxBytes, IProgressMonitor monitor) throws ClusterException {
        RemotePaths.checkAbsolute("remotePath", remotePath);
        IProgressMonitor m = orNull(monitor);
        return repeatable(m, () -> sftp(login, "read " + remotePath, m, sftp -> {
            SftpATTRS attrs = sftp.stat(remotePath);
            long skip = Math.max(0, attrs.getSize() - Math.max(0, maxBytes));
            try (InputStream in = sftp.get(remotePath, null, skip)) {
                return new String(in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, Math.max(0, maxBytes))), StandardCharsets.UTF_8);
            }
        }));
    }

    /** One SFTP read at the offset on the login host's session; the bytes count in {@link #bytesReceived}. */
    @Override
    public RemoteChunk readRange(String remotePath, long offset, int length, IProgressMonitor monitor) throws ClusterException {
        RemotePaths.checkAbsolute("remotePath", remotePath);
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length must not be negative");
        }
        IProgressMonitor m = orNull(monitor);
        RemoteChunk chunk = repeatable(m, () -> sftp(login, "read " + remotePath, m, sftp -> {
            long size = sftp.stat(remotePath).getSize();
            if (offset >= size) {
                return new RemoteChunk(offset, new byte[0], size);
            }
            try (InputStream in = sftp.get(remotePath, null, offset)) {
                return new RemoteChunk(offset, in.readNBytes((int) Math.min(length, size - offset)), size);
            }
        }));
        bytesReceived.addAndGet(chunk.bytes().length);
        return chunk;
    }

    @Override
    public void mkdirs(String remotePath, IProgressMonitor monitor) throws ClusterException {
        RemotePaths.checkAbsolute("remotePath", remotePath);
        IProgressMonitor m = orNull(monitor);
        ExecResult r = repeatable(m, () -> exec(ShellQuoting.command("mkdir", "-p", "--", remotePath), Duration.ofMinutes(1), m));
        if (!r.succeeded()) {
            throw ClusterException.permanent("Could not create the folder " + remotePath + " on " + login.destination() + ": "
                    + r.stderr().strip());
        }
    }

    /**
     * {@code rm -rf --one-file-system -- <path>}, after {@link RemovalGuard} agreed. rm removes a symbolic link
     * itself and never follows one while descending, so a link in a job folder pointing at the home folder
     * costs the link only; {@code --one-file-system} also keeps it out of anything mounted inside the tree.
     * (An SFTP walk could do the same with many more round trips.)
     */
    @Override
    public void removeTree(String remotePath, String confinedTo, IProgressMonitor monitor) throws ClusterException {
        RemovalGuard.check(remotePath, confinedTo, profile);
        IProgressMonitor m = orNull(monitor);
        ExecResult r = repeatable(m, () -> exec(ShellQuoting.command("rm", "-rf", "--one-file-system", "--", remotePath),
                Duration.ofMinutes(10), m));
        if (!r.succeeded()) {
            throw ClusterException.permanent("Could not remove " + remotePath + " on " + login.destination() + ": " + r.stderr().strip());
        }
    }

    /** Also refuses to re-open a session that drops in the middle of a call (this transport would otherwise). */
    @Override
    public ClusterConnection withoutLogin() {
        return new SessionOnlySsh(this);
    }

    @Override
    public boolean isConnected() {
        return login.isConnected();
    }

    @Override
    public void close() {
        PrefixedShell open = shell;
        if (open != null) {
            open.close();
        }
        login.close();
        if (transfer != login) {
            transfer.close();
        }
    }
}
