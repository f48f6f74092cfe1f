package org.namdrunner.ui.internal.status;

import org.eclipse.swt.widgets.Display;
import org.namdrunner.app.Backend;
import org.namdrunner.ui.internal.services.BackendTracker;

/**
 * What starts with the workbench window and ends with it: background sync and the finished-job popups. Owned by
 * the workbench advisor, which {@link #close()}s it when the workbench shuts down.
 */
public final class StartupHooks implements AutoCloseable {

    private final BackendTracker backend = new BackendTracker();
    private Notifications notifications;
    private Backend started;

    /**
     * Reads the whole job list in the background as soon as the backend is there, while the workbench window is
     * still being built: the Jobs view takes it instead of reading it after the window is up.
     */
    public void readJobListAhead() {
        backend.whenReady(b -> b.jobListPrefetch().start());
    }

    /** The window opened without a Jobs view: nobody will take the list read ahead. */
    public void noJobsView() {
        backend.whenReady(b -> b.jobListPrefetch().discard());
    }

    /** Starts sync once the backend is there. Called on the UI thread. */
    public void workbenchStarted(Display display) {
        backend.whenReady(b -> {
            synchronized (this) {
                notifications = new Notifications(display, b);
                started = b;
            }
            b.sync().addListener(notifications);
            b.sync().start();
        });
    }

    @Override
    public void close() {
        Backend b;
        Notifications n;
        synchronized (this) {
            b = started;
            n = notifications;
            started = null;
        }
        if (b != null) {
            b.sync().removeListener(n);
            b.sync().stop();
        }
        backend.close();
    }
}
