package org.namdrunner.ui.internal.handlers;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;
import org.namdrunner.app.Backend;
import org.namdrunner.app.LocalInputs;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.store.StoreException;
import org.namdrunner.ui.internal.wizards.NewJobWizard;

/**
 * New Job from This Job (one selected job): the New Job wizard with everything of that job — type, cluster, the type's
 * parameters, resources and the local input files it was made from (read in the background from the job database;
 * a file no longer there is named on the inputs page) — and the next free name.
 */
public final class NewFromJobHandler extends BackendHandler {

    public static final String COMMAND_ID = "org.namdrunner.ui.newJobFrom";

    @Override
    public Object execute(ExecutionEvent event) {
        List<Job> jobs = SelectedJobs.of(event, j -> true);
        Backend backend = jobs.size() != 1 ? null : backend(event, NewJobWizard.TITLE).orElse(null);
        if (backend == null) {
            return null;
        }
        Job job = jobs.get(0);
        // the window's shell: the "active shell" of the event may be a dialog that has closed since (a host-key prompt)
        Shell shell = HandlerUtil.getActiveWorkbenchWindow(event) != null ? HandlerUtil.getActiveWorkbenchWindow(event).getShell()
                : Display.getCurrent().getActiveShell();
        Display display = Display.getCurrent();
        org.eclipse.core.runtime.jobs.Job.create("Reading the input files of " + job.name(), monitor -> {
            Map<String, Path> inputs;
            try {
                inputs = LocalInputs.recall(backend.store(), job.id());
            } catch (StoreException e) {
                inputs = Map.of();
            }
            Map<String, Path> found = inputs;
            display.asyncExec(() -> {
                if (!shell.isDisposed()) {
                    open(shell, backend, job, found);
                }
            });
            return Status.OK_STATUS;
        }).schedule();
        return null;
    }

    static void open(Shell shell, Backend backend, Job job, Map<String, Path> inputs) {
        NewJobWizard wizard = new NewJobWizard(backend);
        wizard.prefillFrom(job, inputs);
        WizardDialog d = new WizardDialog(shell, wizard);
        d.setPageSize(640, 460);
        d.open();
    }
}
