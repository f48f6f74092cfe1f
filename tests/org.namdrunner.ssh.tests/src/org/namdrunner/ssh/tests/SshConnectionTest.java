package org.namdrunner.ssh.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.ClusterProfile.AuthMethod;
import org.namdrunner.core.cluster.CredentialPrompter.HostKeyDecision;
import org.namdrunner.core.cluster.ExecResult;
import org.namdrunner.core.cluster.FailureKind;
import org.namdrunner.core.cluster.ShellQuoting;
import org.namdrunner.ssh.SshConnectionProvider;
import org.namdrunner.ssh.SshSettings;
import org.namdrunner.ssh.internal.ConnectionProviderComponent;
import org.namdrunner.ssh.internal.SshConnection;
import org.namdrunner.testing.ScriptedPrompter;
import org.namdrunner.testing.TestCluster;
import org.namdrunner.testing.DuoAnswers;

/**
 * Logins, host keys and commands against the real OpenSSH server of the test cluster (127.0.0.1:2222), and
 * SLURM behind it. Settings are isolated (no ~/.ssh of the machine running the tests) unless a test says
 * otherwise; retries record their waits instead of sleeping.
 */
class SshConnectionTest {

    @TempDir
    Path tmp;

    private static TestCluster cluster;
    private static ClusterProfile keyProfile;
    private static ClusterProfile mfaProfile;

    @BeforeAll
    static void load() throws Exception {
        cluster = TestCluster.load();
        keyProfile = cluster.profile("ssh");
        mfaProfile = cluster.duoProfile("mfa");
    }

    private static SshSettings settings(Path knownHosts, Profiles.RecordingRetry retry) {
        return SshSettings.isolated(knownHosts).withRetryPolicy(retry.policy);
    }

    private static SshConnection connect(ClusterProfile profile, ScriptedPrompter prompter, SshSettings settings) {
        return (SshConnection) new SshConnectionProvider(prompter, settings).connectionFor(profile);
    }

    private static SshConnection connect(ClusterProfile profile, ScriptedPrompter prompter) {
        return connect(profile, prompter, settings(cluster.knownHosts(), new Profiles.RecordingRetry()));
    }

    private static ExecResult run(ClusterConnection c, String command) throws ClusterException {
        return c.exec(command, Duration.ofSeconds(60), new NullProgressMonitor());
    }

    private static String passcode() {
        return cluster.get("duoPasscode");
    }

    /** Password, then the Duo passcode: the twin's Duo user (ralphie@colostate.edu). */
    private static ScriptedPrompter mfaAnswers() {
        return new ScriptedPrompter().keyboard(DuoAnswers.passcode(cluster));
    }

    // ---- logins ---------------------------------------------------------------------------------------------

    @Test
    void aKeyLoginRunsCommandsWithOutputAndExitCodeApartOverOneSession() throws Exception {
        ScriptedPrompter prompter = new ScriptedPrompter();
        try (SshConnection c = connect(keyProfile, prompter)) {
            assertFalse(c.isConnected(), "logs in lazily");
            ExecResult r = run(c, "echo out; echo err >&2; exit 3");
            assertTrue(c.isConnected());
            assertEquals(3, r.exitCode());
            assertEquals("out\n", r.stdout());
            assertEquals("err\n", r.stderr());
            assertEquals("testuser\n", run(c, "whoami").stdout());
            assertEquals("Grüße µ\n", run(c, "printf 'Gr\\303\\274\\303\\237e \\302\\265\\n'").stdout(), "UTF-8 both ways");
            ExecResult big = run(c, "head -c 3000000 /dev/zero | tr '\\0' x; head -c 100000 /dev/zero | tr '\\0' y >&2");
            assertEquals(3_000_000, big.stdout().length(), "a large output is read completely");
            assertEquals(100_000, big.stderr().length());
            for (int i = 0; i < 5; i++) {
                run(c, "true");
            }
            assertEquals(1, c.logins(), "one session serves every command");
            assertTrue(prompter.asked.isEmpty(), "a known host and a key need no questions: " + prompter.asked);
            c.close();
            assertFalse(c.isConnected());
            assertEquals("again\n", run(c, "echo again").stdout(), "a closed connection logs in again when used");
            assertEquals(2, c.logins());
        }
    }

