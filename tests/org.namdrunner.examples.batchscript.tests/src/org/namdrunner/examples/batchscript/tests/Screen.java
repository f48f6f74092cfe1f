package org.namdrunner.examples.batchscript.tests;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;

/**
 * The screen as a person sees it, from the test's own thread: everything it looks at or touches goes through
 * the UI thread, controls are found by the words next to them, and waiting is polling with a deadline.
 */
final class Screen {

    private Screen() {
    }

    static Display display() {
        return PlatformUI.getWorkbench().getDisplay();
    }

    static <T> T sync(Supplier<T> s) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        display().syncExec(() -> {
            try {
                result.set(s.get());
            } catch (RuntimeException | Error e) {
                failure.set(e);
            }
        });
        Throwable t = failure.get();
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return result.get();
    }

    static void run(Runnable r) {
        sync(() -> {
            r.run();
            return null;
        });
    }

    /** For what opens a modal dialog, whose event loop would otherwise hold the test. */
    static void async(Runnable r) {
        display().asyncExec(r);
    }

    static void waitUntil(String what, Duration deadline, BooleanSupplier condition) {
        Instant end = Instant.now().plus(deadline);
        while (!sync(condition::getAsBoolean)) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("Timed out after " + deadline.toSeconds() + " s waiting for " + what
                        + "; shells on screen: " + sync(Screen::shellTitles));
            }
            pause(100);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static List<String> shellTitles() {
        List<String> titles = new ArrayList<>();
        for (Shell s : display().getShells()) {
            if (s.isVisible()) {
                titles.add(s.getText());
            }
        }
        return titles;
    }

    /** UI thread. */
    static Optional<Shell> shell(String title) {
        for (Shell s : display().getShells()) {
            if (!s.isDisposed() && s.isVisible() && title.equals(s.getText())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    static Shell waitForShell(String title, Duration deadline) {
        waitUntil("the window '" + title + "'", deadline, () -> shell(title).isPresent());
        return sync(() -> shell(title).orElseThrow());
    }

    /** UI thread. */
    static List<Control> all(Composite root) {
        List<Control> out = new ArrayList<>();
        for (Control c : root.getChildren()) {
            out.add(c);
            if (c instanceof Composite comp) {
                out.addAll(all(comp));
            }
        }
        return out;
    }

    /** The first control of {@code type} after the label saying {@code label}. UI thread. */
    static <T extends Control> T after(Composite root, String label, Class<T> type) {
        List<Control> controls = all(root);
        for (int i = 0; i < controls.size(); i++) {
            if (controls.get(i) instanceof Label l && label.equals(l.getText())) {
                for (int j = i + 1; j < controls.size(); j++) {
                    if (type.isInstance(controls.get(j))) {
                        return type.cast(controls.get(j));
                    }
                }
            }
        }
        throw new AssertionError("No " + type.getSimpleName() + " after the label '" + label + "'");
    }

    /** UI thread. */
    static Button button(Composite root, String text) {
        for (Control c : all(root)) {
            if (c instanceof Button b && text.equals(b.getText().replace("&", ""))) {
                return b;
            }
        }
        throw new AssertionError("No button '" + text + "'");
    }

    /** UI thread. */
    static void click(Button b) {
        if (!b.isEnabled()) {
            throw new AssertionError("The button '" + b.getText() + "' is disabled");
        }
        if ((b.getStyle() & (SWT.CHECK | SWT.RADIO)) != 0) {
            b.setSelection(!b.getSelection());
        }
        b.notifyListeners(SWT.Selection, new Event());
    }

    /** UI thread. */
    static void type(Text t, String value) {
        t.setFocus();
        t.setText(value);
    }

    /** UI thread. */
    static void choose(Combo c, String itemStartingWith) {
        String[] items = c.getItems();
        for (int i = 0; i < items.length; i++) {
            if (items[i].startsWith(itemStartingWith)) {
                c.select(i);
                c.notifyListeners(SWT.Selection, new Event());
                return;
            }
        }
        throw new AssertionError("No item starting with '" + itemStartingWith + "' in " + List.of(items));
    }
}
