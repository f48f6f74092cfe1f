package org.namdrunner.ssh.internal;

import java.util.Locale;

/** The words of a transfer's progress line: "big.dcd: 412 MB of 1.0 GB, 38 MB/s, about 16 s left". */
final class TransferRate {

    private TransferRate() {
    }

    static String describe(String name, long done, long total, double bytesPerSecond) {
        StringBuilder b = new StringBuilder(name).append(": ").append(size(done)).append(" of ").append(size(total));
        if (bytesPerSecond > 0) {
            b.append(", ").append(size((long) bytesPerSecond)).append("/s");
            long left = Math.max(0, total - done);
            b.append(", about ").append(duration(Math.round(left / bytesPerSecond))).append(" left");
        }
        return b.toString();
    }

    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return (bytes / 1024) + " KB";
        }
        if (bytes < 1024L * 1024 * 1024) {
            return (bytes / (1024 * 1024)) + " MB";
        }
        return String.format(Locale.ROOT, "%.1f GB", bytes / (1024.0 * 1024 * 1024));
    }

    static String duration(long seconds) {
        if (seconds < 90) {
            return seconds + " s";
        }
        if (seconds < 90 * 60) {
            return (seconds + 30) / 60 + " min";
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, (seconds % 3600) / 60);
    }
}
