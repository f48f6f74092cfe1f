package org.namdrunner.ui.tests;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;

/**
 * The tests run on their own thread (like a person's hands); everything they look at or touch on screen goes
 * through the UI thread. Waiting is polling with a deadline, never sleep-and-hope.
 */
public final class Ui {

    private Ui() {
    }

    public static Display display() {
        return PlatformUI.getWorkbench().getDisplay();
    }

    /** Runs on the UI thread and returns the result; exceptions are rethrown here. */
    public static <T> T sync(Supplier<T> s) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        AtomicReference<Error> error = new AtomicReference<>();
        display().syncExec(() -> {
            try {
                result.set(s.get());
            } catch (RuntimeException e) {
                failure.set(e);
            } catch (Error e) {
                error.set(e);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        if (error.get() != null) {
            throw error.get();
        }
        return result.get();
    }

    public static void run(Runnable r) {
        sync(() -> {
            r.run();
            return null;
        });
    }

    /** For actions that open a modal dialog: the dialog's event loop would otherwise hold the test. */
    public static void async(Runnable r) {
        display().asyncExec(r);
    }

    /** Polls {@code condition} on the UI thread every 100 ms until it holds; fails with {@code what} after the deadline. */
    public static void waitUntil(String what, Duration deadline, BooleanSupplier condition) {
        Instant end = Instant.now().plus(deadline);
        while (!sync(condition::getAsBoolean)) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("Timed out after " + deadline.toSeconds() + " s waiting for: " + what
                        + "\nOn screen:\n" + sync(Ui::describeShells));
            }
            pause(100);
        }
    }

    /** Every visible shell with its title and what it says, for failure messages. UI thread. */
    static String describeShells() {
        StringBuilder sb = new StringBuilder();
        for (org.eclipse.swt.widgets.Shell s : display().getShells()) {
            if (s.isVisible()) {
                sb.append("  [").append(s.getText()).append("] ").append(Widgets.text(s).replace('\n', '|'), 0,
                        Math.min(600, Widgets.text(s).length())).append('\n');
            }
        }
        return sb.toString();
    }

    /** Lets the UI thread catch up (layout, paint) before a look or a screenshot. */
    public static void settle() {
        run(() -> {
            Display d = display();
            while (d.readAndDispatch()) {
                // drain
            }
        });
        pause(150);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
