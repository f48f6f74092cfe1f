package org.namdrunner.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.namdrunner.core.cluster.ClusterProfile;

/**
 * The Alpine twin started by tests/cluster/start.sh (test.sh does that): real SLURM + Lmod + OpenSSH shaped like
 * CU Boulder's Alpine (tests/cluster/README.md). A missing cluster is a failure with a clear message, never a skip.
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

    /** The built-in profile every twin profile is made from (bundles/org.namdrunner.core/plugin.xml). */
    public static final String BUILT_IN = "alpine";

    /** The zone the twin's daemons and login shells run in (the tests' JVMs run in Asia/Kolkata, see pom.xml). */
    public static final String CLUSTER_TIME_ZONE = "America/Denver";

    /**
     * The built-in "CU Boulder Alpine (2026)" profile as the core contributes it, for the twin's plain user with
     * its key: only the host, port, user, authentication (key), key file and transfer host differ, plus the id
     * under which a test stores it. Job folders are the profile's own ({@code /projects/<user>},
     * {@code /scratch/alpine/<user>}); job ids keep runs apart.
     */
    public ClusterProfile profile(String id) {
        return pointAtTwin(id, get("user"), ClusterProfile.AuthMethod.KEY, get("key"));
    }

    /** The built-in profile for {@code ralphie@colostate.edu} as shipped: keyboard-interactive, password then Duo. */
    public ClusterProfile duoProfile(String id) {
        return pointAtTwin(id, get("duoUser"), ClusterProfile.AuthMethod.KEYBOARD_INTERACTIVE, "");
    }

    /** The built-in profile for the {@code @} user with the test key (the twin accepts it; real Alpine would ask Duo). */
    public ClusterProfile atUserKeyProfile(String id) {
        return pointAtTwin(id, get("atUser"), ClusterProfile.AuthMethod.KEY, get("key"));
    }

    private ClusterProfile pointAtTwin(String id, String user, ClusterProfile.AuthMethod auth, String key) {
        ClusterProfile builtIn = BuiltInProfiles.get(BUILT_IN, user);
        return BuiltInProfiles.with(builtIn, java.util.Map.of("id", id, "host", get("host"), "port", Integer.parseInt(get("port")),
                "authMethod", auth, "keyFile", key, "transferHost", get("transferHost")));
    }

    /** A SLURM client command by its full path: the twin keeps them off root's PATH (module load slurm/alpine). */
    public static String slurmCommand(String name) {
        try {
            return load().get("slurmBin") + "/" + name;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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
