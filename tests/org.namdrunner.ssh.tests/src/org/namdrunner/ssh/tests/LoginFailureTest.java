package org.namdrunner.ssh.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.ClusterProfile.AuthMethod;
import org.namdrunner.core.cluster.FailureKind;
import org.namdrunner.ssh.SshConnectionProvider;
import org.namdrunner.ssh.SshSettings;
import org.namdrunner.ssh.internal.SshConnection;
import org.namdrunner.testing.ScriptedPrompter;
import org.namdrunner.testing.TestCluster;

/**
 * The twin's Duo user through the real PAM stack (pam_unix, then the Duo-shaped menu): a wrong Duo answer or a wrong
 * password ends the login with "Login failed: ..." and the server's own words, PERMANENT, after one round of
 * questions - not a loop of the same prompt, not a TRANSIENT retry.
 */
class LoginFailureTest {

    private static TestCluster cluster;
    private static ClusterProfile duo;

    @BeforeAll
    static void load() throws Exception {
        cluster = TestCluster.load();
        ClusterProfile base = cluster.profile("duo", "login-failure");
        String user = cluster.get("duoUser");
        duo = new ClusterProfile("duo", "Duo twin", base.host(), base.port(), user, AuthMethod.KEYBOARD_INTERACTIVE, "", "", "",
                List.of(), base.partitions(), base.qos(), base.accounts(), cluster.get("duoProjectsRoot"),
                cluster.get("duoScratchRoot"), base.coresPerNode(), base.memoryPerNodeMb(), base.maxWalltime(), base.pollInterval());
    }

    private static ScriptedPrompter answers(String password, String duoAnswer) {
        return new ScriptedPrompter().keyboard(p -> p.text().toLowerCase().contains("password") ? password : duoAnswer);
    }

    private static ClusterException failedLogin(ScriptedPrompter prompter) {
        Profiles.RecordingRetry retry = new Profiles.RecordingRetry();
        SshSettings settings = SshSettings.isolated(cluster.knownHosts()).withRetryPolicy(retry.policy);
        try (SshConnection c = (SshConnection) new SshConnectionProvider(prompter, settings).connectionFor(duo)) {
            ClusterException e = assertThrows(ClusterException.class,
                    () -> c.exec("true", Duration.ofSeconds(60), new NullProgressMonitor()));
            assertEquals(List.of(), retry.waits, "a refused login is not retried as if the network failed");
            return e;
        }
    }

    @Test
    void aWrongPasscodeSaysWhatDuoSaid() {
        ScriptedPrompter prompter = answers(cluster.get("duoPassword"), "000000");
        ClusterException e = failedLogin(prompter);
        assertEquals(FailureKind.PERMANENT, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith("Login failed: "), e.getMessage());
        assertTrue(e.getMessage().contains("Invalid passcode, please try again."), e.getMessage());
        assertTrue(e.getMessage().contains("Passcode or option (1-3)") || e.getMessage().contains("Duo two-factor login"), e.getMessage());
        assertEquals(1, prompter.asked.stream().filter(a -> a.contains("Duo")).count(), "the Duo menu is answered once: " + prompter.asked);
    }

    @Test
    void aWrongMenuChoiceSaysSo() {
        ScriptedPrompter prompter = answers(cluster.get("duoPassword"), "9");
        ClusterException e = failedLogin(prompter);
        assertEquals(FailureKind.PERMANENT, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("Login failed: ") && e.getMessage().contains("Invalid option"), e.getMessage());
    }

    @Test
    void aWrongPasswordIsAPermanentLoginFailure() {
        ScriptedPrompter prompter = answers("not-the-password", cluster.get("duoPasscode"));
        ClusterException e = failedLogin(prompter);
        assertEquals(FailureKind.PERMANENT, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith("Login failed: "), e.getMessage());
        assertTrue(prompter.asked.stream().filter(a -> a.contains("Password")).count() == 1,
                "the password is not asked again in a loop: " + prompter.asked);
    }

    @Test
    void theRightAnswersStillLogIn() throws Exception {
        ScriptedPrompter prompter = answers(cluster.get("duoPassword"), cluster.get("duoPasscode"));
        SshSettings settings = SshSettings.isolated(cluster.knownHosts());
        try (SshConnection c = (SshConnection) new SshConnectionProvider(prompter, settings).connectionFor(duo)) {
            assertEquals(cluster.get("duoUser") + "\n", c.exec("whoami", Duration.ofSeconds(60), new NullProgressMonitor()).stdout());
            assertEquals(1, c.logins());
        }
    }
}
