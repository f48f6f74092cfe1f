package org.namdrunner.ssh.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.CredentialPrompter.HostKeyDecision;
import org.namdrunner.core.cluster.ExecResult;
import org.namdrunner.core.cluster.FailureKind;
import org.namdrunner.core.cluster.ShellQuoting;
import org.namdrunner.ssh.SshConnectionProvider;
import org.namdrunner.ssh.SshSettings;
import org.namdrunner.ssh.internal.SshConnection;
import org.namdrunner.testing.ScriptedPrompter;
import org.namdrunner.testing.TestCluster;

/** SFTP transfers against the real server: size, checksum, progress, cancel, folders, links and confined removal. */
class TransferTest {

    private static final long SIZE = 100L * 1024 * 1024;
    private static TestCluster cluster;
    private static ClusterProfile profile;
    private static SshConnection c;
    private static String runRoot;
    private static String remoteDir;
    private static Path local;
    private static Path big;

    @BeforeAll
    static void connect() throws Exception {
        cluster = TestCluster.load();
        String run = "transfer-" + System.currentTimeMillis();
        profile = cluster.profile("transfer");
        c = connect(profile, new ScriptedPrompter(), cluster.knownHosts(), new Profiles.RecordingRetry());
        runRoot = profile.projectsRoot();
        remoteDir = profile.projectDirFor("job_transfer");
        c.mkdirs(remoteDir, new NullProgressMonitor());
        local = Files.createTempDirectory("namdrunner-transfer");
        big = randomFile("big.bin");
    }

    private static SshConnection connect(ClusterProfile p, ScriptedPrompter prompter, Path knownHosts, Profiles.RecordingRetry retry) {
        return (SshConnection) new SshConnectionProvider(prompter, SshSettings.isolated(knownHosts).withRetryPolicy(retry.policy))
                .connectionFor(p);
    }

    @AfterAll
    static void close() throws Exception {
        if (c != null) {
            c.exec(ShellQuoting.command("rm", "-rf", "--", runRoot), Duration.ofMinutes(1), null);
            c.close();
        }
        TempFiles.delete(local);
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static Path randomFile(String name) throws Exception {
        Path f = local.resolve(name);
        Random r = new Random(name.hashCode());
        byte[] buf = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(f)) {
            for (long written = 0; written < SIZE; written += buf.length) {
                r.nextBytes(buf);
                out.write(buf);
            }
        }
        return f;
    }

    private static String sh(String... words) throws ClusterException {
        ExecResult r = c.exec(ShellQuoting.command(words[0], List.of(words).subList(1, words.length)), Duration.ofMinutes(2), null);
        assertEquals(0, r.exitCode(), String.join(" ", words) + ": " + r.stderr());
        return r.stdout();
    }

    private static String listing(String dir) throws ClusterException {
        return sh("ls", "-a", dir);
    }

    @Test
    void oneHundredMegabytesGoUpAndComeBackIdenticalWithProgress() throws Exception {
        String remote = remoteDir + "/big.bin";
        Progress up = Progress.untilDone();
        long t0 = System.nanoTime();
        c.upload(big, remote, up);
        double upSeconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(up.total > 0 && up.fraction() > 0.999, "upload progress reached the total: " + up.worked() + "/" + up.total);
        assertTrue(up.updates.get() > 100, "progress came in steps, not at the end: " + up.updates);
        assertEquals(sha256(big), sh("sha256sum", remote).split(" ")[0]);
        assertFalse(listing(remoteDir).contains("big.bin.part"), "no .part file is left");

        Path back = local.resolve("back.bin");
        Progress down = Progress.untilDone();
        t0 = System.nanoTime();
        c.download(remote, back, down);
        double downSeconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(sha256(big), sha256(back));
        assertTrue(down.fraction() > 0.999 && down.updates.get() > 100, "download progress: " + down.worked() + "/" + down.total);
        assertFalse(Files.exists(local.resolve("back.bin.part")));
        // the built-in profile names a transfer host: one login there for the files, one on the login host
        assertEquals(profile.effectiveTransferHost().equals(profile.host()) ? 1 : 2, c.logins());
        System.out.printf("100 MB over SFTP on loopback: upload %.2f s (%.0f MB/s), download %.2f s (%.0f MB/s)%n",
                upSeconds, 100 / upSeconds, downSeconds, 100 / downSeconds);
        Files.delete(back);
    }

