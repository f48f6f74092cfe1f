package org.namdrunner.ssh.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Vector;
import java.util.concurrent.atomic.AtomicInteger;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.OpenSSHConfig;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpATTRS;
import com.jcraft.jsch.SftpException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.CredentialPrompter;
import org.namdrunner.core.cluster.ExecResult;
import org.namdrunner.core.cluster.FailureKind;
import org.namdrunner.core.cluster.RemotePaths;
import org.namdrunner.core.cluster.ShellQuoting;

/**
 * The connection to one cluster over one JSch session, opened lazily, kept alive and re-opened on the next
 * call after a drop. A command that was running when the session dropped fails TRANSIENT and is not run
 * again (it may not be safe to repeat, e.g. sbatch).
 */
public final class SshConnection implements ClusterConnection {

    /** Long enough for a person to read a Duo prompt, find the phone and approve the push. */
    static final int LOGIN_TIMEOUT_MS = 120_000;
    private static final int KEEP_ALIVE_MS = 30_000;

    private final ClusterProfile profile;
    private final CredentialPrompter prompter;
    private final Path knownHosts;
    private final Path sshConfig;
    private final AtomicInteger logins = new AtomicInteger();
    private Session session;

    public SshConnection(ClusterProfile profile, CredentialPrompter prompter, Path knownHosts, Path sshConfig) {
        this.profile = profile;
        this.prompter = prompter;
        this.knownHosts = knownHosts;
        this.sshConfig = sshConfig;
    }

    @Override
    public ClusterProfile profile() {
        return profile;
    }

    /** How many times this connection has logged in (for tests: one session serves many calls). */
    public int logins() {
        return logins.get();
    }

    private String destination() {
        return (profile.user().isEmpty() ? "" : profile.user() + "@") + profile.host() + (profile.port() == 22 ? "" : ":" + profile.port());
    }

    private synchronized Session session() throws ClusterException {
        if (session != null && session.isConnected()) {
            return session;
        }
        if (session != null) {
            session.disconnect();
            session = null;
        }
        JSch jsch = new JSch();
        PromptingUserInfo info = new PromptingUserInfo(prompter, destination(), profile.keyFile());
        VerifyingHostKeys hostKeys = null;
        Session s = null;
        try {
            hostKeys = new VerifyingHostKeys(jsch, knownHosts, prompter);
            jsch.setHostKeyRepository(hostKeys);
            if (sshConfig != null && Files.isRegularFile(sshConfig)) {
                try {
                    jsch.setConfigRepository(OpenSSHConfig.parseFile(sshConfig.toString()));
                } catch (IOException e) {
                    throw ClusterException.permanent("Cannot read the SSH config " + sshConfig + ": " + e.getMessage());
                }
            }
            Identities.add(jsch, profile);
            s = profile.user().isEmpty() ? jsch.getSession(profile.host()) : jsch.getSession(profile.user(), profile.host(), profile.port());
            if (!profile.user().isEmpty()) {
                s.setPort(profile.port());
            }
            s.setUserInfo(info);
            s.setConfig("StrictHostKeyChecking", "yes");
            s.setConfig("PreferredAuthentications", switch (profile.authMethod()) {
                case KEY -> "publickey,keyboard-interactive,password";
                case PASSWORD -> "password,keyboard-interactive,publickey";
                case KEYBOARD_INTERACTIVE -> "keyboard-interactive,password,publickey";
            });
            s.setServerAliveInterval(KEEP_ALIVE_MS);
            s.setServerAliveCountMax(4);
            s.connect(LOGIN_TIMEOUT_MS);
            logins.incrementAndGet();
            session = s;
            return s;
        } catch (JSchException e) {
            if (s != null) {
                s.disconnect();
            }
            throw SshFailures.login(destination(), e, info, hostKeys == null ? null : hostKeys.changedHost());
        }
    }

