package org.namdrunner.ui.internal.handlers;

import org.eclipse.core.expressions.PropertyTester;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.store.JobSummary;

/** {@code org.namdrunner.ui.job.canSubmit} and friends, for the handlers' enablement in plugin.xml. */
public final class JobPropertyTester extends PropertyTester {

    @Override
    public boolean test(Object receiver, String property, Object[] args, Object expectedValue) {
        // a Jobs view row is a summary: enablement is decided from it, without reading the whole job
        JobSummary j = receiver instanceof JobSummary summary ? summary : receiver instanceof Job job ? JobSummary.of(job) : null;
        if (j == null) {
            return false;
        }
        return switch (property) {
            case "canSubmit" -> JobActions.canSubmit(j);
            case "canCancel" -> JobActions.canCancel(j);
            case "canSync" -> JobActions.canSync(j);
            case "canDownload" -> JobActions.canDownload(j);
            case "canDelete" -> JobActions.canDelete(j);
            case "canContinue" -> j.status() == org.namdrunner.core.model.JobStatus.TIMEOUT;
            default -> false;
        };
    }
}
