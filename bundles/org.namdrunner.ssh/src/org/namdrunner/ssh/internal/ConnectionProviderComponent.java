package org.namdrunner.ssh.internal;

import java.util.List;
import java.util.Optional;

import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterConnectionProvider;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.CredentialPrompter;
import org.namdrunner.ssh.SshConnectionProvider;
import org.namdrunner.ssh.SshSettings;

/**
 * The DS component (OSGI-INF/connectionProvider.xml): SSH connections with the user's own ~/.ssh, asking
 * whichever {@link CredentialPrompter} service is bound (the workbench publishes one). Without one, key and
 * agent logins still work and anything that needs a person fails PERMANENT with "no one to ask".
 */
public final class ConnectionProviderComponent implements ClusterConnectionProvider {

    private volatile CredentialPrompter prompter;
    private final SshConnectionProvider delegate;

    /** For DS. */
    public ConnectionProviderComponent() {
        this(SshSettings.forCurrentUser());
    }

    /** For tests: the same component with other files. */
    public ConnectionProviderComponent(SshSettings settings) {
        delegate = new SshConnectionProvider(new Forwarding(), settings);
    }

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

    /** Forwards to the bound prompter, or to no one. */
    private final class Forwarding implements CredentialPrompter, Attendance {

        private CredentialPrompter target() {
            CredentialPrompter p = prompter;
            return p == null ? NoOneToAsk.INSTANCE : p;
        }

        @Override
        public boolean someoneToAsk() {
            return Attendance.someoneToAsk(target());
        }

        @Override
        public Optional<char[]> password(String destination) {
            return target().password(destination);
        }

        @Override
        public Optional<char[]> passphrase(String keyFile) {
            return target().passphrase(keyFile);
        }

        @Override
        public Optional<List<char[]>> keyboardInteractive(String destination, String name, String instruction, List<Prompt> prompts) {
            return target().keyboardInteractive(destination, name, instruction, prompts);
        }

        @Override
        public HostKeyDecision unknownHostKey(String host, int port, String keyType, String fingerprint) {
            return target().unknownHostKey(host, port, keyType, fingerprint);
        }

        @Override
        public void message(String destination, String text) {
            target().message(destination, text);
        }
    }
}
