package org.namdrunner.integration.tests;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.core.runtime.IProgressMonitor;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.ExecResult;

/** A real connection that counts the bytes its commands and reads brought back (to prove a long log was not downloaded). */
final class CountingConnection implements ClusterConnection {

    private final ClusterConnection real;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong calls = new AtomicLong();

    CountingConnection(ClusterConnection real) {
        this.real = real;
    }

    long bytes() {
        return bytes.get();
    }

    long calls() {
        return calls.get();
    }

    @Override
    public ClusterProfile profile() {
        return real.profile();
    }

    @Override
    public ExecResult exec(String commandLine, Duration timeout, IProgressMonitor monitor) throws ClusterException {
        ExecResult r = real.exec(commandLine, timeout, monitor);
        calls.incrementAndGet();
        bytes.addAndGet(r.stdout().getBytes(StandardCharsets.UTF_8).length + r.stderr().getBytes(StandardCharsets.UTF_8).length);
        return r;
    }

    @Override
    public void upload(Path local, String remotePath, IProgressMonitor monitor) throws ClusterException {
        real.upload(local, remotePath, monitor);
    }

    @Override
    public void writeFile(String remotePath, String content, IProgressMonitor monitor) throws ClusterException {
        real.writeFile(remotePath, content, monitor);
    }

    @Override
    public String readFile(String remotePath, long maxBytes, IProgressMonitor monitor) throws ClusterException {
        String s = real.readFile(remotePath, maxBytes, monitor);
        calls.incrementAndGet();
        bytes.addAndGet(s.getBytes(StandardCharsets.UTF_8).length);
        return s;
    }

    @Override
    public void download(String remotePath, Path local, IProgressMonitor monitor) throws ClusterException {
        throw new AssertionError("a progress read must never download " + remotePath);
    }

    @Override
    public void mkdirs(String remotePath, IProgressMonitor monitor) throws ClusterException {
        real.mkdirs(remotePath, monitor);
    }

    @Override
    public void removeTree(String remotePath, String confinedTo, IProgressMonitor monitor) throws ClusterException {
        real.removeTree(remotePath, confinedTo, monitor);
    }

    @Override
    public boolean isConnected() {
        return real.isConnected();
    }

    @Override
    public void close() {
        real.close();
    }
}