    @Override
    public ExecResult exec(String commandLine, Duration timeout, IProgressMonitor monitor) throws ClusterException {
        IProgressMonitor m = monitor == null ? new NullProgressMonitor() : monitor;
        Session s = session();
        ChannelExec channel = null;
        try {
            channel = (ChannelExec) s.openChannel("exec");
            channel.setCommand(commandLine);
            channel.setInputStream(null);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            channel.setErrStream(err);
            InputStream out = channel.getInputStream();
            channel.connect((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            long deadline = System.nanoTime() + timeout.toNanos();
            byte[] buf = new byte[8192];
            while (true) {
                while (out.available() > 0) {
                    int n = out.read(buf);
                    if (n < 0) {
                        break;
                    }
                    stdout.write(buf, 0, n);
                }
                if (channel.isClosed() && out.available() <= 0) {
                    break;
                }
                if (m.isCanceled()) {
                    throw ClusterException.cancelled();
                }
                if (System.nanoTime() > deadline) {
                    throw new ClusterException(FailureKind.TRANSIENT, "The command on " + destination() + " did not finish within "
                            + timeout.toSeconds() + " s.");
                }
                if (!s.isConnected()) {
                    throw SshFailures.network(destination(), new IOException("session is down"));
                }
                Thread.sleep(10);
            }
            if (channel.getExitStatus() < 0) {
                // the channel closed without an exit status: the session dropped while the command ran
                throw SshFailures.network(destination(), new IOException("session is down"));
            }
            return new ExecResult(commandLine, channel.getExitStatus(), stdout.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        } catch (JSchException | IOException e) {
            throw SshFailures.network(destination(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ClusterException.cancelled();
        } finally {
            if (channel != null) {
                channel.disconnect();
            }
        }
    }

    private interface SftpWork<T> {
        T run(ChannelSftp sftp) throws SftpException, IOException, ClusterException;
    }

    private <T> T sftp(String what, SftpWork<T> work) throws ClusterException {
        Session s = session();
        ChannelSftp channel = null;
        try {
            channel = (ChannelSftp) s.openChannel("sftp");
            channel.connect(LOGIN_TIMEOUT_MS);
            return work.run(channel);
        } catch (SftpException e) {
            throw SshFailures.sftp(destination(), what, e);
        } catch (JSchException | IOException e) {
            throw SshFailures.network(destination(), e);
        } finally {
            if (channel != null) {
                channel.disconnect();
            }
        }
    }

    @Override
    public void upload(Path local, String remotePath, IProgressMonitor monitor) throws ClusterException {
        RemotePaths.checkAbsolute("remotePath", remotePath);
        if (!Files.exists(local)) {
            throw ClusterException.permanent("The local file " + local + " does not exist.");
        }
        long total = Transfers.size(local);
        Transfers.Progress progress = new Transfers.Progress(monitor, "Uploading " + local.getFileName(), total);
        sftp("upload " + local.getFileName(), sftp -> {
            Transfers.upload(sftp, local, remotePath, progress);
            return null;
        });
    }

    @Override
    public void writeFile(String remotePath, String content, IProgressMonitor monitor) throws ClusterException {
        RemotePaths.checkAbsolute("remotePath", remotePath);
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        sftp("write " + remotePath, sftp -> {
            String part = remotePath + ".part";
            sftp.put(new ByteArrayInputStream(bytes), part, ChannelSftp.OVERWRITE);
            Transfers.replace(sftp, part, remotePath);
            return null;
        });
    }

    @Override
    public String readFile(String remotePath, long maxBytes, IProgressMonitor monitor) throws ClusterException {
        RemotePaths.checkAbsolute("remotePath", remotePath);
        return sftp("read " + remotePath, sftp -> {
            SftpATTRS attrs = sftp.stat(remotePath);
            long skip = Math.max(0, attrs.getSize() - maxBytes);
            try (InputStream in = sftp.get(remotePath, null, skip)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        });
    }

    @Override
    public void download(String remotePath, Path local, IProgressMonitor monitor) throws ClusterException {
        RemotePaths.checkAbsolute("remotePath", remotePath);
        sftp("download " + remotePath, sftp -> {
            long total = Transfers.remoteSize(sftp, remotePath);
            Transfers.download(sftp, remotePath, local, new Transfers.Progress(monitor, "Downloading " + remotePath, total));
            return null;
        });
    }

    @Override
    public void mkdirs(String remotePath, IProgressMonitor monitor) throws ClusterException {
        RemotePaths.checkAbsolute("remotePath", remotePath);
        ExecResult r = exec(ShellQuoting.command("mkdir", "-p", "--", remotePath), Duration.ofMinutes(1), monitor);
        if (!r.succeeded()) {
            throw ClusterException.permanent("Could not create the folder " + remotePath + " on " + destination() + ": "
                    + r.stderr().strip());
        }
    }

    @Override
    public void removeTree(String remotePath, String confinedTo, IProgressMonitor monitor) throws ClusterException {
        RemovalGuard.check(remotePath, confinedTo, profile);
        // rm -rf removes symbolic links themselves and never follows them; --one-file-system stays on the job's file system
        ExecResult r = exec(ShellQuoting.command("rm", "-rf", "--one-file-system", "--", remotePath), Duration.ofMinutes(10), monitor);
        if (!r.succeeded()) {
            throw ClusterException.permanent("Could not remove " + remotePath + " on " + destination() + ": " + r.stderr().strip());
        }
    }

    @Override
    public synchronized boolean isConnected() {
        return session != null && session.isConnected();
    }

    @Override
    public synchronized void close() {
        if (session != null) {
            session.disconnect();
            session = null;
        }
    }

    /** For {@link Transfers}: moves a finished .part file to its final name. */
    static void move(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static boolean isDirectory(ChannelSftp sftp, String path) throws SftpException {
        return sftp.stat(path).isDir();
    }

    @SuppressWarnings("unchecked")
    static Vector<ChannelSftp.LsEntry> list(ChannelSftp sftp, String dir) throws SftpException {
        return sftp.ls(dir);
    }
}
