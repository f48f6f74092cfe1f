package org.namdrunner.ui.tests;

import java.time.Duration;

import org.eclipse.swt.widgets.Shell;
import org.namdrunner.ui.internal.prompts.HostKeyDialog;

/** Answers the host-key dialog when it comes (once per test JVM: the answer is remembered in the test's own home). */
public final class HostKeys {

    private static final java.util.Set<String> ANSWERED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private HostKeys() {
    }

    /** If the dialog shows within the deadline, checks the fingerprint, takes a screenshot and trusts the key. */
    public static boolean trustIfAsked(String expectedFingerprint, Duration deadline) throws Exception {
        // each key is asked once per run (the twin's transfer host has a key of its own)
        if (ANSWERED.contains(expectedFingerprint)) {
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
        if (ANSWERED.isEmpty()) {
            Screenshots.capture(s, "dialog-host-key");
        }
        Dialogs.press(s, HostKeyDialog.REMEMBER);
        ANSWERED.add(expectedFingerprint);
        return true;
    }
}
