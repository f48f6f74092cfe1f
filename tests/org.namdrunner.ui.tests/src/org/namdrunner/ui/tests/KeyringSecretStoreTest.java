package org.namdrunner.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.provider.IProviderHints;
import org.junit.jupiter.api.Test;
import org.namdrunner.ui.internal.prompts.SecretStore;

/**
 * With a Secret Service on the session bus (./test.sh runs the build under dbus-run-session with gnome-keyring),
 * Eclipse secure storage takes its master password from the OS keyring (org.eclipse.equinox.security.linux), so a
 * password saved through {@link SecretStore} is locked by a key that lives in the keyring, not on disk, and no
 * master-password dialog is shown. The key in the keyring is the only thing that opens the file: once it is removed
 * from the keyring, the saved password cannot be read any more.
 */
class KeyringSecretStoreTest {

    private static final String SCHEMA = "org.eclipse.equinox";
    private static final String DESTINATION = "keyring-user@hpc.lab.example.org";

    @Test
    void aSavedPasswordIsLockedByAKeyInTheOsKeyringAndNotReadableFromTheFile() throws Exception {
        assertNotNull(System.getenv("DBUS_SESSION_BUS_ADDRESS"),
                "no D-Bus session bus: run the workbench tests through ./test.sh, which starts gnome-keyring under dbus-run-session");
        String password = "kr-" + UUID.randomUUID();
        Path dir = Files.createTempDirectory("namdrunner-keyring");
        Path file = dir.resolve("secure_storage");
        // no default password and no prompting: the storage must pick the keyring module on its own
        ISecurePreferences root = SecurePreferencesFactory.open(file.toUri().toURL(), Map.of(IProviderHints.PROMPT_USER, false));
        SecretStore store = new SecretStore(() -> root);

        String refused = store.put("password", DESTINATION, password.toCharArray());
        assertNull(refused, () -> "saved without asking anyone; the keyring before: " + secretToolQuietly() + "\nthe log: " + logTail());
        assertArrayEquals(password.toCharArray(), store.get("password", DESTINATION).orElseThrow());

        String onDisk = Files.readString(file, StandardCharsets.ISO_8859_1);
        assertTrue(onDisk.contains("org.eclipse.equinox.security.linuxkeystoreintegrationjna"),
                "the storage is locked by the Linux keyring module, not by a typed master password:\n" + onDisk);
        assertFalse(onDisk.contains(password), "the password is not in the file in plain text");
        assertFalse(onDisk.contains(Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8))),
                "nor base64-encoded");

        String found = secretTool("search", "--all", "xdg:schema", SCHEMA);
        assertTrue(found.contains("Equinox master password"), "secret-tool finds the master password in the keyring:\n" + found);
        String master = found.lines().filter(l -> l.startsWith("secret = ")).findFirst().orElseThrow().substring(9).strip();
        assertTrue(master.length() >= 64, "a generated key, not a word a person typed");
        assertFalse(onDisk.contains(master), "the key that opens the file is not in the file");
        assertFalse(found.contains(password), "the keyring holds the key, the password stays encrypted in the file");

        // a second process would open a copy of the file like this: the key comes from the keyring
        Path copy = Files.copy(file, dir.resolve("secure_storage_copy"));
        ISecurePreferences reopened = SecurePreferencesFactory.open(copy.toUri().toURL(), Map.of(IProviderHints.PROMPT_USER, false));
        assertArrayEquals(password.toCharArray(), new SecretStore(() -> reopened).get("password", DESTINATION).orElseThrow());

        // without the keyring's entry the file alone opens nothing
        secretTool("clear", "xdg:schema", SCHEMA);
        assertEquals("", secretTool("search", "--all", "xdg:schema", SCHEMA).strip());
        Path orphan = Files.copy(file, dir.resolve("secure_storage_orphan"));
        ISecurePreferences withoutKey = SecurePreferencesFactory.open(orphan.toUri().toURL(), Map.of(IProviderHints.PROMPT_USER, false));
        assertTrue(new SecretStore(() -> withoutKey).get("password", DESTINATION).isEmpty(),
                "the saved password cannot be read once the keyring forgot the key");
    }

    private static String secretToolQuietly() {
        try {
            return secretTool("search", "--all", "xdg:schema", SCHEMA);
        } catch (IOException | InterruptedException | AssertionError e) {
            return e.toString();
        }
    }

    private static String logTail() {
        try {
            String log = Files.readString(Path.of(org.eclipse.core.runtime.Platform.getLogFileLocation().toOSString()));
            return log.substring(Math.max(0, log.length() - 4000));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Runs libsecret's command-line client on the same session bus; its output (stdout and stderr). */
    private static String secretTool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("secret-tool"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "secret-tool finished");
        if (p.exitValue() != 0 && !(args[0].equals("search") && out.isBlank())) {
            throw new AssertionError("secret-tool " + String.join(" ", args) + " failed (" + p.exitValue() + "): " + out);
        }
        return out;
    }
}
