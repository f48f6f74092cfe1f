package org.namdrunner.core.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import org.eclipse.core.runtime.IProgressMonitor;

/**
 * The one policy for work nobody asked for (automatic polls and the result collection they start, log refresh,
 * file listings): it runs on the session that is open and never opens one, because a login may ask for a password
 * or send an MFA push the person did not expect. Without an open session every call throws
 * {@link NotConnectedException} before anything is sent. A transport that can re-open a session on its own
 * (after a drop in the middle of a call) overrides {@link #call} to forbid that for the call's duration.
 */
public class SessionOnlyConnection implements ClusterConnection {

    /** One call of the wrapped connection. */
    @FunctionalInterface
    protected interface Call<T> {
        T run() throws ClusterException;
    }

    private final ClusterConnection delegate;

    public SessionOnlyConnection(ClusterConnection delegate) {
        this.delegate = Objects.requireNonNull(delegate);
    }

    /** Runs {@code call} on the wrapped connection; overridden by transports that could log in behind the check. */
    protected <T> T call(Call<T> call) throws ClusterException {
        return call.run();
    }

    private <T> T open(Call<T> c) throws ClusterException {
        if (!delegate.isConnected()) {
            throw new NotConnectedException(delegate.profile());
        }
        return call(c);
    }

    @Override
    public ClusterProfile profile() {
        return delegate.profile();
    }

    @Override
    public ExecResult exec(String commandLine, Duration timeout, IProgressMonitor monitor) throws ClusterException {
        return open(() -> delegate.exec(commandLine, timeout, monitor));
    }

    @Override
    public ExecResult execWithPrefix(String command, Duration timeout, IProgressMonitor monitor) throws ClusterException {
        return open(() -> delegate.execWithPrefix(command, timeout, monitor));
    }

    @Override
    public void upload(Path local, String remotePath, IProgressMonitor monitor) throws ClusterException {
        open(() -> {
            delegate.upload(local, remotePath, monitor);
            return null;
        });
    }

    @Override
    public void writeFile(String remotePath, String content, IProgressMonitor monitor) throws ClusterException {
        open(() -> {
            delegate.writeFile(remotePath, content, monitor);
            return null;
        });
    }

    @Override
    public String readFile(String remotePath, long maxBytes, IProgressMonitor monitor) throws ClusterException {
        return open(() -> delegate.readFile(remotePath, maxBytes, monitor));
    }

    /** The delegate's own ranged read (SFTP at an offset for SSH), not the default built on {@link #exec}. */
    @Override
    public RemoteChunk readRange(String remotePath, long offset, int length, IProgressMonitor monitor) throws ClusterException {
        return open(() -> delegate.readRange(remotePath, offset, length, monitor));
    }

    @Override
    public void download(String remotePath, Path local, IProgressMonitor monitor) throws ClusterException {
        open(() -> {
            delegate.download(remotePath, local, monitor);
            return null;
        });
    }

    @Override
    public void mkdirs(String remotePath, IProgressMonitor monitor) throws ClusterException {
        open(() -> {
            delegate.mkdirs(remotePath, monitor);
            return null;
        });
    }

    @Override
    public void removeTree(String remotePath, String confinedTo, IProgressMonitor monitor) throws ClusterException {
        open(() -> {
            delegate.removeTree(remotePath, confinedTo, monitor);
            return null;
        });
    }

    @Override
    public boolean isConnected() {
        return delegate.isConnected();
    }

    @Override
    public ClusterConnection withoutLogin() {
        return this;
    }

    /** Does nothing: background work never closes the session a person's work opened. */
    @Override
    public void close() {
    }
}
