package org.namdrunner.ui.internal.handlers;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.window.Window;
import org.eclipse.ui.handlers.HandlerUtil;
import org.namdrunner.core.lifecycle.ContinuationRequest;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.app.Backend;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.Resources;
import org.namdrunner.ui.internal.wizards.Walltime;
import org.namdrunner.ui.Problems;

/**
 * Continue… (enabled declaratively in plugin.xml: one selected job that tested {@code canContinue}): for one job that ran out of walltime, asks for the continuation's walltime and creates the new job
 * ({@code <name>_contN}, CREATED) from the old one's restart files in the background. Enabled for exactly one TIMEOUT job.
 */
public final class ContinueHandler extends BackendHandler {

    public static final String COMMAND_ID = "org.namdrunner.ui.continueJob";
    public static final String DIALOG_TITLE = "Continue job";

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
        InputDialog ask = new InputDialog(HandlerUtil.getActiveShell(event), DIALOG_TITLE, "Job " + job.name()
                + " ran out of walltime. A new job will start from its last restart files with the steps that are left.\n"
                + "Walltime for the continuation:", Walltime.format(job.resources().walltime()), text -> {
                    try {
                        Walltime.parse(text);
                        return null;
                    } catch (InvalidInputException e) {
                        return e.getMessage();
                    }
                });
        if (ask.open() != Window.OK) {
            return null;
        }
        Duration walltime = Walltime.parse(ask.getValue());
        Resources old = job.resources();
        Resources resources = new Resources(old.cores(), old.memory(), walltime, old.partition(), old.qos(), old.account(), old.gpus(),
                old.constraint());
        Operations.of(backend, "Continuing job " + job.name(), List.of(job.id()), (b, m) -> {
            try {
                Job created = b.jobService().continueJob(new ContinuationRequest(job.id(), null, resources, Map.of()), m);
                return Status.info("Created " + created.name() + " from the restart files of " + job.name() + "; submit it to run.");
            } catch (CoreException | RuntimeException e) {
                return Problems.of("Could not continue job " + job.name(), e);
            }
        }).schedule();
        return null;
    }
}
