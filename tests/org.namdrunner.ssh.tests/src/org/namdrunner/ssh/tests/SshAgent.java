package org.namdrunner.ssh.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A real ssh-agent of this test only, holding one key; its socket is handed to the transport explicitly. */
final class SshAgent implements AutoCloseable {

    final Path socket;
    private final Process agent;
    private final Path dir;

    private SshAgent(Path socket, Process agent, Path dir) {
        this.socket = socket;
        this.agent = agent;
        this.dir = dir;
    }

    /** Starts an agent and adds {@code key}, unlocking it with {@code passphrase} through an askpass script. */
    static SshAgent withKey(Path key, String passphrase) throws Exception {
        Path dir = Files.createTempDirectory("namdrunner-agent");
        Path socket = dir.resolve("agent.sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("agent.log").toFile()).start();
        SshAgent a = new SshAgent(socket, agent, dir);
        try {
            Poll.until("ssh-agent socket " + socket, Duration.ofSeconds(10), () -> Files.exists(socket));
            Path askpass = dir.resolve("askpass.sh");
            Files.writeString(askpass, "#!/bin/sh\nprintf '%s\\n' \"$NR_KEY_PASSPHRASE\"\n");
            Files.setPosixFilePermissions(askpass, PosixFilePermissions.fromString("rwx------"));
            ProcessBuilder add = new ProcessBuilder("ssh-add", key.toString()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            add.environment().put("SSH_AUTH_SOCK", socket.toString());
            add.environment().put("SSH_ASKPASS", askpass.toString());
            add.environment().put("SSH_ASKPASS_REQUIRE", "force");
            add.environment().put("DISPLAY", ":0");
            add.environment().put("NR_KEY_PASSPHRASE", passphrase);
            Process p = add.start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("ssh-add failed: " + out);
            }
        } catch (Exception | AssertionError e) {
            a.close();
            throw e;
        }
        return a;
    }

    @Override
    public void close() throws Exception {
        agent.destroy();
        if (!agent.waitFor(10, TimeUnit.SECONDS)) {
            agent.destroyForcibly();
        }
        TempFiles.delete(dir);
    }
}