    @Test
    void aCancelledUploadLeavesNothingUnderTheFinalNameNorAPartFile() throws Exception {
        String remote = remoteDir + "/cancel.bin";
        Progress monitor = new Progress(0.2); // cancels itself after ~20 MB
        ClusterException e = assertThrows(ClusterException.class, () -> c.upload(big, remote, monitor));
        assertEquals(FailureKind.CANCELLED, e.kind());
        assertTrue(monitor.fraction() < 0.9, "stopped part-way: " + monitor.fraction());
        String listing = listing(remoteDir);
        assertFalse(listing.contains("cancel.bin"), "neither cancel.bin nor cancel.bin.part: " + listing);
    }

    @Test
    void aCancelledDownloadLeavesNoLocalFile() throws Exception {
        String remote = remoteDir + "/down.bin";
        c.upload(big, remote, new NullProgressMonitor());
        Path target = local.resolve("fetched/down.bin");
        Progress monitor = new Progress(0.1);
        ClusterException e = assertThrows(ClusterException.class, () -> c.download(remote, target, monitor));
        assertEquals(FailureKind.CANCELLED, e.kind());
        assertTrue(monitor.fraction() < 0.9, "stopped part-way: " + monitor.fraction());
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(target.resolveSibling("down.bin.part")));
    }

    @Test
    void foldersTravelWithTheirContentsAndLinksToFoldersAreNotFollowed() throws Exception {
        Path inputs = Files.createDirectories(local.resolve("inputs/sub"));
        Files.writeString(local.resolve("inputs/a.pdb"), "ATOM\n");
        Files.writeString(inputs.resolve("b.psf"), "PSF\n");
        Files.createSymbolicLink(local.resolve("inputs/elsewhere"), local.resolve("inputs/sub")); // a link to a folder: skipped
        Progress up = Progress.untilDone();
        c.upload(local.resolve("inputs"), remoteDir + "/inputs", up);
        assertTrue(up.fraction() > 0.999, "folder progress reached the total");
        assertEquals("a.pdb\nsub\n", sh("ls", remoteDir + "/inputs"));

        c.writeFile(remoteDir + "/inputs/c.namd", "run 10\n", null);
        c.writeFile(remoteDir + "/inputs/c.namd", "run 20\n", null);
        assertEquals("run 20\n", c.readFile(remoteDir + "/inputs/c.namd", 1000, null), "writeFile replaces");
        assertEquals("0\n", c.readFile(remoteDir + "/inputs/c.namd", 2, null), "only the tail is read");

        // on the cluster: a link to a file (copied as the file) and a link to a folder outside (not followed)
        String outside = runRoot + "/outside";
        c.mkdirs(outside, null);
        c.writeFile(outside + "/secret.txt", "not part of the job", null);
        sh("ln", "-s", outside, remoteDir + "/inputs/to-outside");
        sh("ln", "-s", remoteDir + "/inputs/a.pdb", remoteDir + "/inputs/a-link.pdb");

        Path back = local.resolve("inputs-back");
        c.download(remoteDir + "/inputs", back, Progress.untilDone());
        assertEquals("PSF\n", Files.readString(back.resolve("sub/b.psf")));
        assertEquals("run 20\n", Files.readString(back.resolve("c.namd")));
        assertEquals("ATOM\n", Files.readString(back.resolve("a-link.pdb")));
        assertFalse(Files.exists(back.resolve("to-outside")), "a link to a folder outside the tree is not followed");
    }

    @Test
    void aFileNameThatCannotBeALocalNameStopsTheDownloadNamingIt() throws Exception {
        String dir = remoteDir + "/odd";
        c.mkdirs(dir, null);
        sh("touch", dir + "/two words.txt");
        ClusterException e = assertThrows(ClusterException.class, () -> c.download(dir, local.resolve("odd"), null));
        assertEquals(FailureKind.PERMANENT, e.kind());
        assertTrue(e.getMessage().contains("two words.txt") && e.getMessage().contains("a space"), e.getMessage());
    }

    @Test
    void missingFilesAndPermissionProblemsArePermanentAndNotRetried() throws Exception {
        Profiles.RecordingRetry retry = new Profiles.RecordingRetry();
        try (SshConnection own = connect(profile, new ScriptedPrompter(), cluster.knownHosts(), retry)) {
            Path small = Files.writeString(local.resolve("small.txt"), "small");
            ClusterException noParent = assertThrows(ClusterException.class,
                    () -> own.upload(small, remoteDir + "/no/such/folder/small.txt", null));
            assertEquals(FailureKind.PERMANENT, noParent.kind(), noParent.getMessage());
            ClusterException denied = assertThrows(ClusterException.class, () -> own.mkdirs("/root/namdrunner-should-not-exist", null));
            assertEquals(FailureKind.PERMANENT, denied.kind());
            assertTrue(denied.getMessage().contains("Permission denied"), denied.getMessage());
            ClusterException noSuch = assertThrows(ClusterException.class, () -> own.readFile(remoteDir + "/nothing-here", 10, null));
            assertEquals(FailureKind.PERMANENT, noSuch.kind());
            assertTrue(noSuch.getMessage().contains("no such file"), noSuch.getMessage());
            ClusterException noLocal = assertThrows(ClusterException.class, () -> own.upload(local.resolve("absent"), remoteDir + "/x", null));
            assertEquals(FailureKind.PERMANENT, noLocal.kind());
        }
        assertTrue(retry.waits.isEmpty(), "nothing permanent was retried: " + retry.waits);
    }

    @Test
    void removalStaysInsideTheJobFolderAndDoesNotFollowLinks() throws Exception {
        String job = profile.projectDirFor("job_victim");
        c.mkdirs(job + "/outputs", null);
        c.writeFile(job + "/outputs/x.log", "x", null);
        String outside = runRoot + "/keep-me";
        c.mkdirs(outside, null);
        c.writeFile(outside + "/precious.txt", "keep", null);
        sh("ln", "-s", outside, job + "/link");

        for (String[] bad : new String[][] { { remoteDir, job }, { job + "/../keep-me", job }, { "/home/testuser", job },
                { outside, job }, { job, runRoot + "/namdrunner_jobs" }, { job, runRoot }, { "/home/testuser", "/home/testuser" } }) {
            ClusterException e = assertThrows(ClusterException.class, () -> c.removeTree(bad[0], bad[1], null), String.join(" in ", bad));
            assertEquals(FailureKind.PERMANENT, e.kind());
            assertTrue(e.getMessage().startsWith("Refused to delete"), e.getMessage());
        }
        assertEquals("x", c.readFile(job + "/outputs/x.log", 10, null), "nothing was removed by a refused call");

        c.removeTree(job, job, null);
        assertEquals("gone\n", c.exec("test -e " + ShellQuoting.quote(job) + " || echo gone", Duration.ofSeconds(30), null).stdout());
        assertEquals("keep", c.readFile(outside + "/precious.txt", 100, null), "the link's target survived");
        c.removeTree(job, job, null); // removing what is gone is fine
    }

    @Test
    void aSeparateTransferHostGetsItsOwnSessionForBulkTransfersOnly() throws Exception {
        ClusterProfile viaLocalhost = Profiles.withTransferHost(profile, "localhost");
        ScriptedPrompter prompter = new ScriptedPrompter().hostKey(HostKeyDecision.ACCEPT_ONCE);
        try (SshConnection t = connect(viaLocalhost, prompter, cluster.knownHosts(), new Profiles.RecordingRetry())) {
            t.writeFile(remoteDir + "/small.txt", "small", null);
            assertEquals(1, t.logins(), "small files go over the login session");
            assertTrue(prompter.asked.isEmpty());
            Path f = Files.writeString(local.resolve("via-transfer-host.txt"), "bulk");
            t.upload(f, remoteDir + "/via-transfer-host.txt", null);
            t.download(remoteDir + "/via-transfer-host.txt", local.resolve("via-transfer-host-back.txt"), null);
            assertEquals("bulk", Files.readString(local.resolve("via-transfer-host-back.txt")));
            assertEquals(2, t.logins(), "one more session, to the transfer host, reused for both transfers");
            assertEquals(List.of("hostkey localhost:2222 ssh-ed25519 " + cluster.get("hostKeySha256")), prompter.asked,
                    "the transfer host was really connected to (its name is not in known_hosts)");
        }
    }
}
