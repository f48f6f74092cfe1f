package org.namdrunner.ssh.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;

import org.namdrunner.core.cluster.CredentialPrompter;
import org.namdrunner.core.cluster.CredentialPrompter.HostKeyDecision;

/**
 * Host key policy: a key in known_hosts → connect; an unknown key → the person sees its SHA256 fingerprint
 * and decides (remembered in known_hosts, for this session only, or refused); a CHANGED key → refused,
 * never asked about, since that is what an attack looks like.
 */
final class VerifyingHostKeys implements HostKeyRepository {

    private final HostKeyRepository known;
    private final Path knownHostsFile;
    private final CredentialPrompter prompter;
    private final Set<String> acceptedOnce = new HashSet<>();
    private volatile String changedHost;

    VerifyingHostKeys(JSch jsch, Path knownHostsFile, CredentialPrompter prompter) throws JSchException {
        this.knownHostsFile = knownHostsFile;
        this.prompter = prompter;
        if (Files.isRegularFile(knownHostsFile)) {
            jsch.setKnownHosts(knownHostsFile.toString());
        }
        this.known = jsch.getHostKeyRepository();
    }

    /** The host whose key changed in the last check, or null. */
    String changedHost() {
        return changedHost;
    }

    @Override
    public int check(String host, byte[] key) {
        int result = known.check(host, key);
        if (result == OK) {
            return OK;
        }
        if (result == CHANGED) {
            changedHost = host;
            return CHANGED;
        }
        String fingerprint = Fingerprints.sha256(key);
        if (acceptedOnce.contains(host + " " + fingerprint)) {
            return OK;
        }
        HostAndPort hp = HostAndPort.parse(host);
        HostKeyDecision decision = prompter.unknownHostKey(hp.host(), hp.port(), keyType(host, key), fingerprint);
        switch (decision) {
            case ACCEPT_AND_REMEMBER -> {
                remember(host, key);
                acceptedOnce.add(host + " " + fingerprint);
                return OK;
            }
            case ACCEPT_ONCE -> {
                acceptedOnce.add(host + " " + fingerprint);
                return OK;
            }
            default -> {
                return NOT_INCLUDED;
            }
        }
    }

    private static String keyType(String host, byte[] key) {
        try {
            return new HostKey(host, key).getType();
        } catch (JSchException e) {
            return "unknown";
        }
    }

    /** Appends an OpenSSH known_hosts line (not hashed, so a person can read and edit it). */
    private void remember(String host, byte[] key) {
        try {
            Path parent = knownHostsFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            String line = host + " " + keyType(host, key) + " " + Base64.getEncoder().encodeToString(key) + "\n";
            Files.writeString(knownHostsFile, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the key is trusted for this session; it will be asked about again next time
        }
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        known.add(hostkey, ui);
    }

    @Override
    public void remove(String host, String type) {
        known.remove(host, type);
    }

    @Override
    public void remove(String host, String type, byte[] key) {
        known.remove(host, type, key);
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return known.getKnownHostsRepositoryID();
    }

    @Override
    public HostKey[] getHostKey() {
        return known.getHostKey();
    }

    @Override
    public HostKey[] getHostKey(String host, String type) {
        return known.getHostKey(host, type);
    }

    /** JSch names hosts on other ports "[host]:port". */
    record HostAndPort(String host, int port) {
        static HostAndPort parse(String s) {
            if (s.startsWith("[") && s.contains("]:")) {
                int close = s.indexOf("]:");
                return new HostAndPort(s.substring(1, close), Integer.parseInt(s.substring(close + 2)));
            }
            return new HostAndPort(s, 22);
        }
    }
}
