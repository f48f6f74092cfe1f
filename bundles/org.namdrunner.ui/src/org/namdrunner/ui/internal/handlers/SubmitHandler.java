package org.namdrunner.ui.internal.handlers;

import java.util.List;

import org.eclipse.core.commands.ExecutionEvent;
import org.namdrunner.core.model.Job;

/** Submits the selected jobs that have not been submitted yet. */
public final class SubmitHandler extends BackendHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        List<Job> jobs = SelectedJobs.of(event, JobActions::canSubmit);
        if (!jobs.isEmpty()) {
            backend(event, "Submit").ifPresent(b -> Operations.submit(b, jobs).schedule());
        }
        return null;
    }
}
