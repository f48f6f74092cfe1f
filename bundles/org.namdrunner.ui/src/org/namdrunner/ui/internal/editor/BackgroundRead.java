package org.namdrunner.ui.internal.editor;

import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Control;

/**
 * The one remote read an editor page has running: reads in an Eclipse job (Progress view, cancel), shows the
 * result on the UI thread unless the page's control is gone, and cancels the previous read when a new one starts
 * or the page closes.
 */
final class BackgroundRead {

    private Job current;

    /** Starts {@code read} off the UI thread, replacing a read still running; {@code show} gets its result. */
    <T> void start(String name, Control owner, Function<IProgressMonitor, T> read, Consumer<T> show) {
        cancel();
        // captured here, on the UI thread: the job must not ask a widget for its display
        org.eclipse.swt.widgets.Display display = owner.getDisplay();
        current = Job.create(name, monitor -> {
            T result = read.apply(monitor);
            if (display.isDisposed()) {
                return Status.OK_STATUS;
            }
            display.asyncExec(() -> {
                if (!owner.isDisposed()) {
                    show.accept(result);
                }
            });
            return Status.OK_STATUS;
        });
        current.schedule();
    }

    void cancel() {
        if (current != null) {
            current.cancel();
        }
    }
}
