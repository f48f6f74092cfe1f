package org.namdrunner.ui.internal.handlers;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.handlers.HandlerUtil;
import org.namdrunner.core.model.Job;

/** The jobs selected when a command ran, narrowed to those the action applies to. */
final class SelectedJobs {

    private SelectedJobs() {
    }

    static List<Job> of(ExecutionEvent event, Predicate<Job> applies) {
        List<Job> jobs = new ArrayList<>();
        IStructuredSelection s = HandlerUtil.getCurrentStructuredSelection(event);
        for (Object o : s) {
            Job j = o instanceof Job job ? job : org.eclipse.core.runtime.Adapters.adapt(o, Job.class);
            if (j != null && applies.test(j)) {
                jobs.add(j);
            }
        }
        return jobs;
    }
}
