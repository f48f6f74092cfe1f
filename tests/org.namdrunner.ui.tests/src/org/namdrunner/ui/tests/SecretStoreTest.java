package org.namdrunner.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.provider.IProviderHints;
import org.junit.jupiter.api.Test;
import org.namdrunner.ui.internal.prompts.SecretStore;

/** Saved passwords live encrypted in Eclipse secure storage, and nowhere else in readable form. */
class SecretStoreTest {

    @Test
    void aSavedPasswordIsEncryptedAndCanBeForgotten() throws Exception {
        Path file = Files.createTempDirectory("namdrunner-secure").resolve("secure_storage");
        ISecurePreferences root = SecurePreferencesFactory.open(file.toUri().toURL(),
                Map.of(IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec("test-master-password".toCharArray()),
                        IProviderHints.PROMPT_USER, false));
        SecretStore store = new SecretStore(() -> root);

        assertNull(store.put("password", "mfauser@127.0.0.1:2222", "mfa-test-password".toCharArray()));
        Optional<char[]> back = store.get("password", "mfauser@127.0.0.1:2222");
        assertArrayEquals("mfa-test-password".toCharArray(), back.orElseThrow());
        assertEquals(List.of("mfauser@127.0.0.1:2222"), store.destinations());
        String onDisk = Files.readString(file, StandardCharsets.ISO_8859_1);
        assertFalse(onDisk.contains("mfa-test-password"), "the file holds the password encrypted only");

        store.removeAll();
        assertTrue(store.get("password", "mfauser@127.0.0.1:2222").isEmpty());
    }
}
