package org.namdrunner.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.provider.IProviderHints;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.namdrunner.ui.internal.prompts.SecretStore;

/**
 * Saving a password where the OS offers no keyring: Equinox's own module asks for a master password (the
 * platform's secure-storage dialog) on the first save, then the password is there for the next login. The test
 * runs with a keyring on the bus (KeyringSecretStoreTest), so it names Equinox's own module, which is what secure
 * storage falls back to when the keyring module reports itself unusable.
 */
class SecureStorageSaveTest {

    private static final String DESTINATION = "jdoe@hpc.lab.example.org";
    private static final String HINT = "Do you want to provide a password hint?";
    private static final String EQUINOX_OWN_MODULE = "org.eclipse.equinox.security.ui.DefaultPasswordProvider";
    private static ISecurePreferences storage;

    private static ISecurePreferences storage() {
        try {
            if (storage == null) {
                Path file = Files.createTempDirectory("namdrunner-secure-fallback").resolve("secure_storage");
                storage = SecurePreferencesFactory.open(file.toUri().toURL(), Map.of(IProviderHints.REQUIRED_MODULE_ID, EQUINOX_OWN_MODULE));
            }
            return storage;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theFirstSaveAsksForAMasterPasswordAndThenKeepsThePassword() throws Exception {
        AtomicReference<String> refused = new AtomicReference<>("not finished");
        Thread saving = new Thread(() -> refused.set(new SecretStore(SecureStorageSaveTest::storage).put("password", DESTINATION, "s3cret-pw".toCharArray())));
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
        assertArrayEquals("s3cret-pw".toCharArray(), new SecretStore(SecureStorageSaveTest::storage).get("password", DESTINATION).orElseThrow());
    }

    @AfterAll
    static void forget() {
        new SecretStore(SecureStorageSaveTest::storage).removeAll();
    }
}
