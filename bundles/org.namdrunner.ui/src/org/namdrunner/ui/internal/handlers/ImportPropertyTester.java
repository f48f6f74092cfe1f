package org.namdrunner.ui.internal.handlers;

import org.eclipse.core.expressions.PropertyTester;
import org.eclipse.core.runtime.jobs.Job;

/** {@code org.namdrunner.ui.import.idle}: no import from a cluster is running (one at a time). */
public final class ImportPropertyTester extends PropertyTester {

    @Override
    public boolean test(Object receiver, String property, Object[] args, Object expectedValue) {
        return "idle".equals(property) && Job.getJobManager().find(ImportFromClusterJob.FAMILY).length == 0;
    }
}
