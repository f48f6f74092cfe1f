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
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.FailureKind;
import org.namdrunner.core.cluster.ShellQuoting;
import org.namdrunner.ssh.SshConnectionProvider;
import org.namdrunner.testing.ScriptedPrompter;
import org.namdrunner.testing.TestCluster;

/** SFTP transfers against the real server: size, checksum, progress, cancel, and confined removal. */
class TransferTest {

    private static final long SIZE = 100L * 1024 * 1024;
    private static TestCluster cluster;
    private static ClusterConnection c;
    private static String remoteDir;
    private static Path local;

    @BeforeAll
    static void connect() throws Exception {
        cluster = TestCluster.load();
        String run = "transfer-" + System.currentTimeMillis();
        ClusterProfile profile = cluster.profile("transfer", run);
        c = new SshConnectionProvider(new ScriptedPrompter(), cluster.knownHosts(), null).connectionFor(profile);
        remoteDir = profile.projectsRoot() + "/namdrunner_jobs/job_transfer";
        c.mkdirs(remoteDir, new NullProgressMonitor());
        local = Files.createTempDirectory("namdrunner-transfer");
    }

    @AfterAll
    static void close() throws Exception {
        c.exec(ShellQuoting.command("rm", "-rf", "--", remoteDir.substring(0, remoteDir.indexOf("/namdrunner_jobs"))), Duration.ofMinutes(1), null);
        c.close();
    }

    /** Counts the work reported, as the Progress view would show it; cancels itself at a fraction of the total. */
    private static final class CountingMonitor extends NullProgressMonitor {
        final AtomicLong worked = new AtomicLong();
        long total;
        private final double cancelAt;

        CountingMonitor(double cancelAtFraction) {
            cancelAt = cancelAtFraction;
        }

        @Override
        public void beginTask(String name, int totalWork) {
            total = totalWork;
        }

        @Override
        public void worked(int work) {
            if (total > 0 && worked.addAndGet(work) >= cancelAt * total) {
                setCanceled(true);
            }
        }

        @Override
        public void internalWorked(double work) {
            worked((int) work);
        }
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
        Random r = new Random(7);
        byte[] buf = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(f)) {
            for (long written = 0; written < SIZE; written += buf.length) {
                r.nextBytes(buf);
                out.write(buf);
            }
        }
        return f;
    }

    @Test
    void oneHundredMegabytesGoUpAndComeBackIdenticalWithProgress() throws Exception {
        Path file = randomFile("big.bin");
        String remote = remoteDir + "/big.bin";
        CountingMonitor up = new CountingMonitor(2.0);
        long t0 = System.nanoTime();
        c.upload(file, remote, up);
        double upSeconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(up.total > 0 && up.worked.get() >= up.total - 1, "progress reached the total: " + up.worked + "/" + up.total);
        String remoteSum = c.exec(ShellQuoting.command("sha256sum", remote), Duration.ofMinutes(2), null).stdout().split(" ")[0];
        assertEquals(sha256(file), remoteSum);

        Path back = local.resolve("back.bin");
        CountingMonitor down = new CountingMonitor(2.0);
        t0 = System.nanoTime();
        c.download(remote, back, down);
        double downSeconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(sha256(file), sha256(back));
        assertTrue(down.worked.get() >= down.total - 1, "download progress reached the total");
        System.out.printf("100 MB over SFTP on loopback: upload %.2f s (%.0f MB/s), download %.2f s (%.0f MB/s)%n",
                upSeconds, 100 / upSeconds, downSeconds, 100 / downSeconds);
    }

    @Test
    void aCancelledUploadLeavesNothingUnderTheFinalNameNorAPartFile() throws Exception {
        Path file = randomFile("cancel.bin");
        String remote = remoteDir + "/cancel.bin";
        CountingMonitor monitor = new CountingMonitor(0.2);   // cancel after ~20 MB
        ClusterException e = assertThrows(ClusterException.class, () -> c.upload(file, remote, monitor));
        assertEquals(FailureKind.CANCELLED, e.kind());
        String listing = c.exec(ShellQuoting.command("ls", "-a", remoteDir), Duration.ofSeconds(30), null).stdout();
        assertFalse(listing.contains("cancel.bin"), listing);
    }

    @Test
    void aCancelledDownloadLeavesNoLocalFile() throws Exception {
        Path file = randomFile("down.bin");
        String remote = remoteDir + "/down.bin";
        c.upload(file, remote, new NullProgressMonitor());
        Path target = local.resolve("fetched/down.bin");
        ClusterException e = assertThrows(ClusterException.class, () -> c.download(remote, target, new CountingMonitor(0.1)));
        assertEquals(FailureKind.CANCELLED, e.kind());
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(target.resolveSibling("down.bin.part")));
    }

    @Test
    void foldersTravelWithTheirContents() throws Exception {
        Path dir = Files.createDirectories(local.resolve("inputs/sub"));
        Files.writeString(local.resolve("inputs/a.pdb"), "ATOM\n");
        Files.writeString(dir.resolve("b.psf"), "PSF\n");
        c.upload(local.resolve("inputs"), remoteDir + "/inputs", new NullProgressMonitor());
        c.writeFile(remoteDir + "/inputs/c.namd", "run 10\n", null);
        assertEquals("run 10\n", c.readFile(remoteDir + "/inputs/c.namd", 1000, null));
        assertEquals("0\n", c.readFile(remoteDir + "/inputs/c.namd", 2, null), "only the tail is read");
        Path back = local.resolve("inputs-back");
        c.download(remoteDir + "/inputs", back, new NullProgressMonitor());
        assertEquals("PSF\n", Files.readString(back.resolve("sub/b.psf")));
        assertEquals("run 10\n", Files.readString(back.resolve("c.namd")));
    }

    @Test
    void removalStaysInsideTheJobFolder() throws Exception {
        String job = remoteDir + "/victim";
        c.mkdirs(job + "/outputs", null);
        c.writeFile(job + "/outputs/x.log", "x", null);
        // a symbolic link inside the job pointing outside must be removed as a link, never followed
        String outside = remoteDir.substring(0, remoteDir.lastIndexOf('/')) + "/keep-me";
        c.mkdirs(outside, null);
        c.writeFile(outside + "/precious.txt", "keep", null);
        c.exec(ShellQuoting.command("ln", "-s", outside, job + "/link"), Duration.ofSeconds(30), null);

        for (String[] bad : new String[][] { { remoteDir, job }, { job + "/../keep-me", job }, { "/home/testuser", job },
                { outside, job } }) {
            ClusterException e = assertThrows(ClusterException.class, () -> c.removeTree(bad[0], bad[1], null));
            assertEquals(FailureKind.PERMANENT, e.kind());
        }
        ClusterException shallow = assertThrows(ClusterException.class, () -> c.removeTree("/home/testuser", "/home/testuser", null));
        assertTrue(shallow.getMessage().contains("not a job's own folder"), shallow.getMessage());

        c.removeTree(job, job, null);
        assertEquals("gone\n", c.exec("test -e " + ShellQuoting.quote(job) + " || echo gone", Duration.ofSeconds(30), null).stdout());
        assertEquals("keep", c.readFile(outside + "/precious.txt", 100, null), "the link's target survived");
    }
}
