package org.namdrunner.ui.internal.handlers;

import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.store.JobSummary;

/** Which actions make sense for a job in its current state: the one place handlers and menus ask. */
public final class JobActions {

    private JobActions() {
    }

    public static boolean canSubmit(Job j) {
        return canSubmit(JobSummary.of(j));
    }

    public static boolean canCancel(Job j) {
        return canCancel(JobSummary.of(j));
    }

    public static boolean canSync(Job j) {
        return canSync(JobSummary.of(j));
    }

    public static boolean canDownload(Job j) {
        return canDownload(JobSummary.of(j));
    }

    public static boolean canDelete(Job j) {
        return canDelete(JobSummary.of(j));
    }

    public static boolean canSubmit(JobSummary j) {
        return j.status() == JobStatus.CREATED || (j.status() == JobStatus.SUBMITTING && j.slurmId() == null);
    }

    public static boolean canCancel(JobSummary j) {
        return j.status().isActive() && j.slurmId() != null;
    }

    public static boolean canSync(JobSummary j) {
        return j.status().isActive() && j.slurmId() != null;
    }

    public static boolean canDownload(JobSummary j) {
        return j.status().isTerminal() && j.projectDir() != null;
    }

    public static boolean canDelete(JobSummary j) {
        return j.status() != JobStatus.SUBMITTING;
    }
}
