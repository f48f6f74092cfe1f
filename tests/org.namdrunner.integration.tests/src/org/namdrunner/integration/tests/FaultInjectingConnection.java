package org.namdrunner.integration.tests;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.eclipse.core.runtime.IProgressMonitor;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.ExecResult;

/**
 * Wraps the real SSH connection and records every command. It can hide the rows of chosen commands once,
 * to stand in for a fault that cannot be caused on demand on the test cluster: accounting lag (sacct
 * knows a finished job about 0.1 s after squeue forgets it, too short to catch reliably). It can also run
 * an action (e.g. killing the sshd session for real) just before a chosen command.
 */
final class FaultInjectingConnection implements ClusterConnection {

    private final ClusterConnection real;
    private final List<String> commands = new ArrayList<>();
    private Predicate<String> hideOutput = c -> false;
    private int hideCount;
    private Predicate<String> beforeMatch = c -> false;
    private Runnable beforeAction = () -> { };
    private Predicate<String> afterMatch = c -> false;
    private AfterAction afterAction;

    /** What runs once the real command has run; it may throw the failure the answer is replaced by. */
    @FunctionalInterface
    interface AfterAction {
        void run(ExecResult realAnswer) throws ClusterException;
    }

    /** The view whose faults are armed and whose commands are recorded: this one, or the one it was made from. */
    private final FaultInjectingConnection shared;

    FaultInjectingConnection(ClusterConnection real) {
        this.real = real;
        this.shared = this;
    }

    private FaultInjectingConnection(FaultInjectingConnection shared, ClusterConnection real) {
        this.real = real;
        this.shared = shared;
    }

    /** The real connection's no-login view, with the same faults and the same command record. */
    @Override
    public ClusterConnection withoutLogin() {
        return new FaultInjectingConnection(shared, real.withoutLogin());
    }

    /** The next {@code times} commands matching this get an empty stdout (exit 0), as if the jobs were unknown. */
    synchronized void hideOutputOfNext(Predicate<String> command, int times) {
        hideOutput = command;
        hideCount = times;
    }

    /** Runs {@code action} just before the next command matching this is sent. */
    synchronized void beforeNext(Predicate<String> command, Runnable action) {
        beforeMatch = command;
        beforeAction = action;
    }

    /**
     * Runs the next command matching this for real, then {@code action}, which may throw: the command ran on the
     * cluster but its answer is lost, as when the session dies between the command and its answer (a window too
     * short to hit on demand).
     */
    synchronized void afterNext(Predicate<String> command, AfterAction action) {
        afterMatch = command;
        afterAction = action;
    }

    synchronized List<String> commands() {
        return List.copyOf(commands);
    }

    synchronized void clearCommands() {
        commands.clear();
    }

    @Override
    public ClusterProfile profile() {
        return real.profile();
    }

    @Override
    public ExecResult exec(String commandLine, Duration timeout, IProgressMonitor monitor) throws ClusterException {
        boolean hide;
        Runnable action = null;
        AfterAction after = null;
        synchronized (shared) {
            if (shared.afterMatch.test(commandLine)) {
                after = shared.afterAction;
                shared.afterMatch = c -> false;
            }
            shared.commands.add(commandLine);
            hide = shared.hideCount > 0 && shared.hideOutput.test(commandLine);
            if (hide) {
                shared.hideCount--;
            }
            if (shared.beforeMatch.test(commandLine)) {
                action = shared.beforeAction;
                shared.beforeMatch = c -> false;
            }
        }
        if (action != null) {
            action.run();
        }
        ExecResult r = real.exec(commandLine, timeout, monitor);
        if (after != null) {
            after.run(r);
        }
        return hide ? new ExecResult(r.command(), 0, "", "") : r;
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
        return real.readFile(remotePath, maxBytes, monitor);
    }

    @Override
    public void download(String remotePath, Path local, IProgressMonitor monitor) throws ClusterException {
        real.download(remotePath, local, monitor);
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
