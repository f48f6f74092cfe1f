package org.namdrunner.ssh.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.SftpException;

import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.FailureKind;

/** Turns JSch and socket failures into TRANSIENT or PERMANENT errors with words a researcher can act on. */
final class SshFailures {

    private SshFailures() {
    }

    static ClusterException login(String destination, Exception e, PromptingUserInfo info, String changedHost) {
        String m = String.valueOf(e.getMessage());
        if (changedHost != null || m.contains("HostKey has been changed")) {
            return new ClusterException(FailureKind.PERMANENT, "The host key of " + destination + " has CHANGED since it was "
                    + "last trusted. This can mean someone is intercepting the connection; NAMDRunner did not connect. If the "
                    + "cluster's administrators announced a new key, remove the old line for this host from known_hosts.", e);
        }
        if (m.contains("reject HostKey") || m.contains("UnknownHostKey")) {
            return new ClusterException(FailureKind.PERMANENT, "The host key of " + destination + " was not accepted, so "
                    + "NAMDRunner did not connect.", e);
        }
        if (info != null && info.cancelled()) {
            return new ClusterException(FailureKind.CANCELLED, "Login to " + destination + " was cancelled.", e);
        }
        if (m.contains("Auth fail") || m.contains("Auth cancel") || m.contains("USERAUTH fail")) {
            return new ClusterException(FailureKind.PERMANENT, "The cluster " + destination + " refused the login. Check the "
                    + "user name, key or password (and approve the MFA request if there is one).", e);
        }
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        if (cause instanceof UnknownHostException) {
            return new ClusterException(FailureKind.PERMANENT, "The host name " + destination + " is not known. Check the "
                    + "cluster profile's host.", e);
        }
        return network(destination, e);
    }

    static ClusterException network(String destination, Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String m = String.valueOf(e.getMessage());
        String why;
        if (cause instanceof ConnectException || m.contains("Connection refused")) {
            why = "the connection was refused (is the host up, and the port right?)";
        } else if (cause instanceof SocketTimeoutException || m.contains("timeout") || m.contains("timed out")) {
            why = "the connection timed out";
        } else if (cause instanceof NoRouteToHostException) {
            why = "there is no route to the host (VPN or network down?)";
        } else if (cause instanceof SocketException || cause instanceof IOException || m.contains("session is down")
                || m.contains("channel is not opened") || m.contains("End of IO Stream")) {
            why = "the connection was lost";
        } else {
            why = m;
        }
        return new ClusterException(FailureKind.TRANSIENT, "Could not reach " + destination + ": " + why + ". NAMDRunner will try again.", e);
    }

    static ClusterException sftp(String destination, String what, SftpException e) {
        return switch (e.id) {
            case com.jcraft.jsch.ChannelSftp.SSH_FX_NO_SUCH_FILE -> new ClusterException(FailureKind.PERMANENT,
                    "Could not " + what + " on " + destination + ": no such file or folder.", e);
            case com.jcraft.jsch.ChannelSftp.SSH_FX_PERMISSION_DENIED -> new ClusterException(FailureKind.PERMANENT,
                    "Could not " + what + " on " + destination + ": permission denied.", e);
            case com.jcraft.jsch.ChannelSftp.SSH_FX_CONNECTION_LOST, com.jcraft.jsch.ChannelSftp.SSH_FX_NO_CONNECTION ->
                network(destination, e);
            default -> e.getCause() instanceof IOException ? network(destination, e)
                    : new ClusterException(FailureKind.PERMANENT, "Could not " + what + " on " + destination + ": " + e.getMessage(), e);
        };
    }
}
