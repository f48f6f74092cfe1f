package org.namdrunner.ui.internal.handlers;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.handlers.HandlerUtil;
import org.namdrunner.app.Backend;
import org.namdrunner.core.model.Job;

/** Asks SLURM to stop the selected jobs, after the person confirms. */
public final class CancelHandler extends BackendHandler {

    public static final String TITLE = "Cancel jobs";
    public static final String CONFIRM = "Cancel jobs";
    public static final String KEEP = "Keep running";

    @Override
    public Object execute(ExecutionEvent event) {
        List<Job> jobs = SelectedJobs.of(event, JobActions::canCancel);
        Backend b = jobs.isEmpty() ? null : backend(event, TITLE).orElse(null);
        if (b == null) {
            return null;
        }
        String list = jobs.stream().map(j -> "  • " + j.name() + " (" + j.status().label().toLowerCase() + ", SLURM job "
                + j.slurmId().orElse("?") + ")").collect(Collectors.joining("\n"));
        String message = "SLURM will stop " + (jobs.size() == 1 ? "this job" : "these " + jobs.size() + " jobs") + ":\n" + list
                + "\n\nWhat they wrote so far stays on the cluster. The status changes to Cancelled when SLURM confirms it.";
        MessageDialog d = new MessageDialog(HandlerUtil.getActiveShell(event), TITLE, null, message, MessageDialog.QUESTION, 1,
                CONFIRM, KEEP);
        if (d.open() == 0) {
            Operations.cancel(b, jobs).schedule();
        }
        return null;
    }
}
