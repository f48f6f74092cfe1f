package org.namdrunner.ssh.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;

import org.eclipse.core.runtime.IProgressMonitor;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ExecResult;
import org.namdrunner.core.cluster.FailureKind;

/**
 * One long-lived login shell ({@code bash -l}) on the login host that ran the profile's command prefix once
 * (e.g. {@code source /etc/profile && module load slurm/alpine}); each command is then written to its input and
 * framed by begin and end lines that carry a random token and the exit code. A poll so costs one round trip, not
 * a channel, a login shell and a {@code module load} per command. Each command runs in a subshell, so a {@code cd}
 * or {@code exit} in it cannot change the shell; its input is /dev/null. One command at a time.
 */
final class PrefixedShell implements AutoCloseable {

    private static final long POLL_MS = 2;

    private final Session session;
    private final ChannelExec channel;
    private final OutputStream stdin;
    private final Sink out = new Sink();
    private final Sink err = new Sink();
    private final String token = "::nr-" + UUID.randomUUID().toString().replace("-", "") + "-";
    private int count;

    private PrefixedShell(Session session, ChannelExec channel) throws IOException {
        this.session = session;
        this.channel = channel;
        this.stdin = channel.getOutputStream();
    }

    /** Opens the shell and runs the prefix; null when the prefix fails (the caller then runs commands one by one). */
    static PrefixedShell open(Session s, String prefix, Duration timeout) throws JSchException, IOException {
        ChannelExec channel = (ChannelExec) s.openChannel("exec");
        channel.setCommand("exec bash -l".getBytes(StandardCharsets.UTF_8));
        PrefixedShell shell = new PrefixedShell(s, channel);
        channel.setOutputStream(shell.out, true);
        channel.setErrStream(shell.err, true);
        channel.connect((int) Math.max(1000, Math.min(timeout.toMillis(), 30_000)));
        shell.write("{ " + prefix + "\n} </dev/null && echo " + shell.token + "ready || echo " + shell.token + "failed\n");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && channel.isConnected() && !channel.isClosed()) {
            String text = shell.out.text();
            if (text.contains(shell.token + "ready\n")) {
                shell.out.clear();
                shell.err.clear();
                return shell;
            }
            if (text.contains(shell.token + "failed\n")) {
                break;
            }
            sleep();
        }
        shell.close();
        return null;
    }

    boolean isOpen() {
        return channel.isConnected() && !channel.isClosed() && session.isConnected();
    }

    Session session() {
        return session;
    }

    /**
     * Runs one command. An IOException means the shell is gone and the command may not have been sent; a timeout or
     * cancel closes the shell (its command goes with it) and is reported as {@link SshConnection#exec} does.
     */
    ExecResult run(String commandLine, String command, Duration timeout, IProgressMonitor m, String destination)
            throws IOException, ClusterException {
        int n = ++count;
        String begin = token + "b" + n;
        String end = token + "e" + n;
        out.clear();
        err.clear();
        // the newline before each end marker puts it at a line start after output without a final newline; it is removed again
        write("echo " + begin + "; echo " + begin + " >&2; (" + command + "\n) </dev/null; printf '\\n%s %s\\n' " + end
                + " $?; printf '\\n%s\\n' " + end + " >&2\n");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String o = out.text();
            int endAt = o.indexOf("\n" + end + " ");
            if (endAt >= 0 && o.indexOf('\n', endAt + 1) > 0 && err.text().contains("\n" + end + "\n")) {
                String e = err.text();
                int rcEnd = o.indexOf('\n', endAt + 1);
                int rc = Integer.parseInt(o.substring(endAt + 1 + end.length() + 1, rcEnd).strip());
                return new ExecResult(commandLine, rc, between(o, begin, endAt), between(e, begin, e.indexOf("\n" + end + "\n")));
            }
            if (!isOpen()) {
                throw new IOException("the login shell on " + destination + " ended");
            }
            if (m.isCanceled()) {
                close();
                throw ClusterException.cancelled();
            }
            if (System.nanoTime() > deadline) {
                close();
                throw new ClusterException(FailureKind.TRANSIENT, "The command on " + destination + " did not finish within "
                        + timeout.toSeconds() + " s; it was stopped.");
            }
            sleep();
        }
    }

    /** The text after the line {@code begin} up to {@code endAt} (the newline written before the end marker). */
    private static String between(String text, String begin, int endAt) {
        int b = text.indexOf(begin + "\n");
        int from = b < 0 ? 0 : b + begin.length() + 1;
        return endAt < from ? "" : text.substring(from, endAt);
    }

    private void write(String text) throws IOException {
        stdin.write(text.getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            stdin.close();
        } catch (IOException e) {
            // closing anyway
        }
        channel.disconnect();
    }

    /** Collects one stream; JSch's session thread writes, the caller reads. */
    private static final class Sink extends OutputStream {
        private final StringBuilder text = new StringBuilder();
        private byte[] pending = new byte[0];

        @Override
        public synchronized void write(int b) {
            write(new byte[] { (byte) b }, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            byte[] all = new byte[pending.length + len];
            System.arraycopy(pending, 0, all, 0, pending.length);
            System.arraycopy(b, off, all, pending.length, len);
            int complete = all.length;
            // keep an incomplete UTF-8 sequence at the end for the next write
            int i = all.length - 1;
            int back = 0;
            while (i >= 0 && back < 3 && (all[i] & 0xC0) == 0x80) {
                i--;
                back++;
            }
            if (i >= 0 && (all[i] & 0x80) != 0) {
                int need = (all[i] & 0xE0) == 0xC0 ? 2 : (all[i] & 0xF0) == 0xE0 ? 3 : 4;
                if (all.length - i < need) {
                    complete = i;
                }
            }
            text.append(new String(all, 0, complete, StandardCharsets.UTF_8));
            pending = Arrays.copyOfRange(all, complete, all.length);
        }

        synchronized String text() {
            return text.toString();
        }

        synchronized void clear() {
            text.setLength(0);
        }
    }
}
