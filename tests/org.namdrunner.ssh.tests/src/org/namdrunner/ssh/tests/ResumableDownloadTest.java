package org.namdrunner.ssh.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.ExecResult;
import org.namdrunner.core.cluster.FailureKind;
import org.namdrunner.core.cluster.RetryPolicy;
import org.namdrunner.core.cluster.ShellQuoting;
import org.namdrunner.ssh.SshConnectionProvider;
import org.namdrunner.ssh.SshSettings;
import org.namdrunner.ssh.internal.SshConnection;
import org.namdrunner.testing.ScriptedPrompter;
import org.namdrunner.testing.TestCluster;

/**
 * A 1 GiB file (random bytes, made on the twin in this test's own folder) downloaded through the transfer host; its
 * session killed for real at ~40 %; then a new provider and connection (what an app restart has) finish it from the
 * kept .part file, checked by the cluster's sha256sum, having received only what was missing.
 */
class ResumableDownloadTest {

    private static final long SIZE = 1L << 30;
    private static TestCluster cluster;
    private static ClusterProfile profile;
    private static String remoteDir;
    private static Path local;

    @BeforeAll
    static void setUp() throws Exception {
        cluster = TestCluster.load();
        profile = cluster.profile("resume");
        remoteDir = profile.projectDirFor("job_resume_" + System.currentTimeMillis());
        local = Files.createTempDirectory("namdrunner-resume");
    }

    @AfterAll
    static void tearDown() throws Exception {
        try (SshConnection c = connect(RetryPolicy.standard())) {
            c.exec(ShellQuoting.command("rm", "-rf", "--", remoteDir), Duration.ofMinutes(1), null);
        }
        TempFiles.delete(local);
    }

    private static SshConnection connect(RetryPolicy retry) {
        return (SshConnection) new SshConnectionProvider(new ScriptedPrompter(),
                SshSettings.isolated(cluster.knownHosts()).withRetryPolicy(retry)).connectionFor(profile);
    }

    @Test
    void aDownloadCutOffMidwayFinishesAfterARestartFromWhereItStopped() throws Exception {
        assertNotEquals(profile.host(), profile.effectiveTransferHost(), "the built-in profile downloads through its transfer host");
        String remote = remoteDir + "/traj.dcd";
        Path target = local.resolve("traj.dcd");
        Path part = local.resolve("traj.dcd.part");
        String remoteSum;
        long firstReceived;
        long kept;
        // one attempt only: the retry within one call would resume too; the point here is the restart
        try (SshConnection first = connect(new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1), new Random(1), d -> { }))) {
            ExecResult made = first.exec("mkdir -p " + ShellQuoting.quote(remoteDir) + " && head -c " + SIZE + " /dev/urandom > "
                    + ShellQuoting.quote(remote) + " && sha256sum -- " + ShellQuoting.quote(remote), Duration.ofMinutes(5), null);
            assertEquals(0, made.exitCode(), made.stderr());
            remoteSum = made.stdout().strip().split("\\s+")[0];
            Progress killer = new Progress(2.0) {
                private boolean killed;

                @Override
                public synchronized void internalWorked(double work) {
                    super.internalWorked(work);
                    if (!killed && fraction() >= 0.4) {
                        killed = true;
                        killSessionReading(remote);
                    }
                }
            };
            ClusterException e = assertThrows(ClusterException.class, () -> first.download(remote, target, killer));
            assertEquals(FailureKind.TRANSIENT, e.kind(), e.getMessage());
            firstReceived = first.bytesReceived();
        }
        assertTrue(Files.isRegularFile(part), "the .part file is kept after the connection dropped");
        kept = Files.size(part);
        assertTrue(kept >= SIZE / 4 && kept < SIZE, "kept " + kept + " bytes");
        assertFalse(Files.exists(target));

        Recording progress = new Recording();
        try (SshConnection restarted = connect(RetryPolicy.standard())) {
            restarted.download(remote, target, progress);
            long secondReceived = restarted.bytesReceived();
            assertEquals(SIZE - kept, secondReceived, "only the missing bytes were fetched");
            assertTrue(firstReceived + secondReceived < 2 * SIZE, firstReceived + " + " + secondReceived);
            System.out.printf("1 GiB download cut at %d MiB: first connection received %d MiB, the restarted one %d MiB (%.2f of the file)%n",
                    kept >> 20, firstReceived >> 20, secondReceived >> 20, (firstReceived + secondReceived) / (double) SIZE);
        }
        assertEquals(remoteSum, sha256(target));
        assertFalse(Files.exists(part));
        assertFalse(Files.exists(local.resolve("traj.dcd.part.from")));
        assertTrue(progress.fraction() > 0.999, "progress reached the total: " + progress.fraction());
        assertTrue(progress.lines.stream().anyMatch(l -> l.matches(".*MB of 1\\.0 GB, \\d+ (KB|MB)/s, about .* left")),
                "progress says the rate and the time left: " + progress.lines);
        Files.delete(target);
    }

    @Test
    void aPartFileOfADifferentVersionOfTheFileIsNotContinued() throws Exception {
        String remote = remoteDir + "/small.txt";
        Path target = local.resolve("small.txt");
        try (SshConnection c = connect(RetryPolicy.standard())) {
            c.mkdirs(remoteDir, null);
            c.writeFile(remote, "new content of the file\n", null);
            // a .part and record of an older version (other size and time): continuing it would corrupt the copy
            Files.writeString(local.resolve("small.txt.part"), "OLD");
            Files.write(local.resolve("small.txt.part.from"), List.of(remote, "3", "1"));
            c.download(remote, target, null);
        }
        assertEquals("new content of the file\n", Files.readString(target));
        assertFalse(Files.exists(local.resolve("small.txt.part.from")));
    }

    /** Kills the transfer host's sshd session whose sftp-server has {@code remote} open (nobody else's session). */
    private static void killSessionReading(String remote) {
        try {
            long listener = cluster.daemonPid("dtn-sshd");
            ProcessHandle server = ProcessHandle.of(listener).orElseThrow().descendants()
                    .filter(p -> p.info().command().orElse("").contains("sftp-server") && hasOpen(p.pid(), remote))
                    .findFirst().orElseThrow(() -> new AssertionError("no sftp-server under the transfer host's sshd reads " + remote));
            Optional<ProcessHandle> session = server.parent();
            session.orElseThrow().destroyForcibly();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean hasOpen(long pid, String file) {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().equals(file);
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (IOException e) {
            return false;
        }
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 20];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Records the progress lines the Progress view would show. */
    private static final class Recording extends Progress {
        final List<String> lines = new CopyOnWriteArrayList<>();

        Recording() {
            super(2.0);
        }

        @Override
        public void subTask(String name) {
            lines.add(name);
        }
    }
}
