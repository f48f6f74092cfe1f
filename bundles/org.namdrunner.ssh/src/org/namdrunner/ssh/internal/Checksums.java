package org.namdrunner.ssh.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.IProgressMonitor;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ExecResult;
import org.namdrunner.core.cluster.FailureKind;
import org.namdrunner.core.cluster.ShellQuoting;

/** A downloaded file's SHA-256 against {@code sha256sum} of the same file computed on the cluster's transfer host. */
final class Checksums {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    private Checksums() {
    }

    static void verify(SshConnection c, String remote, Path local, long size, IProgressMonitor m) throws ClusterException {
        // the cluster reads at its disks' speed; two minutes plus one per GiB is far more than a healthy node needs
        Duration timeout = Duration.ofMinutes(2 + size / (1L << 30));
        ExecResult r = c.execOnTransferHost(ShellQuoting.command("sha256sum", "--", remote), timeout, m);
        String[] words = r.stdout().strip().split("\\s+", 2);
        if (!r.succeeded() || words.length == 0 || !HEX.matcher(words[0]).matches()) {
            throw ClusterException.permanent("Could not compute the checksum of " + remote + " on " + c.transferDestination()
                    + " (sha256sum said: " + r.stderr().strip() + "); the downloaded copy is kept as " + local + ".");
        }
        String here = sha256(local, m);
        if (!words[0].equals(here)) {
            throw new ClusterException(FailureKind.PERMANENT, "The downloaded copy of " + remote + " differs from the file on the "
                    + "cluster (SHA-256 " + here + " here, " + words[0] + " there); it was removed. Download it again.");
        }
    }

    static String sha256(Path file, IProgressMonitor m) throws ClusterException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 20];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
                if (m.isCanceled()) {
                    throw ClusterException.cancelled();
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw ClusterException.permanent("Cannot read the downloaded file " + file + ": " + e.getMessage());
        }
    }
}
