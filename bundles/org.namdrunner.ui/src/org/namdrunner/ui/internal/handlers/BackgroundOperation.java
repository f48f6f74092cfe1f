package org.namdrunner.ui.internal.handlers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.namdrunner.ui.NamdRunnerUi;
import org.namdrunner.app.Backend;
import org.namdrunner.ui.Problems;

/**
 * Remote or disk work a person started, as an Eclipse job: shown in the Progress view, cancelable, never on the
 * UI thread. Works through jobs one by one; what failed is collected into one status with a line per job,
 * which the workbench shows in a dialog and which is logged for the Error Log.
 */
public abstract class BackgroundOperation extends Job {

    /** All operations, for tests and for waiting at shutdown. */
    public static final Object FAMILY = BackgroundOperation.class;

    /** One step of the operation, on one job. */
    @FunctionalInterface
    protected interface Step {
        void run(Backend backend, IProgressMonitor monitor) throws CoreException;
    }

    private final Backend backend;

    protected BackgroundOperation(String name, Collection<String> jobIds, Backend backend) {
        super(name);
        this.backend = java.util.Objects.requireNonNull(backend);
        setRule(JobRule.of(jobIds));
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    @Override
    protected final IStatus run(IProgressMonitor monitor) {
        IStatus result;
        try {
            result = execute(backend, monitor);
        } catch (CoreException | RuntimeException e) {
            result = Problems.of(getName() + " failed", e);
        }
        if (result.matches(IStatus.ERROR)) {
            ILog.of(BackgroundOperation.class).log(result);
        }
        return result;
    }

    protected abstract IStatus execute(Backend backend, IProgressMonitor monitor) throws CoreException;

    /** Runs {@code step} for each named item, collecting failures; stops early when cancelled. */
    protected static IStatus forEach(Backend b, IProgressMonitor monitor, String summary, List<Item> items) {
        SubMonitor sub = SubMonitor.convert(monitor, items.size() * 10);
        List<IStatus> problems = new ArrayList<>();
        for (Item item : items) {
            if (sub.isCanceled()) {
                return Status.CANCEL_STATUS;
            }
            sub.subTask(item.label());
            try {
                item.step().run(b, sub.split(10));
            } catch (CoreException | RuntimeException e) {
                IStatus s = Problems.of(item.label(), e);
                if (s.getSeverity() == IStatus.CANCEL) {
                    return s;
                }
                problems.add(s);
            }
        }
        if (problems.isEmpty()) {
            return Status.OK_STATUS;
        }
        if (problems.size() == 1) {
            return problems.get(0);
        }
        MultiStatus ms = new MultiStatus(NamdRunnerUi.PLUGIN_ID, 0, summary + " (" + problems.size() + " of " + items.size() + ")", null);
        problems.forEach(ms::add);
        return ms;
    }

    /** A job and what to do with it, with the words for the progress and the error message. */
    protected record Item(String label, Step step) {
    }
}
