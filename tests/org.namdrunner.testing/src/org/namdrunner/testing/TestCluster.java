package org.namdrunner.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.namdrunner.core.cluster.ClusterProfile;

/**
 * The local SLURM + SSH test cluster started by tests/cluster/start.sh (test.sh does that). A missing
 * cluster is a failure with a clear message, never a skip.
 */
public final class TestCluster {

    /** The properties file; the system property {@code namdrunner.testCluster} names another one. */
    public static final Path FILE = Path.of(System.getProperty("namdrunner.testCluster",
            Path.of(System.getProperty("namdrunner.testClusterBase", "/tmp/namdrunner-test-cluster"), "cluster.properties").toString()));

    /** The cluster's folder (run/, log/, ssh/): {@code namdrunner.testClusterBase}, else the folder of {@link #FILE}. */
    public static final Path BASE = Path.of(System.getProperty("namdrunner.testClusterBase",
            FILE.toAbsolutePath().getParent().toString()));

    private final Properties p = new Properties();

    private TestCluster() throws IOException {
        Path file = FILE;
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("The test cluster is not running: " + file + " is missing. Start it with "
                    + "tests/cluster/start.sh (as root), or run ./test.sh, which starts it (-Dnamdrunner.testCluster=<file> "
                    + "points at another cluster.properties).");
        }
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
    }

    public static TestCluster load() throws IOException {
        return new TestCluster();
    }

    public String get(String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalStateException("cluster.properties has no '" + key + "'");
        }
        return v;
    }

    public List<String> list(String key) {
        return Arrays.asList(get(key).split(","));
    }

    /**
     * A profile for testuser whose job roots are private to one test run, so runs never see each other's
     * jobs.
     */
    public ClusterProfile profile(String id, String runFolder) {
        return new ClusterProfile(id, "Test cluster", get("host"), Integer.parseInt(get("port")), get("user"),
                ClusterProfile.AuthMethod.KEY, get("key"), "", "", List.of(), list("partitions"), list("qos"),
                List.of(get("account")), get("projectsRoot") + "/" + runFolder, get("scratchRoot") + "/" + runFolder,
                Integer.parseInt(get("cpus")), Long.parseLong(get("realMemoryMb")), Duration.ofDays(7), Duration.ofSeconds(5));
    }

    /** The same cluster for the keyboard-interactive user (password, then a TOTP code standing in for Duo). */
    public ClusterProfile mfaProfile(String id, String runFolder) {
        return new ClusterProfile(id, "Test cluster (MFA)", get("host"), Integer.parseInt(get("port")), get("mfaUser"),
                ClusterProfile.AuthMethod.KEYBOARD_INTERACTIVE, "", "", "", List.of(), list("partitions"), list("qos"),
                List.of(get("account")), get("mfaProjectsRoot") + "/" + runFolder, get("mfaScratchRoot") + "/" + runFolder,
                Integer.parseInt(get("cpus")), Long.parseLong(get("realMemoryMb")), Duration.ofDays(7), Duration.ofSeconds(5));
    }

    /** The known_hosts file with the cluster's host key. */
    public Path knownHosts() {
        return Path.of(get("knownHosts"));
    }

    /** The pid of a daemon the cluster script started, e.g. "slurmctld". */
    public long daemonPid(String daemon) throws IOException {
        return Long.parseLong(Files.readString(BASE.resolve("run").resolve(daemon + ".pid")).strip());
    }

    /** Runs tests/cluster/start.sh again (idempotent): restarts whatever daemon is not running. */
    public static void restartMissingDaemons() throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("namdrunner.repoRoot", "../..")).resolve("tests/cluster/start.sh").toAbsolutePath();
        Process pr = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        pr.getOutputStream().close();
        if (pr.waitFor() != 0) {
            throw new IllegalStateException(script + " failed with exit code " + pr.exitValue());
        }
    }
}
