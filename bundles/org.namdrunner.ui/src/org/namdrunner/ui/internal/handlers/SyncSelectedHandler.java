package org.namdrunner.ui.internal.handlers;

import java.util.List;

import org.eclipse.core.commands.ExecutionEvent;
import org.namdrunner.core.model.Job;

/** Asks the scheduler now about the selected jobs (one query per cluster). */
public final class SyncSelectedHandler extends BackendHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        List<Job> jobs = SelectedJobs.of(event, JobActions::canSync);
        if (!jobs.isEmpty()) {
            backend(event, "Sync").ifPresent(b -> Operations.sync(b, jobs).schedule());
        }
        return null;
    }
}
