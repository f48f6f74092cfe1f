package org.namdrunner.ui.internal.handlers;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;
import org.namdrunner.app.Backend;
import org.namdrunner.core.jobtype.ContinuableJobType;
import org.namdrunner.core.lifecycle.ContinuationRequest;
import org.namdrunner.core.lifecycle.TypeParameters;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.Resources;
import org.namdrunner.ui.Problems;
import org.namdrunner.ui.internal.wizards.Walltime;

/**
 * Continue… (enabled declaratively in plugin.xml: one selected job that tested {@code canContinue}): for one job that ran
 * out of walltime, reads its measured speed in the background and suggests the walltime the steps it did not reach need
 * ({@link ContinueSuggestion}), asks for the continuation's walltime, creates the new job ({@code <name>_contN}, CREATED)
 * from the old one's restart files in the background, and then says where it restarts, how many steps are left, and that
 * it still has to be submitted.
 */
public final class ContinueHandler extends BackendHandler {

    public static final String COMMAND_ID = "org.namdrunner.ui.continueJob";
    public static final String DIALOG_TITLE = "Continue job";
    public static final String CREATED_TITLE = "Continuation created";

    private static Job timedOut(Object selection) {
        if (selection instanceof IStructuredSelection s && s.size() == 1) {
            Object o = s.getFirstElement();
            Job j = o instanceof Job job ? job : org.eclipse.core.runtime.Adapters.adapt(o, Job.class);
            return j != null && j.status() == JobStatus.TIMEOUT ? j : null;
        }
        return null;
    }

    @Override
    public Object execute(ExecutionEvent event) {
        Job job = timedOut(HandlerUtil.getCurrentSelection(event));
        Backend backend = job == null ? null : backend(event, DIALOG_TITLE).orElse(null);
        if (backend == null) {
            return null;
        }
        // the window's shell: the "active shell" of the event may be a dialog that has closed since (a host-key prompt)
        Shell shell = HandlerUtil.getActiveWorkbenchWindow(event) != null ? HandlerUtil.getActiveWorkbenchWindow(event).getShell()
                : Display.getCurrent().getActiveShell();
        Display display = Display.getCurrent();
        // the speed's run time renders the job's config (a stored template is read from the database): off the UI thread
        org.eclipse.core.runtime.jobs.Job.create("Reading the measured speed of " + job.name(), monitor -> {
            ContinueSuggestion suggestion = ContinueSuggestion.of(job, backend);
            display.asyncExec(() -> {
                if (!shell.isDisposed()) {
                    ask(shell, job, backend, suggestion);
                }
            });
            return Status.OK_STATUS;
        }).schedule();
        return null;
    }

    private static void ask(Shell shell, Job job, Backend backend, ContinueSuggestion suggestion) {
        InputDialog ask = new InputDialog(shell, DIALOG_TITLE, "Job " + job.name()
                + " ran out of walltime. A new job will start from its last restart files with the steps that are left.\n"
                + suggestion.text() + "\nWalltime for the continuation:", Walltime.format(suggestion.walltime()), text -> {
                    try {
                        Walltime.parse(text);
                        return null;
                    } catch (InvalidInputException e) {
                        return e.getMessage();
                    }
                });
        if (ask.open() != Window.OK) {
            return;
        }
        Duration walltime = Walltime.parse(ask.getValue());
        Resources resources = job.resources().withWalltime(walltime);
        Display display = shell.getDisplay();
        Operations.of(backend, "Continuing job " + job.name(), List.of(job.id()), (b, m) -> {
            try {
                Job created = b.jobService().continueJob(new ContinuationRequest(job.id(), null, resources, Map.of()), m);
                String where = b.jobTypes().find(created.jobTypeId()).filter(ContinuableJobType.class::isInstance)
                        .map(t -> ((ContinuableJobType) t).continuationSummary(TypeParameters.read(created.typeParameters()))).orElse("");
                String message = "Created " + created.name() + " from the restart files of " + job.name()
                        + (where.isEmpty() ? "" : ": it " + where) + ".\n\nIt is not submitted yet: select it in the Jobs view and "
                        + "press Submit.";
                display.asyncExec(() -> {
                    if (!display.isDisposed()) {
                        MessageDialog.openInformation(display.getActiveShell(), CREATED_TITLE, message);
                    }
                });
                return Status.info(message);
            } catch (CoreException | RuntimeException e) {
                return Problems.of("Could not continue job " + job.name(), e);
            }
        }).schedule();
    }
}
