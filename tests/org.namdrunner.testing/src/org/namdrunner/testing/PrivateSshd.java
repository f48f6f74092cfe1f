package org.namdrunner.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.namdrunner.core.cluster.ClusterProfile;

/**
 * An OpenSSH server of the test's own on another loopback port, so that a test may kill it without disturbing
 * the cluster's shared sshd on port 2222 that other tests use. Same binary (started as
 * {@code bin/namdrunner-sshd}, so the cluster's PAM stack applies), same host key and the same sshd_config as
 * the cluster's, with only the port and pid file changed; or ({@link #passwordLogins}) a server that offers the
 * SSH "password" method, which the cluster's sshd does not.
 */
public final class PrivateSshd implements AutoCloseable {

    private final Path dir;
    private final Path config;
    private final int port;
    private final Path knownHosts;
    private Process process;

    private PrivateSshd(Path dir, Path config, int port, Path knownHosts) {
        this.dir = dir;
        this.config = config;
        this.port = port;
        this.knownHosts = knownHosts;
    }

    /** The cluster's sshd_config on a free loopback port; started. */
    public static PrivateSshd likeTheCluster() throws IOException, InterruptedException {
        int port = freePort();
        List<String> lines = new ArrayList<>();
        boolean listening = false;
        for (String line : Files.readAllLines(TestCluster.BASE.resolve("ssh/sshd_config"))) {
            String t = line.strip();
            if (t.startsWith("ListenAddress ")) {
                // the twin's login sshd listens on loopback and on the latency path's veth; this one on loopback only
                if (!listening) {
                    lines.add("ListenAddress 127.0.0.1:" + port);
                    listening = true;
                }
            } else if (t.startsWith("Port ")) {
                lines.add("Port " + port);
            } else if (t.startsWith("PidFile ")) {
                lines.add("PidFile none");
            } else {
                lines.add(line);
            }
        }
        return start(port, lines);
    }

    /** Only {@code user}, only the "password" method (checked against the system password, no PAM); started. */
    public static PrivateSshd passwordLogins(String user) throws IOException, InterruptedException {
        int port = freePort();
        return start(port, List.of("ListenAddress 127.0.0.1", "Port " + port, "HostKey " + TestCluster.BASE.resolve("ssh/hostkey"),
                "PidFile none", "AllowUsers " + user.replace('@', '?'), "UsePAM no", "PubkeyAuthentication no", "KbdInteractiveAuthentication no",
                "PasswordAuthentication yes", "AuthenticationMethods password", "PrintMotd no",
                "Subsystem sftp /usr/lib/openssh/sftp-server"));
    }

    private static PrivateSshd start(int port, List<String> configLines) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("namdrunner-private-sshd");
        Path config = Files.write(dir.resolve("sshd_config"), configLines);
        String[] pub = Files.readString(TestCluster.BASE.resolve("ssh/hostkey.pub")).strip().split(" ");
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), "[127.0.0.1]:" + port + " " + pub[0] + " " + pub[1] + "\n");
        PrivateSshd sshd = new PrivateSshd(dir, config, port, knownHosts);
        sshd.start();
        return sshd;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        }
    }

    /** Starts the server (again) on its port and waits until it accepts connections. */
    public synchronized void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        Path binary = TestCluster.BASE.resolve("bin/namdrunner-sshd");
        String program = Files.exists(binary) ? binary.toString() : "/usr/sbin/sshd";
        process = new ProcessBuilder(program, "-D", "-e", "-f", config.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
        process.getOutputStream().close();
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the private sshd ended at once: " + Files.readString(log()));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > end) {
                    throw new IllegalStateException("the private sshd does not listen on port " + port + ": " + Files.readString(log()));
                }
                Thread.sleep(100);
            }
        }
    }

    /**
     * SIGKILL to the listener and to every session process it forked: open connections drop at once and new
     * ones are refused, as when the login node's sshd dies.
     */
    public synchronized void killHard() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("sshd process " + h.pid() + " did not end after SIGKILL", e);
            }
        }
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public int port() {
        return port;
    }

    /** A known_hosts file with the host key under {@code [127.0.0.1]:port}. */
    public Path knownHosts() {
        return knownHosts;
    }

    public Path log() {
        return dir.resolve("sshd.log");
    }

    /** The same profile, logging in through this server. */
    public ClusterProfile profile(ClusterProfile p) {
        // this server is the login host and the transfer host at once (a profile has one port for both)
        return BuiltInProfiles.with(p, java.util.Map.of("host", "127.0.0.1", "port", port, "transferHost", ""));
    }

    @Override
    public void close() {
        killHard();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
