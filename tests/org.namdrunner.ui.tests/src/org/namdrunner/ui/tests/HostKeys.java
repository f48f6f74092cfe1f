package org.namdrunner.ui.tests;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.swt.widgets.Shell;
import org.namdrunner.ui.internal.prompts.HostKeyDialog;

/** Answers the host-key dialog when it comes (once per test JVM: the answer is remembered in the test's own home). */
public final class HostKeys {

    private static final AtomicBoolean ANSWERED = new AtomicBoolean();
    private static final AtomicBoolean ANSWERED_TRANSFER = new AtomicBoolean();

    private HostKeys() {
    }

    /** If the dialog shows within the deadline, checks the fingerprint, takes a screenshot and trusts the key. */
    public static boolean trustIfAsked(String expectedFingerprint, Duration deadline) throws Exception {
        if (ANSWERED.get()) {
            return false;
        }
        try {
            Ui.waitUntil("the host-key dialog", deadline, () -> Widgets.shell(HostKeyDialog.TITLE).isPresent());
        } catch (AssertionError notShown) {
            return false;
        }
        Shell s = Dialogs.waitFor(HostKeyDialog.TITLE, Duration.ofSeconds(1));
        String text = Dialogs.text(s);
        if (!text.contains(expectedFingerprint)) {
            throw new AssertionError("The host-key dialog should show " + expectedFingerprint + " but says:\n" + text);
        }
        Screenshots.capture(s, "dialog-host-key");
        Dialogs.press(s, HostKeyDialog.REMEMBER);
        ANSWERED.set(true);
        return true;
    }

    /**
     * The built-in Alpine profile names a transfer host with a key of its own (the twin's 127.0.0.2): the first
     * file transfer asks for it once, after the login host's.
     */
    public static boolean trustTransferHostIfAsked(String expectedFingerprint, Duration deadline) throws Exception {
        if (ANSWERED_TRANSFER.get()) {
            return false;
        }
        try {
            Ui.waitUntil("the transfer host's host-key dialog", deadline, () -> Widgets.shell(HostKeyDialog.TITLE)
                    .map(s -> Dialogs.text(s).contains(expectedFingerprint)).orElse(false));
        } catch (AssertionError notShown) {
            return false;
        }
        Shell s = Dialogs.waitFor(HostKeyDialog.TITLE, Duration.ofSeconds(1));
        Dialogs.press(s, HostKeyDialog.REMEMBER);
        ANSWERED_TRANSFER.set(true);
        return true;
    }
}
