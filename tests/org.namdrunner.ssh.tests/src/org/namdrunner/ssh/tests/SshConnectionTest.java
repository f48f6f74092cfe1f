package org.namdrunner.ssh.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.CredentialPrompter.HostKeyDecision;
import org.namdrunner.core.cluster.ExecResult;
import org.namdrunner.core.cluster.FailureKind;
import org.namdrunner.ssh.SshConnectionProvider;
import org.namdrunner.ssh.internal.SshConnection;
import org.namdrunner.testing.ScriptedPrompter;
import org.namdrunner.testing.SshSessions;
import org.namdrunner.testing.TestCluster;
import org.namdrunner.testing.Totp;

/** Against the real OpenSSH server of the test cluster (127.0.0.1:2222). */
class SshConnectionTest {

    private static TestCluster cluster;
    private static ClusterProfile keyProfile;

    @BeforeAll
    static void load() throws Exception {
        cluster = TestCluster.load();
        keyProfile = cluster.profile("test", "ssh-tests");
    }

    private static ClusterConnection connect(ClusterProfile profile, ScriptedPrompter prompter, Path knownHosts) {
        return new SshConnectionProvider(prompter, knownHosts, null).connectionFor(profile);
    }

    private static ExecResult run(ClusterConnection c, String command) throws ClusterException {
        return c.exec(command, Duration.ofSeconds(60), new NullProgressMonitor());
    }

    @Test
    void aKeyLoginRunsCommandsWithOutputAndExitCodeApart() throws Exception {
        ScriptedPrompter prompter = new ScriptedPrompter();
        try (ClusterConnection c = connect(keyProfile, prompter, cluster.knownHosts())) {
            ExecResult r = run(c, "echo out; echo err >&2; exit 3");
            assertEquals(3, r.exitCode());
            assertEquals("out\n", r.stdout());
            assertEquals("err\n", r.stderr());
            assertEquals("testuser\n", run(c, "whoami").stdout());
            for (int i = 0; i < 5; i++) {
                run(c, "true");
            }
            assertEquals(1, ((SshConnection) c).logins(), "one session serves every command");
            assertTrue(prompter.asked.isEmpty(), "a known host and a key need no questions: " + prompter.asked);
        }
    }

    @Test
    void aKeyWithAPassphraseAsksForIt() throws Exception {
        ClusterProfile p = withKey(keyProfile, cluster.get("keyWithPassphrase"));
        ScriptedPrompter prompter = new ScriptedPrompter().answerPassphrase(cluster.get("keyPassphrase"));
        try (ClusterConnection c = connect(p, prompter, cluster.knownHosts())) {
            assertEquals("testuser\n", run(c, "whoami").stdout());
        }
        assertTrue(prompter.asked.stream().anyMatch(a -> a.startsWith("passphrase")), prompter.asked.toString());

        ScriptedPrompter wrong = new ScriptedPrompter().answerPassphrase("not the passphrase");
        try (ClusterConnection c = connect(p, wrong, cluster.knownHosts())) {
            ClusterException e = assertThrows(ClusterException.class, () -> run(c, "true"));
            assertEquals(FailureKind.PERMANENT, e.kind(), e.getMessage());
        }
    }

    @Test
    void keyboardInteractiveAnswersThePasswordAndTheSecondFactor() throws Exception {
        ClusterProfile p = cluster.mfaProfile("mfa", "ssh-tests");
        ScriptedPrompter prompter = new ScriptedPrompter().keyboard(prompt -> prompt.text().toLowerCase().contains("password")
                ? cluster.get("mfaPassword") : Totp.code(cluster.get("mfaTotpSecret"), Instant.now()));
        try (ClusterConnection c = connect(p, prompter, cluster.knownHosts())) {
            assertEquals("mfauser\n", run(c, "whoami").stdout());
            assertEquals("mfauser\n", run(c, "whoami").stdout());
        }
        assertEquals(2, prompter.asked.stream().filter(a -> a.startsWith("keyboard")).count(), "one login, two prompts: " + prompter.asked);
        assertTrue(prompter.asked.stream().anyMatch(a -> a.contains("Verification code")), prompter.asked.toString());
    }

    @Test
    void aCancelledMfaPromptIsACancellationNotAnError() throws Exception {
        ClusterProfile p = cluster.mfaProfile("mfa", "ssh-tests");
        ScriptedPrompter prompter = new ScriptedPrompter().keyboard(prompt -> null);
        try (ClusterConnection c = connect(p, prompter, cluster.knownHosts())) {
            ClusterException e = assertThrows(ClusterException.class, () -> run(c, "true"));
            assertTrue(e.kind() == FailureKind.CANCELLED || e.kind() == FailureKind.PERMANENT, e.kind() + " " + e.getMessage());
            assertFalse(c.isConnected());
        }
    }

    @Test
    void anUnknownHostKeyIsShownWithItsFingerprintAndRememberedWhenAccepted() throws Exception {
        Path knownHosts = Files.createTempDirectory("kh").resolve("known_hosts");
        ScriptedPrompter rejecting = new ScriptedPrompter().hostKey(HostKeyDecision.REJECT);
        try (ClusterConnection c = connect(keyProfile, rejecting, knownHosts)) {
            ClusterException e = assertThrows(ClusterException.class, () -> run(c, "true"));
            assertEquals(FailureKind.PERMANENT, e.kind());
            assertFalse(c.isConnected());
        }
        assertEquals(cluster.get("hostKeySha256"), rejecting.lastFingerprint(), "the same fingerprint ssh-keygen -l prints");
        assertFalse(Files.exists(knownHosts), "a rejected key is not remembered");

        ScriptedPrompter accepting = new ScriptedPrompter().hostKey(HostKeyDecision.ACCEPT_AND_REMEMBER);
        try (ClusterConnection c = connect(keyProfile, accepting, knownHosts)) {
            assertEquals(0, run(c, "true").exitCode());
        }
        assertTrue(Files.readString(knownHosts).startsWith("[127.0.0.1]:2222 ssh-ed25519 "), Files.readString(knownHosts));
        ScriptedPrompter later = new ScriptedPrompter();
        try (ClusterConnection c = connect(keyProfile, later, knownHosts)) {
            assertEquals(0, run(c, "true").exitCode());
        }
        assertTrue(later.asked.isEmpty(), "remembered: " + later.asked);
    }

