package org.namdrunner.ui.internal.handlers;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.namdrunner.core.model.Job;

/** Asks the scheduler now about the selected jobs (one query per cluster). */
public final class SyncSelectedHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        List<Job> jobs = SelectedJobs.of(event, JobActions::canSync);
        if (!jobs.isEmpty()) {
            Operations.sync(jobs).schedule();
        }
        return null;
    }
}
