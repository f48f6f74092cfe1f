package org.namdrunner.persistence.internal;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Text columns of a long read, made into Strings from the driver's bytes. sqlite-jdbc's {@code getString} goes through
 * a direct buffer and two copies: with 100,000 rows of 15 text columns that was over half of the garbage of reading
 * the job list (docs/benchmarks.md, "Scale"). A value that repeats (a job type, a cluster, a SLURM state or reason,
 * an error message) becomes one String, looked up by its bytes, so a repeat costs no String at all.
 *
 * <p>The bytes are the text as stored; the store's files are UTF-8, SQLite's default, which it never changes. Not
 * thread-safe: one per read.
 */
final class TextColumns {

    private final Map<Bytes, String> shared = new HashMap<>();
    private final Bytes probe = new Bytes();

    /** The column's text, or null when it is NULL. */
    String text(ResultSet rs, int column) throws SQLException {
        byte[] b = rs.getBytes(column);
        if (b == null) {
            return rs.wasNull() ? null : "";
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Like {@link #text}, one String for each distinct value. */
    String shared(ResultSet rs, int column) throws SQLException {
        byte[] b = rs.getBytes(column);
        if (b == null) {
            return rs.wasNull() ? null : "";
        }
        probe.set(b);
        String s = shared.get(probe);
        if (s == null) {
            s = new String(b, StandardCharsets.UTF_8);
            Bytes key = new Bytes();
            key.set(b);
            shared.put(key, s);
        }
        return s;
    }

    /** A map key by content. */
    private static final class Bytes {
        private byte[] bytes;
        private int hash;

        void set(byte[] b) {
            bytes = b;
            hash = Arrays.hashCode(b);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes other && Arrays.equals(bytes, other.bytes);
        }
    }
}