    @Test
    void aKeyWithAPassphraseAsksForItAndStopsAfterThreeWrongAnswers() throws Exception {
        ClusterProfile p = Profiles.withKey(keyProfile, cluster.get("keyWithPassphrase"));
        ScriptedPrompter prompter = new ScriptedPrompter().answerPassphrase(cluster.get("keyPassphrase"));
        try (SshConnection c = connect(p, prompter)) {
            assertEquals("testuser\n", run(c, "whoami").stdout());
            run(c, "true");
        }
        assertEquals(List.of("passphrase " + cluster.get("keyWithPassphrase")), prompter.asked, "asked once, for that key file");

        ScriptedPrompter wrong = new ScriptedPrompter().answerPassphrase("not the passphrase");
        Profiles.RecordingRetry retry = new Profiles.RecordingRetry();
        try (SshConnection c = connect(p, wrong, settings(cluster.knownHosts(), retry))) {
            ClusterException e = assertThrows(ClusterException.class, () -> run(c, "true"));
            assertEquals(FailureKind.PERMANENT, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains("wrong 3 times"), e.getMessage());
            assertFalse(c.isConnected());
        }
        assertEquals(3, wrong.asked.size(), "three tries, like OpenSSH: " + wrong.asked);
        assertTrue(retry.waits.isEmpty(), "a permanent failure is not retried: " + retry.waits);
    }

    @Test
    void anSshAgentHoldingTheKeyLogsInWithoutQuestions() throws Exception {
        ClusterProfile noKeyFile = Profiles.withKey(keyProfile, "");
        try (SshAgent agent = SshAgent.withKey(Path.of(cluster.get("keyWithPassphrase")), cluster.get("keyPassphrase"))) {
            ScriptedPrompter prompter = new ScriptedPrompter();
            SshSettings withAgent = settings(cluster.knownHosts(), new Profiles.RecordingRetry()).withAgentSocket(agent.socket);
            try (SshConnection c = connect(noKeyFile, prompter, withAgent)) {
                assertEquals("testuser\n", run(c, "whoami").stdout());
            }
            assertTrue(prompter.asked.isEmpty(), "the agent unlocked the key, nobody was asked: " + prompter.asked);
        }
        // the control: the same profile without the agent has no key to offer and is refused
        try (SshConnection c = connect(noKeyFile, new ScriptedPrompter())) {
            ClusterException e = assertThrows(ClusterException.class, () -> run(c, "true"));
            assertEquals(FailureKind.PERMANENT, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains("refused the login"), e.getMessage());
        }
    }

    @Test
    void thePasswordMethodAsksForThePasswordAndStopsAfterThreeWrongOnes() throws Exception {
        try (PasswordSshd sshd = PasswordSshd.start(cluster)) {
            ClusterProfile p = Profiles.login(mfaProfile, "pw", "127.0.0.1", sshd.port, cluster.get("duoUser"), AuthMethod.PASSWORD, "");
            ScriptedPrompter prompter = new ScriptedPrompter().answerPassword(cluster.get("duoPassword"));
            try (SshConnection c = connect(p, prompter, settings(sshd.knownHosts, new Profiles.RecordingRetry()))) {
                assertEquals(cluster.get("duoUser") + "\n", run(c, "whoami").stdout());
                assertEquals(cluster.get("duoUser") + "\n", run(c, "whoami").stdout());
            }
            assertEquals(List.of("password " + cluster.get("duoUser") + "@127.0.0.1:" + sshd.port), prompter.asked);
            assertTrue(Files.readString(sshd.log()).contains("Accepted password for " + cluster.get("duoUser")), "the server saw the password method");

            ScriptedPrompter wrong = new ScriptedPrompter().answerPassword("not-the-password");
            try (SshConnection c = connect(p, wrong, settings(sshd.knownHosts, new Profiles.RecordingRetry()))) {
                ClusterException e = assertThrows(ClusterException.class, () -> run(c, "true"));
                assertEquals(FailureKind.PERMANENT, e.kind(), e.getMessage());
            }
            assertEquals(3, wrong.asked.size(), wrong.asked.toString());
        }
    }

