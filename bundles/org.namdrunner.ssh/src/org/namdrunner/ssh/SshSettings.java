package org.namdrunner.ssh;

import java.nio.file.Path;
import java.util.Objects;

import org.namdrunner.core.cluster.RetryPolicy;
import org.namdrunner.core.location.DataLocations;

/**
 * Where the SSH transport finds what OpenSSH users already have: known hosts, the client config, the agent
 * and the usual key files; and how it retries.
 *
 * @param knownHosts     OpenSSH known_hosts file: host keys are checked against it and accepted ones appended
 * @param sshConfig      OpenSSH client config (HostName, Port, User, IdentityFile of host aliases); null for none
 * @param agentSocket    ssh-agent socket; null for no agent
 * @param defaultKeysDir folder with {@code id_ed25519}, {@code id_ecdsa}, {@code id_rsa}, offered when a profile
 *                       names no key file and there is no agent; null for none
 * @param retryPolicy    how logins and repeatable operations are retried after TRANSIENT failures
 */
public record SshSettings(Path knownHosts, Path sshConfig, Path agentSocket, Path defaultKeysDir, RetryPolicy retryPolicy) {

    public SshSettings {
        Objects.requireNonNull(knownHosts, "knownHosts");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
    }

    /**
     * The current user's known_hosts (where {@link DataLocations} puts it: {@code -Dnamdrunner.knownHosts}, else
     * ~/.ssh/known_hosts), ~/.ssh/config, keys in ~/.ssh, and the agent of SSH_AUTH_SOCK.
     */
    public static SshSettings forCurrentUser() {
        DataLocations places = DataLocations.current();
        Path ssh = places.sshFolder();
        String sock = System.getenv("SSH_AUTH_SOCK");
        return new SshSettings(places.knownHosts().path(), ssh.resolve("config"),
                sock == null || sock.isBlank() ? null : Path.of(sock), ssh, RetryPolicy.standard());
    }

    /** Only this known_hosts file: no config, no agent, no default keys (a profile's key file or prompts only). */
    public static SshSettings isolated(Path knownHosts) {
        return new SshSettings(knownHosts, null, null, null, RetryPolicy.standard());
    }

    public SshSettings withKnownHosts(Path file) {
        return new SshSettings(file, sshConfig, agentSocket, defaultKeysDir, retryPolicy);
    }

    public SshSettings withSshConfig(Path file) {
        return new SshSettings(knownHosts, file, agentSocket, defaultKeysDir, retryPolicy);
    }

    public SshSettings withAgentSocket(Path socket) {
        return new SshSettings(knownHosts, sshConfig, socket, defaultKeysDir, retryPolicy);
    }

    public SshSettings withDefaultKeysDir(Path dir) {
        return new SshSettings(knownHosts, sshConfig, agentSocket, dir, retryPolicy);
    }

    public SshSettings withRetryPolicy(RetryPolicy policy) {
        return new SshSettings(knownHosts, sshConfig, agentSocket, defaultKeysDir, policy);
    }
}
