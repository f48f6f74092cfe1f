package org.namdrunner.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.eclipse.osgi.service.datalocation.Location;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.ClusterProfile.AuthMethod;
import org.namdrunner.core.cluster.CredentialPrompter.HostKeyDecision;
import org.namdrunner.core.cluster.ShellQuoting;
import org.namdrunner.core.cluster.FailureKind;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.ssh.SshConnectionProvider;
import org.namdrunner.ssh.SshSettings;
import org.namdrunner.testing.PrivateSshd;
import org.namdrunner.testing.ScriptedPrompter;
import org.namdrunner.testing.TestCluster;
import org.namdrunner.testing.BuiltInProfiles;
import org.namdrunner.testing.DuoAnswers;

/**
 * No secret is ever written: two real sessions as the MFA user — the SSH "password" method (through a private sshd,
 * since the cluster's offers none) and keyboard-interactive password + TOTP code on the cluster's sshd — each create,
 * submit and sync a job through the real SSH transport and SQLite store. Then the password and the TOTP secret are
 * looked for, as UTF-8 and UTF-16 bytes, in: the database file with its -wal and -shm (while open and after closing),
 * the Eclipse instance and configuration areas (.metadata/.log, preference files), Java user preferences, Eclipse's
 * default secure storage file, the known_hosts files, everything printed to System.out/err meanwhile, and every file the
 * jobs left on the cluster (read over SSH). 0 hits. (The prompter is the tests' stand-in for the login dialogs; the
 * workbench's SecretStore, which keeps secrets a person chose to save in encrypted Eclipse secure storage, is not part of
 * these sessions.) Also: a changed host key stops job creation before anything is staged or stored.
 */
class SecretsAndHostKeyTest {