    @Test
    void keyboardInteractiveAnswersThePasswordAndTheSecondFactorOncePerSession() throws Exception {
        ScriptedPrompter prompter = mfaAnswers();
        try (SshConnection c = connect(mfaProfile, prompter)) {
            assertEquals(cluster.get("duoUser") + "\n", run(c, "whoami").stdout());
            assertEquals(cluster.get("duoUser") + "\n", run(c, "whoami").stdout());
            assertEquals(1, c.logins());
        }
        assertEquals(2, prompter.asked.size(), "one login, two prompts: " + prompter.asked);
        assertTrue(prompter.asked.get(0).toLowerCase().contains("password"), prompter.asked.toString());
        assertTrue(prompter.asked.get(1).contains(DuoAnswers.MENU), prompter.asked.toString());
    }

    @Test
    void aPasswordProfileAnswersThePamPasswordPromptWithThePasswordQuestion() throws Exception {
        ClusterProfile p = Profiles.withMethod(mfaProfile, AuthMethod.PASSWORD);
        ScriptedPrompter prompter = new ScriptedPrompter().answerPassword(cluster.get("duoPassword")).keyboard(prompt -> passcode());
        try (SshConnection c = connect(p, prompter)) {
            assertEquals(cluster.get("duoUser") + "\n", run(c, "whoami").stdout());
        }
        assertEquals(2, prompter.asked.size(), prompter.asked.toString());
        assertEquals("password " + cluster.get("duoUser") + "@127.0.0.1:2222", prompter.asked.get(0));
        assertTrue(prompter.asked.get(1).contains(DuoAnswers.MENU), prompter.asked.toString());
    }

    @Test
    void aCancelledMfaPromptIsACancellationAndNothingMoreIsAsked() throws Exception {
        ScriptedPrompter prompter = new ScriptedPrompter().keyboard(prompt -> null);
        Profiles.RecordingRetry retry = new Profiles.RecordingRetry();
        try (SshConnection c = connect(mfaProfile, prompter, settings(cluster.knownHosts(), retry))) {
            ClusterException e = assertThrows(ClusterException.class, () -> run(c, "true"));
            assertEquals(FailureKind.CANCELLED, e.kind(), e.getMessage());
            assertFalse(c.isConnected());
        }
        assertEquals(1, prompter.asked.size(), "after Cancel nobody is asked again: " + prompter.asked);
        assertTrue(retry.waits.isEmpty());
    }

    @Test
    void withNoOneToAskKeysStillWorkAndEverythingElseFailsPermanentlySayingWhy() throws Exception {
        Profiles.RecordingRetry retry = new Profiles.RecordingRetry();
        SshConnectionProvider headless = SshConnectionProvider.headless(settings(cluster.knownHosts(), retry));
        try {
            assertEquals("testuser\n", run(headless.connectionFor(keyProfile), "whoami").stdout());
            ClusterException mfa = assertThrows(ClusterException.class, () -> run(headless.connectionFor(mfaProfile), "true"));
            assertEquals(FailureKind.PERMANENT, mfa.kind(), mfa.getMessage());
            assertTrue(mfa.getMessage().contains("no one to ask"), mfa.getMessage());
            assertTrue(mfa.getMessage().contains("Password"), "names the question: " + mfa.getMessage());
            ClusterProfile pp = Profiles.withKey(keyProfile, cluster.get("keyWithPassphrase"));
            ClusterException passphrase = assertThrows(ClusterException.class, () -> run(headless.connectionFor(pp), "true"));
            assertEquals(FailureKind.PERMANENT, passphrase.kind());
            assertTrue(passphrase.getMessage().contains("needs the passphrase of its key; no one to ask"), passphrase.getMessage());
            assertTrue(retry.waits.isEmpty(), "none of this is retried");
        } finally {
            headless.closeAll();
        }
        Path empty = Files.createTempDirectory(tmp, "kh").resolve("known_hosts");
        SshConnectionProvider unknownHost = SshConnectionProvider.headless(settings(empty, retry));
        ClusterException e = assertThrows(ClusterException.class, () -> run(unknownHost.connectionFor(keyProfile), "true"));
        assertEquals(FailureKind.PERMANENT, e.kind());
        assertTrue(e.getMessage().contains("no one to ask") && e.getMessage().contains(cluster.get("hostKeySha256")), e.getMessage());
        assertFalse(Files.exists(empty));
    }

