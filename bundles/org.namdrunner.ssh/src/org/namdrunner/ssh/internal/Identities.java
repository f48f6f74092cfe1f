package org.namdrunner.ssh.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.AgentProxyException;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.SSHAgentConnector;

import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.ssh.SshSettings;

/**
 * Which keys a login may offer, in OpenSSH's spirit: the profile's key file when it names one; otherwise the
 * running ssh-agent; otherwise the usual key files. IdentityFile lines of ~/.ssh/config are added by JSch
 * itself. An encrypted key's passphrase is asked for only when the server accepts the key.
 */
final class Identities {

    private static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    private Identities() {
    }

    static void add(JSch jsch, ClusterProfile profile, SshSettings settings) throws ClusterException {
        if (!profile.keyFile().isEmpty()) {
            addFile(jsch, expandHome(profile.keyFile()));
            return;
        }
        if (settings.agentSocket() != null) {
            try {
                SSHAgentConnector agent = new SSHAgentConnector(settings.agentSocket());
                if (agent.isAvailable()) {
                    jsch.setIdentityRepository(new AgentIdentityRepository(agent));
                    return;
                }
            } catch (AgentProxyException | RuntimeException e) {
                // no usable agent: fall back to key files
            }
        }
        if (settings.defaultKeysDir() != null) {
            for (String name : DEFAULT_KEYS) {
                Path key = settings.defaultKeysDir().resolve(name);
                if (Files.isRegularFile(key)) {
                    addFile(jsch, key);
                }
            }
        }
    }

    private static void addFile(JSch jsch, Path key) throws ClusterException {
        if (!Files.isRegularFile(key)) {
            throw ClusterException.permanent("The key file " + key + " does not exist. Check the cluster profile's key file.");
        }
        try {
            jsch.addIdentity(key.toString());
        } catch (JSchException e) {
            throw ClusterException.permanent("The key file " + key + " cannot be used: " + e.getMessage()
                    + ". It must be an OpenSSH or PEM private key.");
        }
    }

    static Path expandHome(String file) {
        if (file.equals("~") || file.startsWith("~/")) {
            return Path.of(System.getProperty("user.home") + file.substring(1));
        }
        return Path.of(file);
    }
}