    @Test
    void sessionsThatLoggedInWithAPasswordAndADuoPasscodeLeaveNeitherAnywhere() throws Exception {
        TestCluster cluster = TestCluster.load();
        String password = cluster.get("duoPassword");
        String totpSecret = cluster.get("duoPasscode");   // the Duo passcode is the second secret
        Path local = Files.createTempDirectory("namdrunner-secrets");
        Path db = local.resolve("jobs.db");
        ClusterProfile kbd = cluster.duoProfile("testcluster");
        Scan scan = new Scan(password, totpSecret);
        List<String> asked = new ArrayList<>();
        Map<String, String> remoteFiles = new LinkedHashMap<>();

        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new Tee(out, printed), true));
        System.setErr(new PrintStream(new Tee(err, printed), true));
        try {
            // session 1: the SSH password method
            try (PrivateSshd sshd = PrivateSshd.passwordLogins(cluster.get("duoUser"))) {
                ClusterProfile pw = sshd.profile(withMethod(kbd, AuthMethod.PASSWORD));
                ScriptedPrompter prompter = new ScriptedPrompter().answerPassword(password);
                try (Harness h = new Harness(cluster, pw, db, Duration.ofMinutes(10),
                        new SshConnectionProvider(prompter, SshSettings.isolated(sshd.knownHosts())))) {
                    runOneJob(h, local, "pw");
                    scan.file(sshd.knownHosts());
                }
                assertTrue(Files.readString(sshd.log()).contains("Accepted password for " + cluster.get("duoUser")),
                        "the server saw the password method");
                asked.addAll(prompter.asked);
            }
            // session 2: keyboard-interactive, password then the Duo passcode, on the twin's login sshd
            ScriptedPrompter prompter = new ScriptedPrompter().keyboard(DuoAnswers.passcode(cluster));
            try (Harness h = new Harness(cluster, kbd, db, Duration.ofMinutes(10),
                    new SshConnectionProvider(prompter, SshSettings.isolated(cluster.knownHosts())))) {
                runOneJob(h, local, "kbd");
                // while the store is open its -wal holds the latest pages
                for (Path f : databaseFiles(db)) {
                    scan.file(f);
                }
                for (Job j : h.store.list(JobFilter.all())) {
                    for (String dir : List.of(j.projectDir().orElseThrow(), j.scratchDir().orElseThrow())) {
                        String listing = h.exec("find " + ShellQuoting.quote(dir) + " -type f -size -5M").stdout();
                        for (String file : listing.lines().filter(l -> !l.isBlank()).toList()) {
                            remoteFiles.put(file, h.connection.readFile(file, 5_000_000, new NullProgressMonitor()));
                        }
                    }
                }
            }
            asked.addAll(prompter.asked);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertTrue(asked.stream().anyMatch(a -> a.startsWith("password ")), "the password was asked for: " + asked);
        assertTrue(asked.stream().anyMatch(a -> a.toLowerCase().contains("verification code")), "a TOTP code was asked for: " + asked);

        for (Path f : databaseFiles(db)) {
            scan.file(f);
        }
        List<Path> areas = new ArrayList<>();
        areas.add(folderOf(Platform.getInstanceLocation()));
        areas.add(folderOf(Platform.getConfigurationLocation()));
        areas.add(Path.of(System.getProperty("user.home"), ".java"));
        areas.add(Path.of(System.getProperty("user.home"), ".eclipse", "org.eclipse.equinox.security"));
        areas.add(cluster.knownHosts());
        for (Path area : areas) {
            if (area == null || !Files.exists(area)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(area)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    if (Files.size(f) < 50_000_000) {
                        scan.file(f);
                    }
                }
            }
        }
        for (Map.Entry<String, String> remote : remoteFiles.entrySet()) {
            scan.bytes("cluster file " + remote.getKey(), remote.getValue().getBytes(StandardCharsets.UTF_8));
        }
        byte[] console = printed.toByteArray();
        scan.bytes("System.out/err", console);
        System.out.printf("secrets: 2 sessions (SSH password; keyboard-interactive password + TOTP), %d local files (%d bytes: database "
                + "+ -wal/-shm, .metadata, configuration, preferences, secure storage, known_hosts), %d cluster files, %d bytes of "
                + "console output scanned for the password and the Duo passcode: %d hits%n", scan.files.size(), scan.fileBytes, remoteFiles.size(),
                console.length, scan.hits.size());
        assertTrue(scan.files.stream().anyMatch(f -> f.getFileName().toString().endsWith("-wal")), "a -wal file was scanned: " + scan.files);
        assertTrue(remoteFiles.keySet().stream().anyMatch(f -> f.endsWith("job_info.json")), remoteFiles.keySet().toString());
        assertEquals(List.of(), scan.hits, "secrets found");

        // the scan does find a secret where there is one, in either encoding
        Scan control = new Scan(password, totpSecret);
        control.file(Files.writeString(local.resolve("planted.txt"), "x" + password + "y"));
        control.bytes("planted UTF-16", ("x" + totpSecret).getBytes(StandardCharsets.UTF_16LE));
        assertEquals(2, control.hits.size(), control.hits.toString());
    }

    @Test
    void aChangedHostKeyStopsJobCreationBeforeAnythingIsStagedOrStored() throws Exception {
        TestCluster cluster = TestCluster.load();
        Path local = Files.createTempDirectory("namdrunner-hostkey");
        Path otherKey = local.resolve("other");
        assertEquals(0, new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", otherKey.toString()).start().waitFor());
        String[] pub = Files.readString(local.resolve("other.pub")).split(" ");
        Path knownHosts = Files.writeString(local.resolve("known_hosts"), "[127.0.0.1]:" + cluster.get("port") + " " + pub[0] + " " + pub[1] + "\n");
        String run = "hostkey-" + System.currentTimeMillis();
        ScriptedPrompter prompter = new ScriptedPrompter().hostKey(HostKeyDecision.ACCEPT_AND_REMEMBER);
        try (Harness h = new Harness(cluster, cluster.profile("testcluster"), local.resolve("jobs.db"), Duration.ofMinutes(10),
                new SshConnectionProvider(prompter, SshSettings.isolated(knownHosts)))) {
            ClusterException e = assertThrows(ClusterException.class, () -> h.service.create(TestJobs.request("mitm", TestJobs.inputs(
                    local.resolve("inputs")), TestJobs.resources(1, Duration.ofMinutes(10), "acpu", ""), 100, "mitm"), new NullProgressMonitor()));
            assertEquals(FailureKind.PERMANENT, e.kind());
            assertTrue(e.getMessage().contains("CHANGED") && e.getMessage().contains(cluster.get("hostKeySha256")), e.getMessage());
            assertTrue(prompter.asked.isEmpty(), "a changed key is never offered for acceptance: " + prompter.asked);
            assertEquals(List.of(), h.store.list(JobFilter.all()), "nothing stored");
            assertEquals(1, Files.readAllLines(knownHosts).size(), "known_hosts is left as it was");
        }
        // checked with the right key: nothing of the refused job reached the cluster
        try (Harness check = new Harness(cluster, cluster.profile("testcluster"), local.resolve("check.db"), Duration.ofMinutes(10))) {
            assertTrue(!check.remoteExists(check.profile.projectsRoot()) && !check.remoteExists(check.profile.scratchRoot()),
                    "no job folder was made behind the changed key");
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static void runOneJob(Harness h, Path local, String tag) throws Exception {
        Job job = h.service.create(TestJobs.request("secret-" + tag, TestJobs.inputs(local.resolve("inputs-" + tag)),
                TestJobs.resources(1, Duration.ofMinutes(10), "acpu", ""), 100, tag), new NullProgressMonitor());
        SharedCluster.submit(h.service, job.id());
        h.syncUntil(job.id(), j -> j.status().isTerminal(), Duration.ofSeconds(150));
    }

    private static ClusterProfile withMethod(ClusterProfile p, AuthMethod method) {
        return BuiltInProfiles.with(p, Map.of("authMethod", method));
    }

    private static List<Path> databaseFiles(Path db) throws IOException {
        try (Stream<Path> files = Files.list(db.getParent())) {
            return files.filter(f -> f.getFileName().toString().startsWith(db.getFileName().toString())).toList();
        }
    }

    private static Path folderOf(Location location) throws URISyntaxException {
        return location == null || location.getURL() == null ? null : Path.of(location.getURL().getPath());
    }

    /** Looks for two secrets in files and bytes; remembers what it looked at and where it found one. */
    private static final class Scan {
        final List<String> secrets;
        final List<Path> files = new ArrayList<>();
        final List<String> hits = new ArrayList<>();
        long fileBytes;

        Scan(String... secrets) {
            this.secrets = List.of(secrets);
        }

        void file(Path f) throws IOException {
            byte[] b = Files.readAllBytes(f);
            files.add(f);
            fileBytes += b.length;
            bytes(f.toString(), b);
        }

        void bytes(String where, byte[] b) {
            if (secrets.stream().anyMatch(secret -> contains(b, secret))) {
                hits.add(where);
            }
        }
    }

    /** The secret as UTF-8 or as UTF-16 (either byte order) anywhere in the bytes. */
    private static boolean contains(byte[] bytes, String secret) {
        for (byte[] needle : List.of(secret.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_16LE),
                secret.getBytes(StandardCharsets.UTF_16BE))) {
            outer: for (int i = 0; i + needle.length <= bytes.length; i++) {
                for (int k = 0; k < needle.length; k++) {
                    if (bytes[i + k] != needle[k]) {
                        continue outer;
                    }
                }
                return true;
            }
        }
        return false;
    }

    /** Writes to two streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws IOException {
            a.flush();
            b.flush();
        }
    }
}
