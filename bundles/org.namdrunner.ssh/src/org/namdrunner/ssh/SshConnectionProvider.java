package org.namdrunner.ssh;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterConnectionProvider;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.CredentialPrompter;
import org.namdrunner.ssh.internal.NoOneToAsk;
import org.namdrunner.ssh.internal.SshConnection;

/**
 * One SSH connection per cluster profile, opened on first use and reused for every command and transfer
 * (each new login may cost a Duo push), re-opened after a drop. Editing a profile replaces its connection.
 */
public final class SshConnectionProvider implements ClusterConnectionProvider {

    private final CredentialPrompter prompter;
    private final SshSettings settings;
    private final Map<String, SshConnection> connections = new ConcurrentHashMap<>();

    /**
     * @param prompter asks the person for passwords, passphrases, MFA answers and unknown host keys
     * @param settings known_hosts, ssh config, agent, default keys and retry policy
     */
    public SshConnectionProvider(CredentialPrompter prompter, SshSettings settings) {
        this.prompter = Objects.requireNonNull(prompter, "prompter");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * The current user's agent and keys with the given known_hosts and config.
     *
     * @param knownHosts the OpenSSH known_hosts file to check host keys against and remember accepted ones in
     * @param sshConfig  an OpenSSH client config (e.g. ~/.ssh/config); may be null or missing
     */
    public SshConnectionProvider(CredentialPrompter prompter, Path knownHosts, Path sshConfig) {
        this(prompter, SshSettings.forCurrentUser().withKnownHosts(knownHosts).withSshConfig(sshConfig));
    }

    /** The user's own ~/.ssh/known_hosts, ~/.ssh/config, keys and agent. */
    public static SshConnectionProvider forCurrentUser(CredentialPrompter prompter) {
        return new SshConnectionProvider(prompter, SshSettings.forCurrentUser());
    }

    /**
     * No one to ask: key and agent logins work; a login that needs a password, passphrase or MFA answer, or
     * a host key that is not known yet, fails PERMANENT saying so.
     */
    public static SshConnectionProvider headless(SshSettings settings) {
        return new SshConnectionProvider(NoOneToAsk.INSTANCE, settings);
    }

    @Override
    public ClusterConnection connectionFor(ClusterProfile profile) {
        Objects.requireNonNull(profile, "profile");
        return connections.compute(profile.id(), (id, old) -> {
            if (old != null && old.profile().equals(profile)) {
                return old;
            }
            if (old != null) {
                old.close(); // the profile was edited: the old session is for the old settings
            }
            return new SshConnection(profile, prompter, settings);
        });
    }

    @Override
    public void closeAll() {
        connections.values().forEach(SshConnection::close);
        connections.clear();
    }
}
