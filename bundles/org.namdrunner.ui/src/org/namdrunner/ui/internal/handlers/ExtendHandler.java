package org.namdrunner.ui.internal.handlers;

import java.util.List;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.expressions.IEvaluationContext;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.window.Window;
import org.eclipse.ui.ISources;
import org.eclipse.ui.handlers.HandlerUtil;
import org.namdrunner.app.Backend;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.ui.Problems;

/**
 * Extend…: for one COMPLETED job, asks how many nanoseconds more and creates a new stage of its chain (the job becomes
 * the first stage of one if it is in none) that starts from the job's final files, copied on the cluster
 * ({@code JobChains.extend}); CREATED, to be submitted. Enabled for exactly one COMPLETED job (checked here, from the
 * selection, so that the shared property tester stays as it is).
 */
public final class ExtendHandler extends BackendHandler {

    public static final String COMMAND_ID = "org.namdrunner.ui.extendJob";
    public static final String DIALOG_TITLE = "Extend job";

    static Job completed(Object selection) {
        if (selection instanceof IStructuredSelection s && s.size() == 1) {
            Object o = s.getFirstElement();
            Job j = o instanceof Job job ? job : Adapters.adapt(o, Job.class);
            return j != null && j.status() == JobStatus.COMPLETED ? j : null;
        }
        return null;
    }

    @Override
    public void setEnabled(Object evaluationContext) {
        Object selection = evaluationContext instanceof IEvaluationContext c ? c.getVariable(ISources.ACTIVE_CURRENT_SELECTION_NAME) : null;
        setBaseEnabled(completed(selection) != null);
    }

    /** "2" or "0.5": more than 0, at most 1,000,000 ns; null when fine. */
    static String checkNanoseconds(String text) {
        try {
            double ns = Double.parseDouble(text.strip());
            return ns > 0 && ns <= 1_000_000 ? null : "Give more than 0 and at most 1,000,000 ns.";
        } catch (NumberFormatException e) {
            return "'" + text.strip() + "' is not a number of nanoseconds (e.g. 10 or 0.5).";
        }
    }

    @Override
    public Object execute(ExecutionEvent event) {
        Job job = completed(HandlerUtil.getCurrentSelection(event));
        Backend backend = job == null ? null : backend(event, DIALOG_TITLE).orElse(null);
        if (backend == null) {
            return null;
        }
        InputDialog ask = new InputDialog(HandlerUtil.getActiveShell(event), DIALOG_TITLE, "Job " + job.name()
                + " has completed. A new stage will start from its final coordinates, velocities and box, copied on the cluster.\n"
                + "Nanoseconds more:", "10", ExtendHandler::checkNanoseconds);
        if (ask.open() != Window.OK) {
            return null;
        }
        double ns = Double.parseDouble(ask.getValue().strip());
        Operations.of(backend, "Extending job " + job.name(), List.of(job.id()), (b, m) -> {
            try {
                Job created = b.jobService().chains().extend(job.id(), ns, false, null, m);
                return Status.info("Created " + created.name() + " (" + ns + " ns more from " + job.name() + "); submit it to run.");
            } catch (CoreException | RuntimeException e) {
                return Problems.of("Could not extend job " + job.name(), e);
            }
        }).schedule();
        return null;
    }
}
