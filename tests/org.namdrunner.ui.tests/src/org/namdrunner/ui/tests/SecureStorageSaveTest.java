package org.namdrunner.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.namdrunner.ui.internal.prompts.SecretStore;

/**
 * Saving a password in the workbench's own secure storage: the first save asks for a master password (the
 * platform's secure-storage dialog), then the password is there for the next login.
 */
class SecureStorageSaveTest {

    private static final String DESTINATION = "jdoe@hpc.lab.example.org";
    private static final String HINT = "Do you want to provide a password hint?";

    @Test
    void theFirstSaveAsksForAMasterPasswordAndThenKeepsThePassword() throws Exception {
        AtomicReference<String> refused = new AtomicReference<>("not finished");
        Thread saving = new Thread(() -> refused.set(new SecretStore().put("password", DESTINATION, "s3cret-pw".toCharArray())));
        saving.start();
        Instant end = Instant.now().plus(Duration.ofSeconds(60));
        boolean screenshot = false;
        while (saving.isAlive()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("Saving did not finish.\n" + Ui.sync(Ui::describeShells));
            }
            Shell login = Ui.sync(() -> Widgets.shell("Secure Storage").orElse(null));
            if (login != null) {
                Ui.run(() -> {
                    for (var c : Widgets.all(login)) {
                        if (c instanceof Text t && (t.getStyle() & SWT.READ_ONLY) == 0) {
                            Widgets.type(t, "master-pw-for-tests");
                        }
                    }
                });
                if (!screenshot) {
                    Screenshots.capture(login, "dialog-secure-storage");
                    screenshot = true;
                }
                Dialogs.press(login, "OK");
            }
            Ui.pause(100);
        }
        // the platform then offers, from a job of its own, to set up password recovery
        Ui.waitUntil("the offer of a password hint", Duration.ofSeconds(30), () -> Widgets.shellShowing(HINT).isPresent());
        Dialogs.press(Ui.sync(() -> Widgets.shellShowing(HINT).orElseThrow()), "No");
        assertNull(refused.get(), "saved in secure storage");
        assertArrayEquals("s3cret-pw".toCharArray(), new SecretStore().get("password", DESTINATION).orElseThrow());
    }

    @AfterAll
    static void forget() {
        new SecretStore().removeAll();
    }
}
