package org.namdrunner.ssh.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.OpenSSHConfig;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SocketFactory;

import org.eclipse.core.runtime.IProgressMonitor;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.CredentialPrompter;
import org.namdrunner.core.cluster.FailureKind;
import org.namdrunner.core.cluster.NotConnectedException;
import org.namdrunner.ssh.SshSettings;

/**
 * The one JSch session to one host of a profile: opened on demand, reused by every caller, kept alive,
 * re-opened by the next call after it dropped. Logins that fail TRANSIENT before anyone was asked anything
 * are retried by the settings' {@link org.namdrunner.core.cluster.RetryPolicy}; once a person has answered a
 * prompt (or approved an MFA push) a failed attempt is not repeated behind their back.
 */
final class SessionHolder {

    /** Long enough for a person to read a Duo prompt, find the phone and approve the push (socket reads during login). */
    static final Duration LOGIN_TIMEOUT = Duration.ofMinutes(2);
    /** How long the TCP connect alone may take. */
    static final int TCP_CONNECT_TIMEOUT_MS = 20_000;
    /** A keep-alive every 30 s; after 4 unanswered ones the session counts as dropped. */
    static final int KEEP_ALIVE_MS = 30_000;
    static final int KEEP_ALIVE_COUNT = 4;

    private final ClusterProfile profile;
    private final String host;
    private final CredentialPrompter prompter;
    private final SshSettings settings;
    private final ReentrantLock loginLock = new ReentrantLock();
    private final AtomicInteger logins = new AtomicInteger();
    private volatile Session session;
    private volatile Session opening;
    private final AtomicInteger generation = new AtomicInteger();
    /** Set while a background call runs on this thread: a session that dropped during it is not re-opened. */
    private static final ThreadLocal<Boolean> SESSION_ONLY = ThreadLocal.withInitial(() -> Boolean.FALSE);

    SessionHolder(ClusterProfile profile, String host, CredentialPrompter prompter, SshSettings settings) {
        this.profile = profile;
        this.host = host;
        this.prompter = prompter;
        this.settings = settings;
    }

    String destination() {
        return (profile.user().isEmpty() ? "" : profile.user() + "@") + host + (profile.port() == 22 ? "" : ":" + profile.port());
    }

    int logins() {
        return logins.get();
    }

    boolean isConnected() {
        Session s = session;
        return s != null && s.isConnected();
    }

