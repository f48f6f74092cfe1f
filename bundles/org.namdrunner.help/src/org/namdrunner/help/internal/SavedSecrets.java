package org.namdrunner.help.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.equinox.security.storage.provider.IProviderHints;

/**
 * The values NAMDRunner saved in secure storage (the workbench's SecretStore keeps them under
 * {@value #ROOT}), read only to remove them from a problem report. Reading never asks for the master password:
 * when the storage is locked, the report relies on {@link SecretScrubber}'s patterns alone.
 */
public final class SavedSecrets {

    static final String ROOT = "/org.namdrunner/credentials";

    private final Supplier<ISecurePreferences> storage;

    public SavedSecrets(Supplier<ISecurePreferences> storage) {
        this.storage = storage;
    }

    /** The workbench's default secure storage, opened so that it never prompts. */
    public static SavedSecrets ofWorkbench() {
        return new SavedSecrets(() -> {
            try {
                return SecurePreferencesFactory.open(null, Map.of(IProviderHints.PROMPT_USER, Boolean.FALSE));
            } catch (java.io.IOException e) {
                return null;
            }
        });
    }

    public List<String> values() {
        List<String> values = new ArrayList<>();
        ISecurePreferences root = storage.get();
        if (root == null || !root.nodeExists(ROOT)) {
            return values;
        }
        ISecurePreferences credentials = root.node(ROOT);
        for (String destination : credentials.childrenNames()) {
            ISecurePreferences node = credentials.node(destination);
            for (String key : node.keys()) {
                try {
                    String v = node.get(key, null);
                    if (v != null) {
                        values.add(v);
                    }
                } catch (StorageException | RuntimeException e) {
                    // locked (no keyring and no master password typed yet): the patterns still apply
                }
            }
        }
        return values;
    }
}
