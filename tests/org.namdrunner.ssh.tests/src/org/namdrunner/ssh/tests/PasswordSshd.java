package org.namdrunner.ssh.tests;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.namdrunner.testing.TestCluster;

/**
 * A second, private OpenSSH server for the one login the cluster's sshd does not offer: the SSH "password"
 * method (the cluster sshd has PasswordAuthentication no, as Alpine does). Same binary and host key, another
 * port on 127.0.0.1, only the MFA user (whose password is real), password only, no PAM; started and stopped
 * by the test that needs it. The cluster's own sshd is not touched.
 */
final class PasswordSshd implements AutoCloseable {

    final int port;
    final Path knownHosts;
    private final Process process;
    private final Path dir;

    private PasswordSshd(int port, Path knownHosts, Process process, Path dir) {
        this.port = port;
        this.knownHosts = knownHosts;
        this.process = process;
        this.dir = dir;
    }

    static PasswordSshd start(TestCluster cluster) throws Exception {
        Path hostKey = TestCluster.BASE.resolve("ssh/hostkey");
        Path dir = Files.createTempDirectory("namdrunner-pw-sshd");
        int port;
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            port = s.getLocalPort();
        }
        Path config = dir.resolve("sshd_config");
        Files.writeString(config, String.join("\n",
                "ListenAddress 127.0.0.1",
                "Port " + port,
                "HostKey " + hostKey,
                "PidFile none",
                // AllowUsers reads "a@b" as user a from host b; "?" matches the "@" of an Alpine-style name
                "AllowUsers " + cluster.get("duoUser").replace('@', '?'),
                "UsePAM no",
                "PubkeyAuthentication no",
                "KbdInteractiveAuthentication no",
                "PasswordAuthentication yes",
                "AuthenticationMethods password",
                "PrintMotd no",
                "") );
        Path knownHosts = dir.resolve("known_hosts");
        String[] pub = Files.readString(TestCluster.BASE.resolve("ssh/hostkey.pub")).strip().split(" ");
        Files.writeString(knownHosts, "[127.0.0.1]:" + port + " " + pub[0] + " " + pub[1] + "\n");
        Process p = new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        PasswordSshd sshd = new PasswordSshd(port, knownHosts, p, dir);
        try {
            Poll.until("the private sshd listens on port " + port + " (log: " + dir.resolve("sshd.log") + ")", Duration.ofSeconds(15),
                    () -> {
                        if (!p.isAlive()) {
                            throw new AssertionError("the private sshd ended: " + Files.readString(dir.resolve("sshd.log")));
                        }
                        try (Socket s = new Socket()) {
                            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                            return true;
                        } catch (IOException e) {
                            return false;
                        }
                    });
        } catch (Exception | AssertionError e) {
            sshd.close();
            throw e;
        }
        return sshd;
    }

    @Override
    public void close() throws Exception {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        TempFiles.delete(dir);
    }

    Path log() {
        return dir.resolve("sshd.log");
    }
}
