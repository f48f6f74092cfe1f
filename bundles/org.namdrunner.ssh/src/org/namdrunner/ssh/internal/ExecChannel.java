package org.namdrunner.ssh.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;

import org.eclipse.core.runtime.IProgressMonitor;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ExecResult;
import org.namdrunner.core.cluster.FailureKind;

/**
 * One command on one exec channel of a session ({@link SshConnection#exec}): its output, its exit code (128 + n when a
 * signal ended it, as a shell reports it), a timeout and cancel that ask sshd to stop the command, and a session that
 * did not answer marked dead so the next call logs in again. The command is never repeated here.
 */
final class ExecChannel {

    /** Longest wait for the server to open a channel; a session that cannot is treated as dead. */
    static final Duration CHANNEL_OPEN_TIMEOUT = Duration.ofSeconds(30);
    private static final long POLL_MS = 10;
    private static final Map<String, Integer> SIGNALS = Map.ofEntries(Map.entry("HUP", 1), Map.entry("INT", 2),
            Map.entry("QUIT", 3), Map.entry("ILL", 4), Map.entry("ABRT", 6), Map.entry("FPE", 8), Map.entry("KILL", 9),
            Map.entry("SEGV", 11), Map.entry("PIPE", 13), Map.entry("ALRM", 14), Map.entry("TERM", 15),
            Map.entry("USR1", 10), Map.entry("USR2", 12));

    private ExecChannel() {
    }

    static ExecResult run(SessionHolder holder, Session s, String commandLine, Duration timeout, IProgressMonitor m)
            throws ClusterException {
        String dest = holder.destination();
        ChannelExec channel = null;
        long openStart = System.nanoTime();
        Duration openTimeout = timeout.compareTo(CHANNEL_OPEN_TIMEOUT) < 0 ? timeout : CHANNEL_OPEN_TIMEOUT;
        try {
            channel = (ChannelExec) s.openChannel("exec");
            channel.setCommand(commandLine.getBytes(StandardCharsets.UTF_8));
            channel.setInputStream(null);
            // JSch's session thread writes both streams straight into these buffers: no pipe that a slow reader
            // could fill (a full java.io pipe makes the writer wait a second per buffer, stalling the session)
            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            channel.setOutputStream(stdout, true);
            channel.setErrStream(err, true);
            try {
                channel.connect((int) Math.max(1000, openTimeout.toMillis()));
            } catch (JSchException e) {
                if (Duration.ofNanos(System.nanoTime() - openStart).compareTo(openTimeout) >= 0 || !s.isConnected()) {
                    holder.invalidate(s); // the server did not answer at all: the session is dead, the next call logs in again
                }
                throw SshFailures.network(dest, e);
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                if (channel.isClosed()) {
                    break;
                }
                if (m.isCanceled()) {
                    stop(channel);
                    throw ClusterException.cancelled();
                }
                if (System.nanoTime() > deadline) {
                    stop(channel);
                    throw new ClusterException(FailureKind.TRANSIENT, "The command on " + dest + " did not finish within "
                            + timeout.toSeconds() + " s; it was stopped.");
                }
                if (!s.isConnected()) {
                    break;
                }
                Thread.sleep(POLL_MS);
            }
            int status = channel.getExitStatus();
            String signal = channel.getExitSignal();
            if (status < 0 && signal != null && !signal.isEmpty()) {
                // killed by a signal: report it the way a shell does (128 + number)
                status = 128 + SIGNALS.getOrDefault(signal, 0);
                err.writeBytes(("[ended by signal " + signal + "]\n").getBytes(StandardCharsets.UTF_8));
            } else if (status < 0) {
                holder.invalidate(s);
                throw new ClusterException(FailureKind.TRANSIENT, "The connection to " + dest + " was lost while a command ran; "
                        + "it may or may not have finished, and it was not repeated.");
            }
            return new ExecResult(commandLine, status, stdout.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (JSchException e) {
            throw SshFailures.network(dest, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(channel);
            throw ClusterException.cancelled();
        } finally {
            if (channel != null) {
                channel.disconnect();
            }
        }
    }

    /** Asks sshd to terminate the command (OpenSSH ≥ 7.9 honours signal requests), so it does not run on unseen. */
    private static void stop(ChannelExec channel) {
        if (channel != null && channel.isConnected()) {
            try {
                channel.sendSignal("TERM");
            } catch (Exception e) {
                // the channel is closed below anyway
            }
        }
    }
}
