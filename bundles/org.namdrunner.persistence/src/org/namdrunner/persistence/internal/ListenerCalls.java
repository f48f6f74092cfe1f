package org.namdrunner.persistence.internal;

import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.namdrunner.core.store.JobStoreListener;

/** Tells listeners about a committed write. A failing listener is logged; it cannot undo or hide the write. */
public final class ListenerCalls {

    private ListenerCalls() {
    }

    public static void tell(List<JobStoreListener> listeners, Set<String> jobIds) {
        for (JobStoreListener l : listeners) {
            try {
                l.jobsChanged(jobIds);
            } catch (RuntimeException e) {
                log(l, e);
            }
        }
    }

    private static void log(JobStoreListener l, RuntimeException e) {
        String message = "A job store listener (" + l.getClass().getName() + ") failed";
        try {
            ILog.of(ListenerCalls.class).log(Status.error(message, e));
        } catch (RuntimeException | LinkageError outsideOsgi) {
            System.err.println(message + ": " + e);
        }
    }
}
