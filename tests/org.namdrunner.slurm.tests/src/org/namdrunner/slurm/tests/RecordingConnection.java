package org.namdrunner.slurm.tests;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.ExecResult;

/**
 * Test double: stands in for the SSH connection so a test can observe every command line the scheduler
 * sends (and count them), and answers with canned outputs, mostly captured from real SLURM. Real SSH is
 * tested with the SSH bundle against the test cluster, not here. Only {@link #exec} is supported.
 */
final class RecordingConnection implements ClusterConnection {

    /** How the fake cluster answers one command line. */
    @FunctionalInterface
    interface Answer {
        ExecResult answer(String commandLine) throws ClusterException;
    }

    private final ClusterProfile profile;
    private final Answer answer;
    private final List<String> commands = new ArrayList<>();

    RecordingConnection(ClusterProfile profile, Answer answer) {
        this.profile = profile;
        this.answer = answer;
    }

    /** Answers squeue with one capture and sacct with another (either may be null: then the test fails if it is asked). */
    static RecordingConnection replaying(ClusterProfile profile, Capture squeue, Capture sacct) {
        return new RecordingConnection(profile, line -> {
            Capture c = line.contains("squeue ") ? squeue : line.contains("sacct ") ? sacct : null;
            if (c == null) {
                throw new AssertionError("unexpected command: " + line);
            }
            return c.asResult(line);
        });
    }

    /** Answers every command with the same capture. */
    static RecordingConnection always(ClusterProfile profile, Capture capture) {
        return new RecordingConnection(profile, capture::asResult);
    }

    List<String> commands() {
        return commands;
    }

    @Override
    public ClusterProfile profile() {
        return profile;
    }

    @Override
    public ExecResult exec(String commandLine, Duration timeout, IProgressMonitor monitor) throws ClusterException {
        commands.add(commandLine);
        return answer.answer(commandLine);
    }

    @Override
    public void upload(Path local, String remotePath, IProgressMonitor monitor) {
        throw new UnsupportedOperationException("upload");
    }

    @Override
    public void writeFile(String remotePath, String content, IProgressMonitor monitor) {
        throw new UnsupportedOperationException("writeFile");
    }

    @Override
    public String readFile(String remotePath, long maxBytes, IProgressMonitor monitor) {
        throw new UnsupportedOperationException("readFile");
    }

    @Override
    public void download(String remotePath, Path local, IProgressMonitor monitor) {
        throw new UnsupportedOperationException("download");
    }

    @Override
    public void mkdirs(String remotePath, IProgressMonitor monitor) {
        throw new UnsupportedOperationException("mkdirs");
    }

    @Override
    public void removeTree(String remotePath, String confinedTo, IProgressMonitor monitor) {
        throw new UnsupportedOperationException("removeTree");
    }

    @Override
    public boolean isConnected() {
        return true;
    }

    @Override
    public void close() {
        // nothing to close
    }
}
