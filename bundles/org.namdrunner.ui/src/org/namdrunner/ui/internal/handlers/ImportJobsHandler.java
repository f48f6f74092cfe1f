package org.namdrunner.ui.internal.handlers;

import java.nio.file.Path;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;
import org.namdrunner.app.Backend;
import org.namdrunner.ui.Problems;

/** File > Import Jobs from File…: adds the jobs of an export that are not here yet, and reports what it did. */
public final class ImportJobsHandler extends BackendHandler {

    static final String TITLE = "Import Jobs";

    @Override
    public Object execute(ExecutionEvent event) {
        Backend b = backend(event, TITLE).orElse(null);
        if (b == null) {
            return null;
        }
        Shell shell = HandlerUtil.getActiveShell(event);
        FileDialog d = new FileDialog(shell, SWT.OPEN);
        d.setText("Import jobs from a file");
        d.setFilterExtensions(new String[] { "*." + JobTransfer.EXTENSION, "*" });
        String file = d.open();
        if (file != null) {
            schedule(b, Path.of(file), shell.getDisplay());
        }
        return null;
    }

    /** Runs the import as an Eclipse job; the report opens in a dialog, a refused file as the job's error. */
    static Job schedule(Backend b, Path file, Display display) {
        Job job = Job.create("Importing jobs from " + file.getFileName(), monitor -> {
            try {
                String said = JobTransfer.importFrom(b, file).summary();
                display.asyncExec(() -> MessageDialog.openInformation(display.getActiveShell(), TITLE, said));
                return Status.OK_STATUS;
            } catch (Exception e) {
                return shown(display, Problems.of("Nothing was imported from " + file.getFileName(), e));
            }
        });
        job.setUser(true);
        job.setProperty(org.eclipse.ui.progress.IProgressConstants.NO_IMMEDIATE_ERROR_PROMPT_PROPERTY, Boolean.TRUE);
        job.schedule();
        return job;
    }

    /** Shows the problem in a dialog of its own (the person asked for this and waits for the answer); logs it too. */
    private static org.eclipse.core.runtime.IStatus shown(Display display, org.eclipse.core.runtime.IStatus problem) {
        if (problem.getSeverity() == org.eclipse.core.runtime.IStatus.ERROR) {
            display.asyncExec(() -> org.eclipse.jface.dialogs.MessageDialog.openError(display.getActiveShell(), TITLE, problem.getMessage()));
        }
        return problem;
    }
}
