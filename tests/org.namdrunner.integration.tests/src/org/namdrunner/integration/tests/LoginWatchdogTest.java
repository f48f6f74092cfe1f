package org.namdrunner.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterConnectionProvider;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.ExecResult;
import org.namdrunner.core.cluster.ShellQuoting;
import org.namdrunner.testing.BuiltInProfiles;
import org.namdrunner.testing.LoginWatchdog;
import org.namdrunner.testing.TestCluster;

/**
 * The twin's login-node watchdog (Arbiter2's stand-in) really fires, so that the end-to-end test's "NAMDRunner
 * triggered it zero times" can fail: a 64 MB cp over SSH on the login host is recorded, the same cp on the
 * transfer host is not, and neither are a few dozen small SLURM queries.
 */
class LoginWatchdogTest {

    private static ExecResult run(ClusterConnection c, String command) throws Exception {
        ExecResult r = c.exec(command, Duration.ofSeconds(120), new NullProgressMonitor());
        assertEquals(0, r.exitCode(), command + ": " + r.stderr());
        return r;
    }

    @Test
    void aBigCopyOnTheLoginHostIsRecordedAndTheSameCopyOnTheTransferHostIsNot() throws Exception {
        TestCluster cluster = TestCluster.load();
        LoginWatchdog watchdog = new LoginWatchdog(cluster);
        ClusterProfile login = cluster.profile("watchdog");
        ClusterProfile dtn = BuiltInProfiles.with(login, Map.of("id", "watchdog-dtn", "host", login.effectiveTransferHost()));
        String dir = login.scratchRoot() + "/watchdog-test-" + ProcessHandle.current().pid();
        String src = ShellQuoting.quote(dir + "/big.bin");
        String dst = ShellQuoting.quote(dir + "/copy.bin");
        ClusterConnectionProvider connections = Wiring.connections(cluster);
        try (ClusterConnection onDtn = connections.connectionFor(dtn); ClusterConnection onLogin = connections.connectionFor(login)) {
            long mark = watchdog.mark();
            run(onDtn, "mkdir -p " + ShellQuoting.quote(dir) + " && head -c 67108864 /dev/zero > " + src + " && cp " + src + " " + dst
                    + " && rm -f " + dst);
            for (int i = 0; i < 30; i++) {
                run(onLogin, login.commandPrefix() + " && squeue -h -u \"$USER\" >/dev/null");
            }
            assertEquals(List.of(), watchdog.since(mark), "the transfer host and small queries are not watched");

            run(onLogin, "cp " + src + " " + dst);
            List<LoginWatchdog.Violation> seen = watchdog.await(mark, v -> v.command().equals("cp"), Duration.ofSeconds(5));
            assertTrue(seen.stream().anyMatch(v -> v.command().equals("cp") && v.user().equals(login.user())
                    && v.reason().startsWith("io>") && v.writtenMb() >= 60), "the login-host cp is recorded: " + seen);
            run(onDtn, "rm -rf " + ShellQuoting.quote(dir));
        }
    }
}
