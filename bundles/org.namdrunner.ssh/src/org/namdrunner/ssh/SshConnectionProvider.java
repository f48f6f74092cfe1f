package org.namdrunner.ssh;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterConnectionProvider;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.CredentialPrompter;
import org.namdrunner.ssh.internal.SshConnection;

/**
 * One SSH connection per cluster profile, opened on first use and reused for every command and transfer
 * (each new login may cost a Duo push), re-opened after a drop.
 */
public final class SshConnectionProvider implements ClusterConnectionProvider {

    private final CredentialPrompter prompter;
    private final Path knownHosts;
    private final Path sshConfig;
    private final Map<String, SshConnection> connections = new ConcurrentHashMap<>();

    /**
     * @param prompter   asks the person for passwords, MFA answers and unknown host keys
     * @param knownHosts the OpenSSH known_hosts file to check host keys against and remember accepted ones in
     * @param sshConfig  an OpenSSH client config (e.g. ~/.ssh/config) for host aliases, users, ports and
     *                   identity files; may be null or missing
     */
    public SshConnectionProvider(CredentialPrompter prompter, Path knownHosts, Path sshConfig) {
        this.prompter = Objects.requireNonNull(prompter);
        this.knownHosts = Objects.requireNonNull(knownHosts);
        this.sshConfig = sshConfig;
    }

    /** The user's own ~/.ssh/known_hosts and ~/.ssh/config. */
    public static SshConnectionProvider forCurrentUser(CredentialPrompter prompter) {
        Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
        return new SshConnectionProvider(prompter, ssh.resolve("known_hosts"), ssh.resolve("config"));
    }

    @Override
    public ClusterConnection connectionFor(ClusterProfile profile) {
        SshConnection existing = connections.get(profile.id());
        if (existing != null && existing.profile().equals(profile)) {
            return existing;
        }
        SshConnection created = new SshConnection(profile, prompter, knownHosts, sshConfig);
        SshConnection previous = connections.put(profile.id(), created);
        if (previous != null) {
            previous.close();  // the profile was edited: the old session is for the old settings
        }
        return created;
    }

    @Override
    public void closeAll() {
        connections.values().forEach(SshConnection::close);
        connections.clear();
    }
}
