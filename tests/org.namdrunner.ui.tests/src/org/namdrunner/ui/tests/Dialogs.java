package org.namdrunner.ui.tests;

import java.time.Duration;

import org.eclipse.swt.widgets.Shell;

/** Modal dialogs: wait for one to show, read it, press one of its buttons. */
public final class Dialogs {

    private Dialogs() {
    }

    public static Shell waitFor(String title, Duration deadline) {
        Ui.waitUntil("the dialog '" + title + "'", deadline, () -> Widgets.shell(title).isPresent());
        return Ui.sync(() -> Widgets.shell(title).orElseThrow());
    }

    /** The preference dialog ("Preferences", or "Preferences (Filtered)" when opened on our pages). */
    public static Shell waitForPreferences() {
        Ui.waitUntil("the Preferences dialog", Duration.ofSeconds(20), () -> Widgets.shellStartingWith("Preferences").isPresent());
        return Ui.sync(() -> Widgets.shellStartingWith("Preferences").orElseThrow());
    }

    public static String text(Shell shell) {
        return Ui.sync(() -> Widgets.text(shell));
    }

    public static void press(Shell shell, String button) {
        Ui.run(() -> Widgets.click(Widgets.button(shell, button)));
        Ui.waitUntil("the dialog to close after '" + button + "'", Duration.ofSeconds(10), shell::isDisposed);
    }
}