    /** The open session, logging in first if there is none (waiting for a login another thread has started). */
    Session get(IProgressMonitor monitor) throws ClusterException {
        Session s = session;
        if (s != null && s.isConnected()) {
            return s;
        }
        try {
            if (!loginLock.tryLock(LOGIN_TIMEOUT.toMillis() + TCP_CONNECT_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                throw ClusterException.transientFailure("Another login to " + destination() + " is still waiting for an answer.", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ClusterException.cancelled();
        }
        try {
            s = session;
            if (s != null && s.isConnected()) {
                return s;
            }
            if (s != null) {
                s.disconnect();
                session = null;
            }
            if (SESSION_ONLY.get()) {
                throw new NotConnectedException(profile);
            }
            int gen = generation.get();
            Session fresh = openWithRetries(monitor, gen);
            if (gen != generation.get()) {
                fresh.disconnect(); // closed while logging in
                throw ClusterException.cancelled();
            }
            session = fresh;
            return fresh;
        } finally {
            loginLock.unlock();
        }
    }

    /** Runs {@code call} on this thread with logins forbidden (see {@link org.namdrunner.core.cluster.SessionOnlyConnection}). */
    static <T> T sessionOnly(SessionOnlyCall<T> call) throws ClusterException {
        boolean outer = SESSION_ONLY.get();
        SESSION_ONLY.set(Boolean.TRUE);
        try {
            return call.run();
        } finally {
            SESSION_ONLY.set(outer);
        }
    }

    @FunctionalInterface
    interface SessionOnlyCall<T> {
        T run() throws ClusterException;
    }

    /** Drops a session that stopped answering, so that the next call logs in again. */
    void invalidate(Session s) {
        if (s != null) {
            s.disconnect();
            if (session == s) {
                session = null;
            }
        }
    }

    void close() {
        generation.incrementAndGet();
        Session s = session;
        session = null;
        if (s != null) {
            s.disconnect();
        }
        Session o = opening;
        if (o != null) {
            o.disconnect();
        }
    }

    /** Carries a failure out of the retry loop without a retry, because a person already took part in it. */
    private static final class DoNotRepeat extends ClusterException {
        private static final long serialVersionUID = 1L;
        final ClusterException original;

        DoNotRepeat(ClusterException original) {
            super(FailureKind.PERMANENT, original.getMessage());
            this.original = original;
        }
    }

    private Session openWithRetries(IProgressMonitor monitor, int gen) throws ClusterException {
        try {
            return settings.retryPolicy().run(() -> {
                if (gen != generation.get()) {
                    throw ClusterException.cancelled();
                }
                Attempt a = new Attempt();
                try {
                    return a.open(monitor);
                } catch (ClusterException e) {
                    if (e.isTransient() && a.info != null && a.info.askedSomeone()) {
                        throw new DoNotRepeat(e);
                    }
                    throw e;
                }
            }, monitor);
        } catch (DoNotRepeat e) {
            throw e.original;
        }
    }

    /** One login attempt with a fresh JSch (which re-reads known_hosts and the config). */
    private final class Attempt {
        PromptingUserInfo info;
        VerifyingHostKeys hostKeys;

        Session open(IProgressMonitor monitor) throws ClusterException {
            JSch jsch = new JSch();
            Session s = null;
            Thread watcher = null;
            CancelWatch cancelWatch = new CancelWatch();
            try {
                if (settings.sshConfig() != null && Files.isRegularFile(settings.sshConfig())) {
                    try {
                        jsch.setConfigRepository(OpenSSHConfig.parseFile(settings.sshConfig().toString()));
                    } catch (IOException e) {
                        throw ClusterException.permanent("Cannot read the SSH config " + settings.sshConfig() + ": " + e.getMessage());
                    }
                }
                Identities.add(jsch, profile, settings);
                // ~/.ssh/config fills in what the profile leaves open: user (empty), port (22), host name and keys of an alias
                s = jsch.getSession(profile.user().isEmpty() ? null : profile.user(), host, 22);
                if (profile.port() != 22) {
                    s.setPort(profile.port());
                }
                String dest = s.getUserName() + "@" + s.getHost() + (s.getPort() == 22 ? "" : ":" + s.getPort());
                info = new PromptingUserInfo(prompter, dest, profile.keyFile(), profile.authMethod());
                hostKeys = new VerifyingHostKeys(jsch, settings.knownHosts(), prompter, info);
                s.setHostKeyRepository(hostKeys); // wins over a UserKnownHostsFile of the config: one policy for all
                s.setUserInfo(info);
                s.setSocketFactory(new TcpConnect());
                s.setConfig("StrictHostKeyChecking", "yes");
                s.setConfig("PreferredAuthentications", switch (profile.authMethod()) {
                    case KEY -> "publickey,keyboard-interactive,password";
                    case PASSWORD -> "password,keyboard-interactive,publickey";
                    case KEYBOARD_INTERACTIVE -> "keyboard-interactive,password,publickey";
                });
                s.setServerAliveInterval(KEEP_ALIVE_MS);
                s.setServerAliveCountMax(KEEP_ALIVE_COUNT);
                s.setDaemonThread(true);
                opening = s;
                if (monitor != null) {
                    watcher = cancelWatch.start(monitor, s);
                }
                s.connect((int) LOGIN_TIMEOUT.toMillis());
                if (cancelWatch.fired || (monitor != null && monitor.isCanceled())) {
                    s.disconnect();
                    throw new ClusterException(FailureKind.CANCELLED, "Login to " + dest + " was cancelled.");
                }
                logins.incrementAndGet();
                return s;
            } catch (JSchException e) {
                if (s != null) {
                    s.disconnect();
                }
                if (cancelWatch.fired) {
                    throw new ClusterException(FailureKind.CANCELLED, "Login to " + destination() + " was cancelled.", e);
                }
                throw SshFailures.login(info == null ? destination() : info.destination(), e, info, hostKeys);
            } finally {
                opening = null;
                cancelWatch.stop(watcher);
            }
        }
    }

    /**
     * Watches the monitor while JSch blocks in connect (e.g. waiting for an MFA approval) and ends the attempt
     * when the person cancels the operation.
     */
    private static final class CancelWatch {
        volatile boolean fired;
        volatile boolean done;

        Thread start(IProgressMonitor monitor, Session s) {
            return Thread.ofVirtual().name("ssh-login-cancel-watch").start(() -> {
                while (!done) {
                    if (monitor.isCanceled()) {
                        fired = true;
                        s.disconnect();
                        return;
                    }
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        void stop(Thread watcher) {
            done = true;
            if (watcher != null) {
                watcher.interrupt();
            }
        }
    }

    /** Plain TCP with a connect timeout of its own, so an unreachable host fails in 20 s, not in the login timeout. */
    private static final class TcpConnect implements SocketFactory {
        @Override
        public Socket createSocket(String host, int port) throws IOException {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(host, port), TCP_CONNECT_TIMEOUT_MS);
            } catch (IOException e) {
                socket.close();
                throw e;
            }
            return socket;
        }

        @Override
        public InputStream getInputStream(Socket socket) throws IOException {
            return socket.getInputStream();
        }

        @Override
        public OutputStream getOutputStream(Socket socket) throws IOException {
            return socket.getOutputStream();
        }
    }
}
