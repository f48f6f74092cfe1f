package org.namdrunner.ui.internal.editor;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.namdrunner.core.cluster.RemoteChunk;

/**
 * The part of a remote text file the viewer holds: the bytes from {@link #start()} to {@link #end()}, read in chunks
 * from the end backwards ("Load earlier") and forwards as the file grows (follow-tail). A chunk that begins inside the
 * file starts showing at its first whole line, and bytes that end inside a UTF-8 character wait for the next read, so
 * the text never shows half a line at the top or a broken character. No SWT: the viewer asks it what to read and
 * gives it what came back.
 */
final class TextWindow {

    /** How much one read fetches. */
    static final int CHUNK = 256 * 1024;
    /** The most the viewer holds; for more, the person downloads the file. */
    static final long MAX_HELD = 32L * 1024 * 1024;

    private long start;
    private long end;
    private long fileSize;
    private boolean open;

    long start() {
        return start;
    }

    long end() {
        return end;
    }

    long fileSize() {
        return fileSize;
    }

    boolean isOpen() {
        return open;
    }

    /** Where the first read of a file this big starts: its last {@link #CHUNK} bytes. */
    static long tailOffset(long size) {
        return Math.max(0, size - CHUNK);
    }

    /** The text of the first read (from {@link #tailOffset}); the window is then that chunk. */
    String open(RemoteChunk c) {
        byte[] b = c.bytes();
        int from = c.offset() > 0 ? afterFirstNewline(b) : 0;
        int to = completeUtf8(b, from, b.length);
        start = c.offset() + from;
        end = c.offset() + to;
        fileSize = c.fileSize();
        open = true;
        return decode(b, from, to);
    }

    boolean hasEarlier() {
        return open && start > 0;
    }

    /** Whether Load earlier may read more (the file has more before the window and the window is not full). */
    boolean canLoadEarlier() {
        return hasEarlier() && end - start < MAX_HELD;
    }

    long earlierOffset() {
        return Math.max(0, start - CHUNK);
    }

    int earlierLength() {
        return (int) (start - earlierOffset());
    }

    /** The text to put before what is shown, from a read at {@link #earlierOffset} of {@link #earlierLength} bytes. */
    String prepend(RemoteChunk c) {
        byte[] b = Arrays.copyOf(c.bytes(), (int) Math.min(c.bytes().length, start - c.offset()));
        int from = c.offset() > 0 ? afterFirstNewline(b) : 0;
        start = c.offset() + from;
        fileSize = Math.max(fileSize, c.fileSize());
        return decode(b, from, b.length);
    }

    /**
     * The text to add after what is shown, from a read at {@link #end}; null when the file is now shorter than the
     * window's end (it was truncated or written anew), so the viewer opens it again from its end.
     */
    String append(RemoteChunk c) {
        if (c.fileSize() < end) {
            return null;
        }
        byte[] b = c.bytes();
        int to = completeUtf8(b, 0, b.length);
        end += to;
        fileSize = c.fileSize();
        return decode(b, 0, to);
    }

    /** Whether the file had more than the window holds at the last read (the window does not reach its end). */
    boolean behindEnd() {
        return open && fileSize > end;
    }

    private static String decode(byte[] b, int from, int to) {
        return new String(b, from, Math.max(0, to - from), StandardCharsets.UTF_8);
    }

    /** The index after the first newline; when there is none (one very long line), after any leading continuation bytes. */
    private static int afterFirstNewline(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n') {
                return i + 1;
            }
        }
        int i = 0;
        while (i < b.length && (b[i] & 0xC0) == 0x80) {
            i++;
        }
        return i;
    }

    /** {@code to}, or less so that the bytes do not end inside a UTF-8 sequence. */
    static int completeUtf8(byte[] b, int from, int to) {
        for (int back = 1; back <= 3 && to - back >= from; back++) {
            int v = b[to - back] & 0xFF;
            if ((v & 0xC0) == 0x80) {
                continue; // a continuation byte: look further back for its lead byte
            }
            int need = v >= 0xF0 ? 4 : v >= 0xE0 ? 3 : v >= 0xC0 ? 2 : 1;
            return need > back ? to - back : to;
        }
        return to;
    }
}
