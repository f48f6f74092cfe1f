package org.namdrunner.core.cluster;

import java.util.List;
import java.util.Optional;

/**
 * Asks the person for what a login needs. The workbench answers with dialogs; headless runs and tests
 * answer programmatically. Every method may block until the person answers and must return empty when
 * they cancel. Implementations never store a secret anywhere but Eclipse secure storage.
 */
public interface CredentialPrompter {

    /** One prompt of a keyboard-interactive exchange. */
    record Prompt(String text, boolean echo) {
    }

    /** What the person decided about a host key the workbench has not seen before. */
    enum HostKeyDecision {
        /** Trust it and remember it. */
        ACCEPT_AND_REMEMBER,
        /** Trust it for this session only. */
        ACCEPT_ONCE,
        /** Do not connect. */
        REJECT
    }

    /** The password for {@code user@host}. */
    Optional<char[]> password(String destination);

    /** The passphrase for a private key file. */
    Optional<char[]> passphrase(String keyFile);

    /**
     * The answers to a keyboard-interactive round (e.g. "Password:", then a Duo prompt). One answer per
     * prompt, in order.
     */
    Optional<List<char[]>> keyboardInteractive(String destination, String name, String instruction, List<Prompt> prompts);

    /**
     * A host presented a key that is not in the known hosts. Shows {@code fingerprint} (SHA256:...) so the
     * person can compare it with what the cluster's documentation publishes.
     */
    HostKeyDecision unknownHostKey(String host, int port, String keyType, String fingerprint);

    /** Something the person should read (e.g. a login banner); no answer needed. */
    default void message(String destination, String text) {
    }
}