    @Test
    void theServiceComponentAsksWhicheverPrompterIsBound() throws Exception {
        ConnectionProviderComponent component = new ConnectionProviderComponent(settings(cluster.knownHosts(), new Profiles.RecordingRetry()));
        try {
            ClusterException before = assertThrows(ClusterException.class, () -> run(component.connectionFor(mfaProfile), "true"));
            assertTrue(before.getMessage().contains("no one to ask"), before.getMessage());

            ScriptedPrompter ui = mfaAnswers();
            component.setPrompter(ui);
            assertEquals(cluster.get("duoUser") + "\n", run(component.connectionFor(mfaProfile), "whoami").stdout());
            assertEquals(2, ui.asked.size(), ui.asked.toString());

            component.unsetPrompter(ui);
            component.closeAll();
            ClusterException after = assertThrows(ClusterException.class, () -> run(component.connectionFor(mfaProfile), "true"));
            assertTrue(after.getMessage().contains("no one to ask"), after.getMessage());
            assertEquals(2, ui.asked.size(), "an unbound prompter is not asked any more");
        } finally {
            component.deactivate();
        }
    }

    @Test
    void hostAliasesUsersPortsAndKeysComeFromTheSshConfig() throws Exception {
        Path dir = Files.createTempDirectory(tmp, "sshconfig");
        Path config = dir.resolve("config");
        Files.writeString(config, "Host nr-test-alias\n  HostName 127.0.0.1\n  Port 2222\n  User testuser\n  IdentityFile "
                + cluster.get("key") + "\n");
        ClusterProfile alias = Profiles.login(keyProfile, "alias", "nr-test-alias", 22, "", AuthMethod.KEY, "");
        ScriptedPrompter prompter = new ScriptedPrompter();
        SshSettings s = settings(cluster.knownHosts(), new Profiles.RecordingRetry()).withSshConfig(config);
        try (SshConnection c = connect(alias, prompter, s)) {
            assertEquals("testuser\n", run(c, "whoami").stdout());
        }
        assertTrue(prompter.asked.isEmpty(), "the real host name was checked against known_hosts: " + prompter.asked);
        // a port typed in the profile wins over the config's
        Files.writeString(config, "Host nr-test-alias\n  HostName 127.0.0.1\n  Port 1\n  User testuser\n  IdentityFile " + cluster.get("key") + "\n");
        ClusterProfile explicitPort = Profiles.login(keyProfile, "alias2", "nr-test-alias", 2222, "", AuthMethod.KEY, "");
        try (SshConnection c = connect(explicitPort, new ScriptedPrompter(), s)) {
            assertEquals("testuser\n", run(c, "whoami").stdout());
        }
    }

    // ---- host keys -----------------------------------------------------------------------------------------

    @Test
    void anUnknownHostKeyIsShownWithItsFingerprintAndRememberedOnlyWhenAskedTo() throws Exception {
        Path knownHosts = Files.createTempDirectory(tmp, "kh").resolve("known_hosts");
        Profiles.RecordingRetry retry = new Profiles.RecordingRetry();
        ScriptedPrompter rejecting = new ScriptedPrompter().hostKey(HostKeyDecision.REJECT);
        try (SshConnection c = connect(keyProfile, rejecting, settings(knownHosts, retry))) {
            ClusterException e = assertThrows(ClusterException.class, () -> run(c, "true"));
            assertEquals(FailureKind.PERMANENT, e.kind());
            assertTrue(e.getMessage().contains("not accepted"), e.getMessage());
            assertFalse(c.isConnected());
        }
        assertEquals(List.of("hostkey 127.0.0.1:2222 ssh-ed25519 " + cluster.get("hostKeySha256")), rejecting.asked,
                "host, port, type and the same fingerprint ssh-keygen -l prints");
        assertFalse(Files.exists(knownHosts), "a rejected key is not remembered");
        assertTrue(retry.waits.isEmpty());

        ScriptedPrompter once = new ScriptedPrompter().hostKey(HostKeyDecision.ACCEPT_ONCE);
        try (SshConnection c = connect(keyProfile, once, settings(knownHosts, retry))) {
            assertEquals(0, run(c, "true").exitCode());
        }
        assertFalse(Files.exists(knownHosts), "accepted once is not written down");

        Files.writeString(knownHosts, "# my hosts, no newline at the end");
        ScriptedPrompter accepting = new ScriptedPrompter().hostKey(HostKeyDecision.ACCEPT_AND_REMEMBER);
        try (SshConnection c = connect(keyProfile, accepting, settings(knownHosts, retry))) {
            assertEquals(0, run(c, "true").exitCode());
        }
        List<String> lines = Files.readAllLines(knownHosts);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(1).startsWith("[127.0.0.1]:2222 ssh-ed25519 "), lines.toString());
        // OpenSSH itself finds the remembered key
        Process keygen = new ProcessBuilder("ssh-keygen", "-F", "[127.0.0.1]:2222", "-f", knownHosts.toString()).redirectErrorStream(true).start();
        String found = new String(keygen.getInputStream().readAllBytes());
        assertEquals(0, keygen.waitFor(), found);
        assertTrue(found.contains("ssh-ed25519"), found);

