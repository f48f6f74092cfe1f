package org.namdrunner.ssh.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
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
 * Host key policy, over JSch's reading of an OpenSSH known_hosts file (plain or hashed entries,
 * {@code [host]:port} names):
 * <ul>
 * <li>the key is listed for the host → connect;</li>
 * <li>no key is listed for the host → the person sees its SHA256 fingerprint and decides (remember it in
 * known_hosts, trust it for this login only, or refuse); with no one to ask, refuse;</li>
 * <li>a different key is listed for the host — of the same type, or only keys of other types → CHANGED:
 * refused, never offered for acceptance, since that is what an interception looks like.</li>
 * </ul>
 * Accepted keys are appended unhashed ({@code [host]:port type base64}), so a person can read and edit them.
 */
final class VerifyingHostKeys implements HostKeyRepository {

    private static final Object FILE_LOCK = new Object();

    private final HostKeyRepository known;
    private final Path knownHostsFile;
    private final CredentialPrompter prompter;
    private final PromptingUserInfo info;
    private final Set<String> acceptedOnce = new HashSet<>();
    private volatile String changedHost;
    private volatile String presentedFingerprint;
    private volatile String presentedType;

    VerifyingHostKeys(JSch jsch, Path knownHostsFile, CredentialPrompter prompter, PromptingUserInfo info) throws JSchException {
        this.knownHostsFile = knownHostsFile;
        this.prompter = prompter;
        this.info = info;
        if (Files.isRegularFile(knownHostsFile)) {
            jsch.setKnownHosts(knownHostsFile.toString());
        }
        this.known = jsch.getHostKeyRepository();
    }

    /** The host whose key changed in the last check, or null. */
    String changedHost() {
        return changedHost;
    }

    /** The SHA256 fingerprint of the key the host presented (once checked), or null. */
    String presentedFingerprint() {
        return presentedFingerprint;
    }

    String presentedType() {
        return presentedType;
    }

    @Override
    public int check(String host, byte[] key) {
        presentedFingerprint = Fingerprints.sha256(key);
        presentedType = keyType(host, key);
        String presented = Base64.getEncoder().encodeToString(key);
        boolean listed = false;
        for (HostKey k : listedFor(host, null)) {
            if (k.getType().equals(presentedType) && k.getKey().equals(presented)) {
                return OK; // (a key marked @revoked is then refused by JSch)
            }
            listed |= k.getMarker() == null || k.getMarker().isEmpty();
        }
        if (listed) {
            changedHost = host;
            return CHANGED;
        }
        if (acceptedOnce.contains(host + " " + presentedFingerprint)) {
            return OK;
        }
        if (!info.someoneToAsk()) {
            info.noOneToAsk("a decision about its host key, which is not in " + knownHostsFile);
            return NOT_INCLUDED;
        }
        HostAndPort hp = HostAndPort.parse(host);
        info.markAsked();
        HostKeyDecision decision = prompter.unknownHostKey(hp.host(), hp.port(), presentedType, presentedFingerprint);
        if (decision == HostKeyDecision.ACCEPT_AND_REMEMBER) {
            remember(host, key);
        }
        if (decision == HostKeyDecision.ACCEPT_AND_REMEMBER || decision == HostKeyDecision.ACCEPT_ONCE) {
            acceptedOnce.add(host + " " + presentedFingerprint);
            return OK;
        }
        return NOT_INCLUDED;
    }

    /**
     * The known_hosts entries (ordinary or @revoked) for exactly this name, OpenSSH's way: {@code [host]:port}
     * for a port other than 22 matches only entries naming that port (JSch alone would also take the port-22
     * entries of the host, and call a second server on the same machine "changed"); plain and hashed names,
     * {@code *}/{@code ?} patterns and {@code !} negations are understood.
     */
    private HostKey[] listedFor(String host, String type) {
        HostKey[] all = known.getHostKey();
        if (all == null) {
            return new HostKey[0];
        }
        return Arrays.stream(all)
                .filter(k -> k.getMarker() == null || k.getMarker().isEmpty() || k.getMarker().equals("@revoked"))
                .filter(k -> type == null || k.getType().equals(type))
                .filter(k -> HostPatterns.matches(k.getHost(), host))
                .toArray(HostKey[]::new);
    }

    private static String keyType(String host, byte[] key) {
        try {
            return new HostKey(host, key).getType();
        } catch (JSchException e) {
            return "unknown";
        }
    }

    /** Appends one OpenSSH known_hosts line (not hashed). */
    private void remember(String host, byte[] key) {
        String line = host + " " + keyType(host, key) + " " + Base64.getEncoder().encodeToString(key) + "\n";
        synchronized (FILE_LOCK) {
            try {
                Path parent = knownHostsFile.toAbsolutePath().getParent();
                if (parent != null && !Files.isDirectory(parent)) {
                    Files.createDirectories(parent);
                }
                if (Files.isRegularFile(knownHostsFile) && Files.size(knownHostsFile) > 0 && !endsWithNewline(knownHostsFile)) {
                    line = "\n" + line;
                }
                Files.writeString(knownHostsFile, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                prompter.message(info.destination(), "The host key was trusted for this login, but could not be saved in "
                        + knownHostsFile + " (" + e.getMessage() + "); you will be asked again next time.");
            }
        }
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (var ch = Files.newByteChannel(file)) {
            ch.position(ch.size() - 1);
            var b = java.nio.ByteBuffer.allocate(1);
            ch.read(b);
            return b.get(0) == '\n';
        }
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        // never called with StrictHostKeyChecking=yes; accepted keys are written by remember()
    }

    @Override
    public void remove(String host, String type) {
        // known_hosts is only ever appended to
    }

    @Override
    public void remove(String host, String type, byte[] key) {
        // known_hosts is only ever appended to
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return knownHostsFile.toString();
    }

    @Override
    public HostKey[] getHostKey() {
        return known.getHostKey();
    }

    @Override
    public HostKey[] getHostKey(String host, String type) {
        return host == null ? known.getHostKey(null, type) : listedFor(host, type);
    }

    /** JSch names hosts on ports other than 22 "[host]:port". */
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
