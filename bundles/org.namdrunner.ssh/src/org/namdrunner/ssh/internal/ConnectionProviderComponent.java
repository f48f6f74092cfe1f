package org.namdrunner.ssh.internal;

import java.util.List;
import java.util.Optional;

import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterConnectionProvider;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.CredentialPrompter;
import org.namdrunner.ssh.SshConnectionProvider;

/**
 * The DS component: SSH connections for the user's own ~/.ssh/known_hosts and ~/.ssh/config, asking
 * whichever {@link CredentialPrompter} service is there (the workbench publishes one). Without one, key logins
 * still work and anything that needs a person fails with a clear message.
 */
public final class ConnectionProviderComponent implements ClusterConnectionProvider {

    private volatile CredentialPrompter prompter;
    private final SshConnectionProvider delegate = SshConnectionProvider.forCurrentUser(new Delegating());

    public void setPrompter(CredentialPrompter p) {
        prompter = p;
    }

    public void unsetPrompter(CredentialPrompter p) {
        if (prompter == p) {
            prompter = null;
        }
    }

    public void deactivate() {
        delegate.closeAll();
    }

    @Override
    public ClusterConnection connectionFor(ClusterProfile profile) {
        return delegate.connectionFor(profile);
    }

    @Override
    public void closeAll() {
        delegate.closeAll();
    }

    /** Forwards to the bound prompter; with none, answers nothing (the login then fails with a clear error). */
    private final class Delegating implements CredentialPrompter {
        @Override
        public Optional<char[]> password(String destination) {
            CredentialPrompter p = prompter;
            return p == null ? Optional.empty() : p.password(destination);
        }

        @Override
        public Optional<char[]> passphrase(String keyFile) {
            CredentialPrompter p = prompter;
            return p == null ? Optional.empty() : p.passphrase(keyFile);
        }

        @Override
        public Optional<List<char[]>> keyboardInteractive(String destination, String name, String instruction, List<Prompt> prompts) {
            CredentialPrompter p = prompter;
            return p == null ? Optional.empty() : p.keyboardInteractive(destination, name, instruction, prompts);
        }

        @Override
        public HostKeyDecision unknownHostKey(String host, int port, String keyType, String fingerprint) {
            CredentialPrompter p = prompter;
            return p == null ? HostKeyDecision.REJECT : p.unknownHostKey(host, port, keyType, fingerprint);
        }

        @Override
        public void message(String destination, String text) {
            CredentialPrompter p = prompter;
            if (p != null) {
                p.message(destination, text);
            }
        }
    }
}
