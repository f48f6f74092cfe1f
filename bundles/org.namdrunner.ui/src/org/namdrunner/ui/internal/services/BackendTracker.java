package org.namdrunner.ui.internal.services;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.swt.widgets.Display;
import org.namdrunner.app.Backend;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * The {@link Backend} service for one part, handler or dialog, for as long as it lives: open it when the owner is
 * created, {@link #close()} it when the owner is disposed. The backend is registered a little after start-up (its
 * database is opened in the background), so owners usually ask {@link #whenReadyOnUi} and show "Starting…" meanwhile.
 */
public final class BackendTracker implements AutoCloseable {

    private final Object lock = new Object();
    private final List<Consumer<Backend>> waiting = new ArrayList<>();
    private final ServiceTracker<Backend, Backend> tracker;
    private Backend current;
    private boolean closed;

    public BackendTracker() {
        BundleContext context = FrameworkUtil.getBundle(BackendTracker.class).getBundleContext();
        tracker = new ServiceTracker<>(context, Backend.class, new ServiceTrackerCustomizer<>() {
            @Override
            public Backend addingService(ServiceReference<Backend> ref) {
                Backend b = context.getService(ref);
                List<Consumer<Backend>> toRun;
                synchronized (lock) {
                    current = b;
                    toRun = new ArrayList<>(waiting);
                    waiting.clear();
                }
                toRun.forEach(a -> a.accept(b));
                return b;
            }

            @Override
            public void modifiedService(ServiceReference<Backend> ref, Backend b) {
            }

            @Override
            public void removedService(ServiceReference<Backend> ref, Backend b) {
                synchronized (lock) {
                    if (current == b) {
                        current = null;
                    }
                }
                context.ungetService(ref);
            }
        });
        tracker.open();
    }

    /** The backend if the service is there; safe on any thread. */
    public Optional<Backend> current() {
        synchronized (lock) {
            return Optional.ofNullable(current);
        }
    }

    /** Runs {@code action} once the backend is there: at once on this thread, or later on the thread that registers it. */
    public void whenReady(Consumer<Backend> action) {
        Backend b;
        synchronized (lock) {
            if (closed) {
                return;
            }
            b = current;
            if (b == null) {
                waiting.add(action);
                return;
            }
        }
        action.accept(b);
    }

    /** Like {@link #whenReady}, but runs {@code action} on the display's thread, and not at all once the display is gone. */
    public void whenReadyOnUi(Display display, Consumer<Backend> action) {
        whenReady(b -> {
            if (!display.isDisposed()) {
                display.asyncExec(() -> {
                    if (!isClosed()) {
                        action.accept(b);
                    }
                });
            }
        });
    }

    private boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            waiting.clear();
            current = null;
        }
        tracker.close();
    }
}
