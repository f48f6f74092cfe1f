package org.namdrunner.ssh.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Set;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSchAlgoNegoFailException;
import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchRevokedHostKeyException;
import com.jcraft.jsch.JSchSessionDisconnectException;
import com.jcraft.jsch.JSchUnknownHostKeyException;
import com.jcraft.jsch.SftpException;

import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.FailureKind;
import org.namdrunner.core.validation.InputRules;

/**
 * The failure classifier: turns JSch, socket and SFTP failures into TRANSIENT (retrying later can help:
 * timeouts, refused or reset connections, a dropped session, a name that does not resolve while offline),
 * PERMANENT (it cannot: refused login, changed or rejected host key, no one to answer a prompt, permission
 * denied, no such file, no common algorithm) or CANCELLED (the person said so), each with words a researcher
 * can act on.
 */
final class SshFailures {

    /** SSH disconnect reasons that no retry can fix: host not allowed, no more auth methods, illegal user. */
    private static final Set<Integer> PERMANENT_DISCONNECTS = Set.of(1, 14, 15);

    private SshFailures() {
    }

    /** Why a login failed. {@code hostKeys} and {@code info} may be null when the attempt ended before them. */
    static ClusterException login(String destination, Exception e, PromptingUserInfo info, VerifyingHostKeys hostKeys) {
        String m = String.valueOf(e.getMessage());
        if ((hostKeys != null && hostKeys.changedHost() != null) || e instanceof JSchChangedHostKeyException) {
            String presented = hostKeys == null || hostKeys.presentedFingerprint() == null ? ""
                    : " It now presents the " + hostKeys.presentedType() + " key " + hostKeys.presentedFingerprint() + ".";
            return new ClusterException(FailureKind.PERMANENT, "The host key of " + destination + " has CHANGED since it was "
                    + "last trusted." + presented + " This can mean someone is intercepting the connection, so NAMDRunner did "
                    + "not connect. If the cluster's administrators announced a new key, remove the old line for this host "
                    + "from " + (hostKeys == null ? "known_hosts" : hostKeys.getKnownHostsRepositoryID()) + ".", e);
        }
        if (e instanceof JSchRevokedHostKeyException) {
            return new ClusterException(FailureKind.PERMANENT, "The host key of " + destination + " is marked @revoked in "
                    + "known_hosts, so NAMDRunner did not connect.", e);
        }
        if (info != null && info.unanswerable() != null) {
            String fp = hostKeys != null && hostKeys.presentedFingerprint() != null && info.unanswerable().contains("host key")
                    ? " (" + hostKeys.presentedType() + " " + hostKeys.presentedFingerprint() + ")" : "";
            return new ClusterException(FailureKind.PERMANENT, "The login to " + destination + " needs " + info.unanswerable()
                    + fp + "; no one to ask. Open NAMDRunner to answer it, or use a key without passphrase or an ssh-agent.", e);
        }
        if (e instanceof JSchUnknownHostKeyException || m.contains("reject HostKey")) {
            return new ClusterException(FailureKind.PERMANENT, "The host key of " + destination + " was not accepted, so "
                    + "NAMDRunner did not connect.", e);
        }
        if (info != null && info.exhausted() != null) {
            return new ClusterException(FailureKind.PERMANENT, "The " + info.exhausted() + " for " + destination + " was wrong "
                    + PromptingUserInfo.MAX_SECRET_PROMPTS + " times; NAMDRunner stopped asking.", e);
        }
        if (info != null && info.rejectedPrompt() != null) {
            return new ClusterException(FailureKind.PERMANENT, "Login failed: " + destination + " did not accept the answer to \""
                    + info.rejectedPrompt() + "\"" + said(info) + ". Log in again: check the password, then approve the Duo "
                    + "push or type a new passcode.", e);
        }
        if (info != null && info.cancelled()) {
            return new ClusterException(FailureKind.CANCELLED, "Login to " + destination + " was cancelled.", e);
        }
        if (m.startsWith("Auth fail") || m.startsWith("Auth cancel") || m.contains("USERAUTH fail")) {
            String asked = info != null && info.askedSomeone() ? "Login failed: " : "";
            return new ClusterException(FailureKind.PERMANENT, asked + "The cluster " + destination + " refused the login"
                    + said(info) + ". Check the user name, key or password (and approve the MFA request if there is one).", e);
        }
        if (e instanceof JSchSessionDisconnectException d && PERMANENT_DISCONNECTS.contains(d.getReasonCode())) {
            return new ClusterException(FailureKind.PERMANENT, "The cluster " + destination + " ended the login: "
                    + d.getDescription() + ".", e);
        }
        if (e instanceof JSchAlgoNegoFailException) {
            return new ClusterException(FailureKind.PERMANENT, "NAMDRunner and " + destination + " have no SSH algorithm in "
                    + "common (" + m + ").", e);
        }
        return network(destination, e);
    }

    private static String said(PromptingUserInfo info) {
        String text = info == null ? null : info.serverSaid();
        return text == null ? "" : " (the server said: '" + InputRules.printable(text.replace('\n', ' ').strip()) + "')";
    }

    /** A network-level failure: always TRANSIENT. */
    static ClusterException network(String destination, Exception e) {
        Throwable cause = rootCause(e);
        String m = String.valueOf(e.getMessage());
        String why;
        if (cause instanceof UnknownHostException) {
            why = "its name does not resolve (offline, or a typo in the cluster profile's host?)";
        } else if (cause instanceof ConnectException || m.contains("Connection refused")) {
            why = "the connection was refused (is the host up, and the port right?)";
        } else if (cause instanceof SocketTimeoutException || cause instanceof InterruptedIOException || m.contains("timeout")
                || m.contains("timed out")) {
            why = "the connection timed out";
        } else if (cause instanceof NoRouteToHostException) {
            why = "there is no route to the host (VPN or network down?)";
        } else if (cause instanceof SocketException || cause instanceof EOFException || cause instanceof IOException
                || m.contains("session is down") || m.contains("channel is not opened") || m.contains("End of IO Stream")
                || m.contains("closed by foreign host")) {
            why = "the connection was lost";
        } else {
            why = m;
        }
        return new ClusterException(FailureKind.TRANSIENT, "Could not reach " + destination + ": " + why + ".", e);
    }

    static ClusterException sftp(String destination, String what, SftpException e) {
        return switch (e.id) {
            case ChannelSftp.SSH_FX_NO_SUCH_FILE -> new ClusterException(FailureKind.PERMANENT,
                    "Could not " + what + " on " + destination + ": no such file or folder.", e);
            case ChannelSftp.SSH_FX_PERMISSION_DENIED -> new ClusterException(FailureKind.PERMANENT,
                    "Could not " + what + " on " + destination + ": permission denied.", e);
            case ChannelSftp.SSH_FX_CONNECTION_LOST, ChannelSftp.SSH_FX_NO_CONNECTION -> network(destination, e);
            default -> rootCause(e) instanceof IOException ? network(destination, e)
                    : new ClusterException(FailureKind.PERMANENT, "Could not " + what + " on " + destination + ": " + e.getMessage()
                            + " (a full disk or quota can cause this).", e);
        };
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
