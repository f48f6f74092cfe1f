package org.namdrunner.core.cluster;

import java.util.Objects;

/**
 * Some bytes of a remote file, read at an offset, and how long the file was when they were read.
 *
 * @param offset   where {@code bytes} start in the file
 * @param bytes    what was read (shorter than asked at the end of the file)
 * @param fileSize the file's size at the time of the read
 */
public record RemoteChunk(long offset, byte[] bytes, long fileSize) {

    public RemoteChunk {
        Objects.requireNonNull(bytes, "bytes");
        if (offset < 0 || fileSize < 0) {
            throw new IllegalArgumentException("offset and size must not be negative");
        }
    }

    /** The offset just after the last byte read. */
    public long end() {
        return offset + bytes.length;
    }
}
