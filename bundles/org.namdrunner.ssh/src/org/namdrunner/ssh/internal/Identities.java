package org.namdrunner.ssh.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.AgentProxyException;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.SSHAgentConnector;

import org.namdrunner.core.cluster.ClusterProfile;

/** Which keys a login may offer: the running ssh-agent if any, else the profile's key file or the usual ones. */
final class Identities {

    private static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    private Identities() {
    }

    static void add(JSch jsch, ClusterProfile profile) throws JSchException {
        if (!profile.keyFile().isEmpty()) {
            jsch.addIdentity(profile.keyFile());
            return;
        }
        if (System.getenv("SSH_AUTH_SOCK") != null) {
            try {
                SSHAgentConnector agent = new SSHAgentConnector();
                if (agent.isAvailable()) {
                    jsch.setIdentityRepository(new AgentIdentityRepository(agent));
                    return;
                }
            } catch (AgentProxyException | RuntimeException e) {
                // no usable agent: fall back to key files
            }
        }
        Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
        for (String name : DEFAULT_KEYS) {
            Path key = ssh.resolve(name);
            if (Files.isRegularFile(key)) {
                jsch.addIdentity(key.toString());
            }
        }
    }
}
