package org.namdrunner.ssh.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.ExecResult;
import org.namdrunner.core.cluster.LoginShell;
import org.namdrunner.ssh.SshConnectionProvider;
import org.namdrunner.ssh.SshSettings;
import org.namdrunner.ssh.internal.SshConnection;
import org.namdrunner.testing.ScriptedPrompter;
import org.namdrunner.testing.TestCluster;

/**
 * The long-lived login shell behind {@code execWithPrefix}, on the real login host with Alpine's prefix (Lmod's
 * {@code module load slurm/alpine}): commands see the prefix's PATH, keep their own exit codes and streams, cannot
 * change or end the shell, and a prefix that fails still reports why. The benchmark compares a poll-sized command
 * through the shell with the same command as one exec each, over the twin's latency path, in the same run.
 */
class PrefixedShellTest {

    private static final String ALPINE = "source /etc/profile && module load slurm/alpine";
    private static final NullProgressMonitor M = new NullProgressMonitor();
    private static TestCluster cluster;

    @BeforeAll
    static void load() throws Exception {
        cluster = TestCluster.load();
    }

    private static ClusterProfile profile(String id, String host, int port, String prefix) {
        ClusterProfile p = cluster.profile(id);
        return new ClusterProfile(id, p.name(), host, port, p.user(), p.authMethod(), p.keyFile(), "", prefix, List.of(),
                p.partitions(), p.qos(), p.accounts(), p.projectsRoot(), p.scratchRoot(), p.coresPerNode(), p.memoryPerNodeMb(),
                p.maxWalltime(), p.pollInterval());
    }

    private static SshConnection connect(ClusterProfile p) {
        return (SshConnection) new SshConnectionProvider(new ScriptedPrompter(), SshSettings.isolated(cluster.knownHosts()))
                .connectionFor(p);
    }

    private static ExecResult run(SshConnection c, String command) throws Exception {
        return c.execWithPrefix(command, Duration.ofSeconds(60), M);
    }

    @Test
    void commandsRunInOneShellThatLoadedThePrefixOnce() throws Exception {
        ClusterProfile p = profile("shell", cluster.get("host"), Integer.parseInt(cluster.get("port")), ALPINE + " && echo 'loaded once'");
        try (SshConnection c = connect(p)) {
            ExecResult found = run(c, "command -v sbatch");
            assertEquals(0, found.exitCode(), found.stderr());
            assertTrue(found.stdout().strip().endsWith("/sbatch"), "the prefix's PATH: " + found.stdout());
            String shellPid = run(c, "echo $PPID").stdout();
            ExecResult mixed = run(c, "echo out; echo err >&2; cd /; exit 3");
            assertEquals(3, mixed.exitCode());
            assertEquals("out\n", mixed.stdout());
            assertEquals("err\n", mixed.stderr());
            assertNotEquals("/\n", run(c, "pwd").stdout(), "a cd in one command does not move the next");
            assertEquals(shellPid, run(c, "echo $PPID").stdout(), "an exit in one command does not end the shell");
            assertTrue(!run(c, "true").stdout().contains("loaded once"), "the prefix ran once, before the first command");
            ExecResult quoted = run(c, "printf '%s|' 'it'\\''s' \"$((1+2))\" '::nr-fake-e1 0'");
            assertEquals("it's|3|::nr-fake-e1 0|", quoted.stdout());
            ExecResult squeue = run(c, "SLURM_TIME_FORMAT=%s squeue --noheader --states=all --user=" + p.user());
            assertEquals(0, squeue.exitCode(), squeue.stderr());
            assertEquals(1, c.logins());
        }
    }

    @Test
    void aFailingPrefixStillSaysWhy() throws Exception {
        ClusterProfile p = profile("badprefix", cluster.get("host"), Integer.parseInt(cluster.get("port")),
                "source /etc/profile && module load slurm/nowhere");
        try (SshConnection c = connect(p)) {
            ExecResult r = run(c, "squeue");
            assertNotEquals(0, r.exitCode());
            assertTrue(r.stderr().contains("slurm/nowhere"), "Lmod's words reach the caller: " + r.stderr());
            assertEquals(LoginShell.commandLine(p.commandPrefix(), "squeue"), r.command());
        }
    }

    /** Not a pass/fail timing: prints the ratio; asserts only that the shell is not slower than an exec per command. */
    @Test
    void aPollCostsAboutOneRoundTrip() throws Exception {
        String host = cluster.get("latencyHost");
        int port = Integer.parseInt(cluster.get("latencyPort"));
        String command = "SLURM_TIME_FORMAT=%s squeue --noheader --states=all --user=" + cluster.get("user");
        int n = 10;
        try (SshConnection shell = connect(profile("bench-shell", host, port, ALPINE));
                SshConnection plain = connect(profile("bench-plain", host, port, ALPINE))) {
            run(shell, command);
            plain.exec("true", Duration.ofSeconds(60), M);
            long bare = time(n, () -> plain.exec("true", Duration.ofSeconds(60), M));
            long perExec = time(n, () -> LoginShell.commandOutput(plain.exec(LoginShell.commandLine(ALPINE, command),
                    Duration.ofSeconds(60), M)));
            long inShell = time(n, () -> run(shell, command));
            System.out.printf("poll command over the latency path (%d runs): exec 'true' %.1f ms, exec with prefix %.1f ms, "
                    + "long-lived shell %.1f ms; shell/bare = %.2f, exec-with-prefix/bare = %.2f%n", n, bare / 1e6 / n,
                    perExec / 1e6 / n, inShell / 1e6 / n, (double) inShell / bare, (double) perExec / bare);
            assertTrue(inShell < perExec, "the shell (" + inShell / n / 1_000_000 + " ms) should beat an exec with the prefix ("
                    + perExec / n / 1_000_000 + " ms)");
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static long time(int n, Step step) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            step.run();
        }
        return System.nanoTime() - start;
    }
}
