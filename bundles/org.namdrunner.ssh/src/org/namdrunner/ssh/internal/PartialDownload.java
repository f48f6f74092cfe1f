package org.namdrunner.ssh.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.jcraft.jsch.SftpATTRS;

import org.namdrunner.core.cluster.ClusterException;

/**
 * A download's local {@code <name>.part} file and, next to it, {@code <name>.part.from}: which remote file (path,
 * size, modification time) it is the beginning of. The .part is continued only when that record matches the
 * remote file now, so a file changed on the cluster since is fetched again from the start.
 */
final class PartialDownload {

    private final Path part;
    private final Path from;
    private final List<String> identity;

    private PartialDownload(Path part, List<String> identity) {
        this.part = part;
        this.from = part.resolveSibling(part.getFileName() + ".from");
        this.identity = identity;
    }

    static PartialDownload of(Path part, String remote, SftpATTRS attrs) {
        return new PartialDownload(part, List.of(remote, Long.toString(attrs.getSize()), Long.toString(attrs.getMTime())));
    }

    /** How many bytes of the .part file can be kept (0: start over). */
    long resumableOffset() throws ClusterException {
        try {
            if (!Files.isRegularFile(part) || !Files.isRegularFile(from)) {
                return 0;
            }
            List<String> recorded = Files.readAllLines(from, StandardCharsets.UTF_8);
            long have = Files.size(part);
            if (!recorded.equals(identity) || have > Long.parseLong(identity.get(1))) {
                return 0;
            }
            return have;
        } catch (IOException | RuntimeException e) {
            throw ClusterException.permanent("Cannot read the partial download " + part + ": " + e.getMessage());
        }
    }

    void record() throws ClusterException {
        try {
            Files.write(from, identity, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ClusterException.permanent("Cannot write " + from + ": " + e.getMessage());
        }
    }

    /** Removes the .part file and its record. */
    void discard() {
        try {
            Files.deleteIfExists(part);
        } catch (IOException e) {
            // the next attempt overwrites it
        }
        forget();
    }

    /** Removes only the record (the .part file was renamed to its final name). */
    void forget() {
        try {
            Files.deleteIfExists(from);
        } catch (IOException e) {
            // harmless: without its .part file it is never used
        }
    }
}
