package org.namdrunner.ui.internal.prompts;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.equinox.security.storage.EncodingUtils;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;

/**
 * Passwords and passphrases a person chose to save, in Eclipse secure storage only (encrypted with the
 * operating system's key store where there is one). Never in preferences, logs or the job database.
 */
public final class SecretStore {

    static final String ROOT = "/org.namdrunner/credentials";

    private final Supplier<ISecurePreferences> root;

    /** The workbench's default secure storage. */
    public SecretStore() {
        this(SecurePreferencesFactory::getDefault);
    }

    public SecretStore(Supplier<ISecurePreferences> root) {
        this.root = root;
    }

    /** The saved secret, or empty when none was saved or the storage cannot be opened. */
    public Optional<char[]> get(String kind, String destination) {
        try {
            ISecurePreferences n = node(destination, false);
            String v = n == null ? null : n.get(kind, null);
            return v == null ? Optional.empty() : Optional.of(v.toCharArray());
        } catch (StorageException | RuntimeException e) {
            ILog.of(getClass()).log(Status.warning("The saved " + kind + " for " + destination
                    + " could not be read from secure storage; you will be asked for it.", e));
            return Optional.empty();
        }
    }

    /**
     * Saves a secret encrypted.
     *
     * @return null when it was saved, else why not in words for the person
     */
    public String put(String kind, String destination, char[] secret) {
        try {
            ISecurePreferences n = node(destination, true);
            if (n == null) {
                return "This computer offers no secure storage.";
            }
            n.put(kind, new String(secret), true);
            n.flush();
            return null;
        } catch (StorageException | IOException | RuntimeException e) {
            remove(destination);
            ILog.of(getClass()).log(Status.warning("The " + kind + " for " + destination + " could not be saved in secure storage.", e));
            return "Secure storage refused it (" + e.getMessage() + "). You will be asked again next time.";
        }
    }

    public void remove(String destination) {
        ISecurePreferences n = node(destination, false);
        if (n != null) {
            n.removeNode();
            flush();
        }
    }

    /** Forgets every saved secret of NAMDRunner. */
    public void removeAll() {
        ISecurePreferences r = root.get();
        if (r != null && r.nodeExists(ROOT)) {
            r.node(ROOT).removeNode();
            flush();
        }
    }

    /** Destinations with something saved. */
    public java.util.List<String> destinations() {
        ISecurePreferences r = root.get();
        if (r == null || !r.nodeExists(ROOT)) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(r.node(ROOT).childrenNames()).map(EncodingUtils::decodeSlashes).sorted().toList();
    }

    private ISecurePreferences node(String destination, boolean create) {
        ISecurePreferences r = root.get();
        if (r == null) {
            return null;
        }
        String path = ROOT + "/" + EncodingUtils.encodeSlashes(destination);
        return create || r.nodeExists(path) ? r.node(path) : null;
    }

    private void flush() {
        try {
            ISecurePreferences r = root.get();
            if (r != null) {
                r.flush();
            }
        } catch (IOException e) {
            ILog.of(getClass()).log(Status.warning("Secure storage could not be written.", e));
        }
    }
}
