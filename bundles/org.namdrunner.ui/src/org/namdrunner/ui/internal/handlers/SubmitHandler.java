package org.namdrunner.ui.internal.handlers;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.namdrunner.core.model.Job;

/** Submits the selected jobs that have not been submitted yet. */
public final class SubmitHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        List<Job> jobs = SelectedJobs.of(event, JobActions::canSubmit);
        if (!jobs.isEmpty()) {
            Operations.submit(jobs).schedule();
        }
        return null;
    }
}
