package org.namdrunner.ssh.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.SftpException;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.FailureKind;

/** The classifier on the failures JSch produces (the host key and MFA cases are tested against the server). */
class SshFailuresTest {

    private static ClusterException login(Exception e) {
        return SshFailures.login("u@h", e, null, null);
    }

    @Test
    void networkFailuresAreTransientWithTheirReason() {
        assertTransient(login(new JSchException("Session.connect: java.net.ConnectException", new ConnectException("Connection refused"))), "refused");
        assertTransient(login(new JSchException("timeout", new SocketTimeoutException("Read timed out"))), "timed out");
        assertTransient(login(new JSchException("x", new NoRouteToHostException())), "no route");
        assertTransient(login(new JSchException("Session.connect: java.net.SocketException: Connection reset", new SocketException("Connection reset"))), "lost");
        assertTransient(login(new JSchException("connection is closed by foreign host")), "lost");
        assertTransient(login(new JSchException("x", new UnknownHostException("login.example"))), "does not resolve");
        assertTransient(SshFailures.network("u@h", new JSchException("session is down")), "lost");
    }

    @Test
    void aRefusedLoginIsPermanent() {
        ClusterException e = login(new JSchException("Auth fail for methods 'publickey'"));
        assertEquals(FailureKind.PERMANENT, e.kind());
        assertTrue(e.getMessage().contains("refused the login"), e.getMessage());
        assertEquals(FailureKind.PERMANENT, login(new JSchException("Auth cancel for methods 'keyboard-interactive'")).kind());
    }

    @Test
    void sftpFailuresByStatus() {
        assertEquals(FailureKind.PERMANENT, SshFailures.sftp("u@h", "read x", new SftpException(ChannelSftp.SSH_FX_NO_SUCH_FILE, "No such file")).kind());
        ClusterException denied = SshFailures.sftp("u@h", "write x", new SftpException(ChannelSftp.SSH_FX_PERMISSION_DENIED, "Permission denied"));
        assertEquals(FailureKind.PERMANENT, denied.kind());
        assertTrue(denied.getMessage().contains("permission denied"));
        assertTransient(SshFailures.sftp("u@h", "read x", new SftpException(ChannelSftp.SSH_FX_CONNECTION_LOST, "lost")), "lost");
        assertTransient(SshFailures.sftp("u@h", "read x", new SftpException(ChannelSftp.SSH_FX_FAILURE, "java.io.IOException: pipe closed",
                new IOException("pipe closed"))), "lost");
        ClusterException failure = SshFailures.sftp("u@h", "write x", new SftpException(ChannelSftp.SSH_FX_FAILURE, "Failure"));
        assertEquals(FailureKind.PERMANENT, failure.kind());
        assertTrue(failure.getMessage().contains("quota"), failure.getMessage());
    }

    private static void assertTransient(ClusterException e, String why) {
        assertEquals(FailureKind.TRANSIENT, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }
}