    @Test
    void aChangedHostKeyIsRefusedWithoutAsking() throws Exception {
        Path knownHosts = Files.createTempDirectory("kh").resolve("known_hosts");
        // a different, valid ed25519 key recorded for the same host: what a man-in-the-middle would present
        Path other = knownHosts.resolveSibling("other");
        Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", other.toString()).start();
        assertEquals(0, keygen.waitFor());
        String[] pub = Files.readString(other.resolveSibling("other.pub")).split(" ");
        Files.writeString(knownHosts, "[127.0.0.1]:2222 " + pub[0] + " " + pub[1] + "\n");
        ScriptedPrompter prompter = new ScriptedPrompter().hostKey(HostKeyDecision.ACCEPT_AND_REMEMBER);
        try (ClusterConnection c = connect(keyProfile, prompter, knownHosts)) {
            ClusterException e = assertThrows(ClusterException.class, () -> run(c, "true"));
            assertEquals(FailureKind.PERMANENT, e.kind());
            assertTrue(e.getMessage().contains("CHANGED"), e.getMessage());
            assertFalse(c.isConnected());
        }
        assertTrue(prompter.asked.isEmpty(), "a changed key is never offered for acceptance: " + prompter.asked);
    }

    @Test
    void aKilledSessionFailsTheRunningCommandTransientlyAndTheNextCallReconnects() throws Exception {
        try (ClusterConnection c = connect(keyProfile, new ScriptedPrompter(), cluster.knownHosts())) {
            assertEquals(0, run(c, "true").exitCode());
            Thread killer = new Thread(() -> {
                try {
                    Thread.sleep(1500);
                } catch (InterruptedException e) {
                    return;
                }
                SshSessions.killAll();
            });
            killer.start();
            ClusterException e = assertThrows(ClusterException.class, () -> run(c, "sleep 20"));
            killer.join();
            assertEquals(FailureKind.TRANSIENT, e.kind(), e.getMessage());
            assertEquals("again\n", run(c, "echo again").stdout());
            assertEquals(2, ((SshConnection) c).logins());
        }
    }

    @Test
    void aCommandThatRunsTooLongTimesOut() throws Exception {
        try (ClusterConnection c = connect(keyProfile, new ScriptedPrompter(), cluster.knownHosts())) {
            long start = System.nanoTime();
            ClusterException e = assertThrows(ClusterException.class, () -> c.exec("sleep 30", Duration.ofSeconds(2), new NullProgressMonitor()));
            assertEquals(FailureKind.TRANSIENT, e.kind());
            assertTrue(e.getMessage().contains("did not finish within 2 s"), e.getMessage());
            assertTrue((System.nanoTime() - start) / 1e9 < 20, "gave up long before the command would have ended");
        }
    }

    @Test
    void anUnreachablePortIsATransientFailure() throws Exception {
        ClusterProfile closed = new ClusterProfile("closed", "closed", "127.0.0.1", 1, "testuser", ClusterProfile.AuthMethod.KEY,
                cluster.get("key"), "", "", List.of(), List.of(), List.of(), List.of(), "/home/testuser/projects", "/home/testuser/scratch",
                1, 1, Duration.ofHours(1), Duration.ofSeconds(60));
        try (ClusterConnection c = connect(closed, new ScriptedPrompter(), cluster.knownHosts())) {
            ClusterException e = assertThrows(ClusterException.class, () -> run(c, "true"));
            assertEquals(FailureKind.TRANSIENT, e.kind());
            assertTrue(e.getMessage().contains("refused"), e.getMessage());
        }
    }

    @Test
    void theSlurmCommandsRunOverTheConnection() throws Exception {
        try (ClusterConnection c = connect(keyProfile, new ScriptedPrompter(), cluster.knownHosts())) {
            ExecResult squeue = run(c, "squeue --noheader --states=all --format='%i|%T'");
            assertEquals(0, squeue.exitCode(), squeue.stderr());
            ExecResult sacct = run(c, "sacct -X --parsable2 --noheader --starttime=now-1hour --format=JobID,State");
            assertEquals(0, sacct.exitCode(), sacct.stderr());
            ExecResult sbatch = run(c, "sbatch --parsable --wrap=true --time=1 --mem=10M --output=/dev/null");
            assertEquals(0, sbatch.exitCode(), sbatch.stderr());
            assertTrue(sbatch.stdout().strip().matches("\\d+"), sbatch.stdout());
            assertEquals(0, run(c, "scancel " + sbatch.stdout().strip()).exitCode());
        }
    }

    private static ClusterProfile withKey(ClusterProfile p, String key) {
        return new ClusterProfile(p.id() + "-pp", p.name(), p.host(), p.port(), p.user(), p.authMethod(), key, p.transferHost(),
                p.commandPrefix(), p.moduleLines(), p.partitions(), p.qos(), p.accounts(), p.projectsRoot(), p.scratchRoot(),
                p.coresPerNode(), p.memoryPerNodeMb(), p.maxWalltime(), p.pollInterval());
    }
}