        ScriptedPrompter later = new ScriptedPrompter();
        try (SshConnection c = connect(keyProfile, later, settings(knownHosts, retry))) {
            assertEquals(0, run(c, "true").exitCode());
        }
        assertTrue(later.asked.isEmpty(), "remembered: " + later.asked);
    }

    @Test
    void aChangedHostKeyIsRefusedWithoutAskingEvenWhenOnlyItsTypeDiffers() throws Exception {
        Path dir = Files.createTempDirectory(tmp, "kh");
        for (String type : List.of("ed25519", "ecdsa")) {
            // a different, valid key recorded for the same host: what a man-in-the-middle would present
            Path other = dir.resolve("other-" + type);
            Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", type, "-N", "", "-f", other.toString()).start();
            assertEquals(0, keygen.waitFor());
            String[] pub = Files.readString(dir.resolve("other-" + type + ".pub")).split(" ");
            Path knownHosts = dir.resolve("known_hosts-" + type);
            Files.writeString(knownHosts, "[127.0.0.1]:2222 " + pub[0] + " " + pub[1] + "\n");
            ScriptedPrompter prompter = new ScriptedPrompter().hostKey(HostKeyDecision.ACCEPT_AND_REMEMBER);
            Profiles.RecordingRetry retry = new Profiles.RecordingRetry();
            try (SshConnection c = connect(keyProfile, prompter, settings(knownHosts, retry))) {
                ClusterException e = assertThrows(ClusterException.class, () -> run(c, "true"));
                assertEquals(FailureKind.PERMANENT, e.kind());
                assertTrue(e.getMessage().contains("CHANGED") && e.getMessage().contains(cluster.get("hostKeySha256")), e.getMessage());
                assertFalse(c.isConnected());
            }
            assertTrue(prompter.asked.isEmpty(), "a changed key is never offered for acceptance: " + prompter.asked);
            assertTrue(retry.waits.isEmpty(), "nor retried");
            assertEquals(1, Files.readAllLines(knownHosts).size(), "known_hosts is left as it was");
        }
    }

    @Test
    void knownHostsAreMatchedTheOpenSshWayHashedAndPortExact() throws Exception {
        Path dir = Files.createTempDirectory(tmp, "kh");
        String[] pub = Files.readString(TestCluster.BASE.resolve("ssh/hostkey.pub")).strip().split(" ");
        // hashed by OpenSSH itself
        Path hashed = dir.resolve("hashed");
        Files.writeString(hashed, "[127.0.0.1]:2222 " + pub[0] + " " + pub[1] + "\n");
        assertEquals(0, new ProcessBuilder("ssh-keygen", "-H", "-f", hashed.toString()).redirectErrorStream(true).start().waitFor());
        assertTrue(Files.readString(hashed).startsWith("|1|"), Files.readString(hashed));
        ScriptedPrompter none = new ScriptedPrompter();
        try (SshConnection c = connect(keyProfile, none, settings(hashed, new Profiles.RecordingRetry()))) {
            assertEquals(0, run(c, "true").exitCode());
        }
        assertTrue(none.asked.isEmpty(), none.asked.toString());

        // the port-22 server of the same machine has another key: that says nothing about port 2222
        Path other = dir.resolve("other");
        assertEquals(0, new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", other.toString()).start().waitFor());
        String[] otherPub = Files.readString(dir.resolve("other.pub")).split(" ");
        Path port22 = dir.resolve("port22");
        Files.writeString(port22, "127.0.0.1 " + otherPub[0] + " " + otherPub[1] + "\n");
        ScriptedPrompter asked = new ScriptedPrompter().hostKey(HostKeyDecision.ACCEPT_ONCE);
        try (SshConnection c = connect(keyProfile, asked, settings(port22, new Profiles.RecordingRetry()))) {
            assertEquals(0, run(c, "true").exitCode());
        }
        assertEquals(1, asked.asked.size(), "unknown on port 2222, not changed: " + asked.asked);

        // a wildcard entry for the port does count
        Path wildcard = dir.resolve("wildcard");
        Files.writeString(wildcard, "[127.0.0.*]:2222 " + pub[0] + " " + pub[1] + "\n");
        ScriptedPrompter quiet = new ScriptedPrompter();
        try (SshConnection c = connect(keyProfile, quiet, settings(wildcard, new Profiles.RecordingRetry()))) {
            assertEquals(0, run(c, "true").exitCode());
        }
        assertTrue(quiet.asked.isEmpty(), quiet.asked.toString());
    }

    // ---- commands ------------------------------------------------------------------------------------------

    @Test
    void aKilledSessionFailsTheRunningCommandTransientlyAndTheNextCallReconnects() throws Exception {
        try (SshConnection c = connect(keyProfile, new ScriptedPrompter())) {
            long serving = SessionKiller.servingPid(c);
            CompletableFuture<ExecResult> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return run(c, "sleep 31");
                } catch (ClusterException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            Poll.until("the remote sleep runs under sshd " + serving, Duration.ofSeconds(20),
                    () -> SessionKiller.hasChild(serving, "sleep 31"));
            SessionKiller.kill(serving);
            ExecutionException failed = assertThrows(ExecutionException.class, () -> running.get(20, TimeUnit.SECONDS));
            ClusterException e = (ClusterException) failed.getCause();
            assertEquals(FailureKind.TRANSIENT, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains("was lost while a command ran") && e.getMessage().contains("not repeated"), e.getMessage());
            assertFalse(c.isConnected());

            assertEquals("again\n", run(c, "echo again").stdout());
            assertEquals(2, c.logins(), "the next call logged in again");
            assertNotEquals(serving, SessionKiller.servingPid(c), "on a new sshd session");
        }
    }

    @Test
    void aCommandThatRunsTooLongTimesOutAndIsStopped() throws Exception {
        try (SshConnection c = connect(keyProfile, new ScriptedPrompter())) {
            long start = System.nanoTime();
            CompletableFuture<ClusterException> running = CompletableFuture.supplyAsync(() -> {
                try {
                    c.exec("exec sleep 37", Duration.ofSeconds(3), null);
                    return null;
                } catch (ClusterException e) {
                    return e;
                }
            });
            Poll.until("the remote sleep runs", Duration.ofSeconds(3), () -> sleeping("sleep 37"));
            ClusterException e = running.get(20, TimeUnit.SECONDS);
            assertEquals(FailureKind.TRANSIENT, e.kind());
            assertTrue(e.getMessage().contains("did not finish within 3 s"), e.getMessage());
            assertTrue((System.nanoTime() - start) / 1e9 < 15, "gave up long before the command would have ended");
            Poll.until("the remote sleep was terminated", Duration.ofSeconds(10), () -> !sleeping("sleep 37"));
            assertEquals(0, run(c, "true").exitCode(), "the session is still good");
            assertEquals(1, c.logins());
        }
    }

    @Test
    void aCancelledCommandEndsPromptlyAndIsStopped() throws Exception {
        try (SshConnection c = connect(keyProfile, new ScriptedPrompter())) {
            NullProgressMonitor monitor = new NullProgressMonitor();
            CompletableFuture<ClusterException> running = CompletableFuture.supplyAsync(() -> {
                try {
                    c.exec("exec sleep 38", Duration.ofMinutes(5), monitor);
                    return null;
                } catch (ClusterException e) {
                    return e;
                }
            });
            Poll.until("the remote sleep runs", Duration.ofSeconds(20), () -> sleeping("sleep 38"));
            monitor.setCanceled(true);
            ClusterException e = running.get(10, TimeUnit.SECONDS);
            assertEquals(FailureKind.CANCELLED, e.kind());
            Poll.until("the remote sleep was terminated", Duration.ofSeconds(10), () -> !sleeping("sleep 38"));
        }
    }

    /** Whether testuser runs this command (the cluster is on this machine; Java reports /usr/bin/sleep 37). */
    private static boolean sleeping(String commandLine) {
        return ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().orElse("").endsWith(commandLine)
                && p.info().user().orElse("").equals("testuser"));
    }

    @Test
    void aCommandKilledByASignalReportsItLikeAShell() throws Exception {
        try (SshConnection c = connect(keyProfile, new ScriptedPrompter())) {
            ExecResult r = run(c, "echo before; kill -KILL $$");
            assertEquals(137, r.exitCode());
            assertEquals("before\n", r.stdout());
            assertTrue(r.stderr().contains("signal KILL"), r.stderr());
            assertTrue(c.isConnected(), "the session is fine");
        }
    }

    @Test
    void anUnreachablePortIsTransientAndRetriedWithBackoffAPermanentFailureIsNot() throws Exception {
        ClusterProfile closed = Profiles.login(keyProfile, "closed", "127.0.0.1", 1, "testuser", AuthMethod.KEY, cluster.get("key"));
        Profiles.RecordingRetry retry = new Profiles.RecordingRetry();
        try (SshConnection c = connect(closed, new ScriptedPrompter(), settings(cluster.knownHosts(), retry))) {
            ClusterException e = assertThrows(ClusterException.class, () -> run(c, "true"));
            assertEquals(FailureKind.TRANSIENT, e.kind());
            assertTrue(e.getMessage().contains("refused"), e.getMessage());
        }
        assertEquals(2, retry.waits.size(), "three attempts: " + retry.waits);
        long first = retry.waits.get(0).toMillis();
        long second = retry.waits.get(1).toMillis();
        assertTrue(first >= 1000 && first <= 2000, "first wait in [1 s, 2 s]: " + first);
        assertTrue(second >= 2000 && second <= 4000, "second wait in [2 s, 4 s]: " + second);

        Path stranger = Files.createTempDirectory(tmp, "key").resolve("id_stranger");
        assertEquals(0, new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", stranger.toString()).start().waitFor());
        ClusterProfile unauthorized = Profiles.withKey(keyProfile, stranger.toString());
        Profiles.RecordingRetry noRetry = new Profiles.RecordingRetry();
        try (SshConnection c = connect(unauthorized, new ScriptedPrompter(), settings(cluster.knownHosts(), noRetry))) {
            ClusterException e = assertThrows(ClusterException.class, () -> run(c, "true"));
            assertEquals(FailureKind.PERMANENT, e.kind(), e.getMessage());
        }
        assertTrue(noRetry.waits.isEmpty(), "a refused login is not retried: " + noRetry.waits);
    }

    @Test
    void sbatchSqueueSacctAndScancelRunOverTheConnection() throws Exception {
        String prefix = keyProfile.commandPrefix() + " && ";   // the twin has SLURM only through the module, as Alpine
        try (SshConnection c = connect(keyProfile, new ScriptedPrompter())) {
            ExecResult sbatch = run(c, prefix + ShellQuoting.command("sbatch", "--parsable", "--wrap=sleep 120", "--time=1", "--mem=10M",
                    "--partition=" + cluster.get("defaultPartition"), "--output=/dev/null", "--job-name=nr-ssh-test"));
            assertEquals(0, sbatch.exitCode(), sbatch.stderr());
            String id = sbatch.stdout().strip().split(";")[0];
            assertTrue(id.matches("\\d+"), sbatch.stdout());

            ExecResult squeue = run(c, prefix + ShellQuoting.command("squeue", "--noheader", "--states=all", "--jobs=" + id, "--format=%i|%j|%T"));
            assertEquals(0, squeue.exitCode(), squeue.stderr());
            assertTrue(squeue.stdout().startsWith(id + "|nr-ssh-test|"), squeue.stdout());

            ExecResult scancel = run(c, prefix + ShellQuoting.command("scancel", id));
            assertEquals(0, scancel.exitCode(), scancel.stderr());

            String[] state = new String[1];
            Poll.until("sacct reports job " + id + " CANCELLED", Duration.ofSeconds(30), () -> {
                ExecResult sacct = run(c, prefix + ShellQuoting.command("sacct", "-X", "--parsable2", "--noheader", "--jobs=" + id, "--format=JobID,State"));
                assertEquals(0, sacct.exitCode(), sacct.stderr());
                state[0] = sacct.stdout().strip();
                return state[0].startsWith(id + "|CANCELLED");
            });
            ExecResult bad = run(c, prefix + ShellQuoting.command("sbatch", "--parsable", "--wrap=true", "--partition=no-such-partition"));
            assertNotEquals(0, bad.exitCode());
            assertTrue(bad.stderr().contains("sbatch: error"), "errors arrive on stderr, apart: " + bad.stderr());
            assertEquals("", bad.stdout());
        }
    }
}
