package org.namdrunner.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads the log of the twin's login-node watchdog (tests/cluster/login-watchdog, standing in for Alpine's
 * Arbiter2): one line per process under the login sshd that used more than a few CPU seconds or moved more
 * than a few MB. A test takes a {@link #mark()} before the work it checks and reads {@link #since(long)}
 * after.
 */
public final class LoginWatchdog {

    /** One recorded process. */
    public record Violation(Instant at, long pid, String user, String command, double cpuSeconds, double readMb,
            double writtenMb, String reason, String commandLine) {
        @Override
        public String toString() {
            return at + " pid " + pid + " " + user + " " + command + " (" + reason + ", cpu " + cpuSeconds + " s, read " + readMb
                    + " MB, written " + writtenMb + " MB): " + commandLine;
        }
    }

    private final Path log;
    private final Duration scanInterval = Duration.ofMillis(50);

    public LoginWatchdog(TestCluster cluster) {
        this.log = Path.of(cluster.get("watchdogLog"));
        if (!Files.isRegularFile(log)) {
            throw new IllegalStateException("the watchdog log " + log + " is missing: is tests/cluster/start.sh's login-watchdog running?");
        }
    }

    /** The current end of the log; violations recorded later are {@link #since(long) since} this mark. */
    public long mark() throws IOException {
        return Files.size(log);
    }

    /** Every violation recorded after {@code mark}, after waiting a few scan intervals so a last process is seen. */
    public List<Violation> since(long mark) throws IOException, InterruptedException {
        Thread.sleep(scanInterval.multipliedBy(4).toMillis());
        List<Violation> out = new ArrayList<>();
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            if (f.length() < mark) {
                throw new IllegalStateException(log + " shrank below the mark: the watchdog was restarted with a new log");
            }
            f.seek(mark);
            byte[] rest = new byte[(int) (f.length() - mark)];
            f.readFully(rest);
            for (String line : new String(rest, StandardCharsets.UTF_8).split("\n")) {
                String[] c = line.split("\t", 10);
                if (c.length == 10) {
                    out.add(new Violation(Instant.ofEpochMilli(Long.parseLong(c[0])), Long.parseLong(c[2]), c[3], c[4],
                            Double.parseDouble(c[5]), Double.parseDouble(c[6]), Double.parseDouble(c[7]), c[8], c[9]));
                }
            }
        }
        return out;
    }

    /** Waits until a violation after {@code mark} matches, or the timeout passes; returns what was recorded. */
    public List<Violation> await(long mark, Predicate<Violation> match, Duration timeout) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Violation> seen = since(mark);
            if (seen.stream().anyMatch(match) || System.nanoTime() > end) {
                return seen;
            }
        }
    }
}
