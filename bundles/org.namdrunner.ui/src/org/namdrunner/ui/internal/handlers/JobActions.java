package org.namdrunner.ui.internal.handlers;

import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;

/** Which actions make sense for a job in its current state: the one place handlers and menus ask. */
public final class JobActions {

    private JobActions() {
    }

    public static boolean canSubmit(Job j) {
        return j.status() == JobStatus.CREATED || (j.status() == JobStatus.SUBMITTING && j.slurmId().isEmpty());
    }

    public static boolean canCancel(Job j) {
        return j.status().isActive() && j.slurmId().isPresent();
    }

    public static boolean canSync(Job j) {
        return j.status().isActive() && j.slurmId().isPresent();
    }

    public static boolean canDownload(Job j) {
        return j.status().isTerminal() && j.projectDir().isPresent();
    }

    public static boolean canDelete(Job j) {
        return j.status() != JobStatus.SUBMITTING;
    }
}
