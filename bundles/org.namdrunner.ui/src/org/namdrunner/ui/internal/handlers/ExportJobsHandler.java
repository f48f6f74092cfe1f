package org.namdrunner.ui.internal.handlers;

import java.nio.file.Path;
import java.util.List;

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

/**
 * File > Export Jobs…: the jobs selected in the Jobs view with their history (or, with none selected, the whole
 * database) to a file another NAMDRunner imports.
 */
public final class ExportJobsHandler extends BackendHandler {

    static final String TITLE = "Export Jobs";

    @Override
    public Object execute(ExecutionEvent event) {
        Backend b = backend(event, TITLE).orElse(null);
        if (b == null) {
            return null;
        }
        List<String> ids = SelectedJobs.of(event, j -> true).stream().map(org.namdrunner.core.model.Job::id).toList();
        Shell shell = HandlerUtil.getActiveShell(event);
        FileDialog d = new FileDialog(shell, SWT.SAVE);
        d.setText(ids.isEmpty() ? "Export all jobs" : "Export " + JobTransfer.count(ids.size()));
        d.setFilterExtensions(new String[] { "*." + JobTransfer.EXTENSION, "*" });
        d.setFileName((ids.isEmpty() ? "all-jobs" : "jobs") + "." + JobTransfer.EXTENSION);
        d.setOverwrite(false);
        String file = d.open();
        if (file != null) {
            schedule(b, ids, Path.of(file), shell.getDisplay());
        }
        return null;
    }

    /** Runs the export as an Eclipse job and tells the person what was written. */
    static Job schedule(Backend b, List<String> ids, Path file, Display display) {
        Job job = Job.create("Exporting jobs to " + file.getFileName(), monitor -> {
            try {
                String said = JobTransfer.export(b, ids, file);
                display.asyncExec(() -> MessageDialog.openInformation(display.getActiveShell(), TITLE, said));
                return Status.OK_STATUS;
            } catch (Exception e) {
                return shown(display, Problems.of("The jobs could not be exported", e));
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
