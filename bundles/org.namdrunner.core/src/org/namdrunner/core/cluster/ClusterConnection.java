package org.namdrunner.core.cluster;

import java.nio.file.Path;
import java.time.Duration;

import org.eclipse.core.runtime.IProgressMonitor;

/**
 * An authenticated connection to one cluster, reused for every command and transfer (each new login may
 * cost the person another MFA approval). Implementations re-open a dropped session on the next call.
 * Only methods that take a progress monitor do network I/O; all of them honour cancellation.
 */
public interface ClusterConnection extends AutoCloseable {

    /** The profile this connection was opened for. */
    ClusterProfile profile();

    /**
     * Runs one command line (already quoted by {@link ShellQuoting}) in the remote user's shell.
     *
     * @throws ClusterException TRANSIENT on timeout or dropped connection, PERMANENT on refused login
     */
    ExecResult exec(String commandLine, Duration timeout, IProgressMonitor monitor) throws ClusterException;

    /**
     * Runs one command (already quoted) under the profile's command prefix and returns the command's own output
     * ({@link LoginShell#commandOutput}: banners and prefix chatter dropped). The default sends
     * {@link LoginShell#commandLine} through {@link #exec}; an implementation may instead keep one login shell that
     * ran the prefix once and run each command in it, so that a poll costs one round trip, not a login shell and a
     * {@code module load} per command.
     */
    default ExecResult execWithPrefix(String command, Duration timeout, IProgressMonitor monitor) throws ClusterException {
        return LoginShell.commandOutput(exec(LoginShell.commandLine(profile().commandPrefix(), command), timeout, monitor));
    }

    /** Uploads a local file or folder (recursively) to the remote path; partial files never keep the final name. */
    void upload(Path local, String remotePath, IProgressMonitor monitor) throws ClusterException;

    /** Writes text to a remote file (UTF-8), replacing it. */
    void writeFile(String remotePath, String content, IProgressMonitor monitor) throws ClusterException;

    /** Reads a remote text file (UTF-8), at most {@code maxBytes} from its end. */
    String readFile(String remotePath, long maxBytes, IProgressMonitor monitor) throws ClusterException;

    /**
     * Reads at most {@code length} bytes of a remote file from {@code offset} on, with the file's size now: a viewer
     * reads only the part it shows. The default runs {@code stat} and {@code dd} (arguments checked and quoted) and
     * returns the bytes base64-encoded, so they arrive unchanged; an implementation may read over SFTP at the offset.
     */
    default RemoteChunk readRange(String remotePath, long offset, int length, IProgressMonitor monitor) throws ClusterException {
        RemotePaths.checkAbsolute("remotePath", remotePath);
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length must not be negative");
        }
        String q = ShellQuoting.quote(remotePath);
        ExecResult r = exec("stat -c %s -- " + q + " && dd if=" + q + " bs=65536 iflag=skip_bytes,count_bytes skip=" + offset
                + " count=" + length + " status=none | base64 -w 0", Duration.ofMinutes(2), monitor);
        String[] lines = r.stdout().split("\n", 2);
        if (!r.succeeded() || lines.length < 1 || !lines[0].strip().matches("\\d+")) {
            throw ClusterException.permanent("Could not read " + remotePath + " on the cluster: " + r.stderr().strip());
        }
        byte[] bytes = java.util.Base64.getDecoder().decode(lines.length > 1 ? lines[1].strip() : "");
        return new RemoteChunk(offset, bytes, Long.parseLong(lines[0].strip()));
    }

    /** Downloads a remote file or folder (recursively) to a local path; partial files never keep the final name. */
    void download(String remotePath, Path local, IProgressMonitor monitor) throws ClusterException;

    /** {@code mkdir -p}. */
    void mkdirs(String remotePath, IProgressMonitor monitor) throws ClusterException;

    /**
     * Removes {@code remotePath} and everything below it, only if it lies within {@code confinedTo}
     * (see {@link RemotePaths#isWithin}); otherwise refuses with a PERMANENT error and removes nothing.
     */
    void removeTree(String remotePath, String confinedTo, IProgressMonitor monitor) throws ClusterException;

    /**
     * This connection for work nobody asked for (automatic polls, log refresh, file listings, result collection): it
     * uses the open session and never opens one, since a login may prompt or send an MFA push nobody expects. With no
     * session open each call throws {@link NotConnectedException}. See {@link SessionOnlyConnection}.
     */
    default ClusterConnection withoutLogin() {
        return new SessionOnlyConnection(this);
    }

    /** Whether a session is open right now (no network I/O). */
    boolean isConnected();

    /** Closes the session; a later call opens a new one. */
    @Override
    void close();
}
