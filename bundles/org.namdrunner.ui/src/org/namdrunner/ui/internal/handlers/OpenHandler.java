package org.namdrunner.ui.internal.handlers;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.statushandlers.StatusManager;
import org.namdrunner.core.model.Job;
import org.namdrunner.ui.NamdRunnerUi;
import org.namdrunner.ui.internal.editor.JobEditorInput;
import org.namdrunner.ui.Problems;

/** Opens the job editor for each selected job (at most ten at once). */
public final class OpenHandler extends AbstractHandler {

    private static final int MAX = 10;

    @Override
    public Object execute(ExecutionEvent event) {
        List<Job> jobs = SelectedJobs.of(event, j -> true);
        IWorkbenchPage page = HandlerUtil.getActiveWorkbenchWindow(event).getActivePage();
        for (Job j : jobs.subList(0, Math.min(MAX, jobs.size()))) {
            open(page, j);
        }
        return null;
    }

    public static void open(IWorkbenchPage page, Job job) {
        try {
            page.openEditor(new JobEditorInput(job.id(), job.name()), NamdRunnerUi.JOB_EDITOR_ID);
        } catch (PartInitException e) {
            StatusManager.getManager().handle(Problems.of("Could not open the job " + job.name(), e),
                    StatusManager.SHOW | StatusManager.LOG);
        }
    }
}
