package org.namdrunner.persistence.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Times are stored as UTC ISO-8601 text with all nine fraction digits, {@code 2026-11-29T10:00:00.000000000Z}:
 * exact (an {@link Instant} comes back equal) and of fixed width, so that text order is time order and
 * {@code ORDER BY created_at} is right. ({@link Instant#toString()} drops zero fractions: ":00Z" would sort after ":00.5Z".)
 */
public final class Times {

    private Times() {
    }

    public static String format(Instant t) {
        if (t == null) {
            return null;
        }
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano(), ZoneOffset.UTC);
        if (d.getYear() < 0 || d.getYear() > 9999) {
            return t.toString();
        }
        StringBuilder sb = new StringBuilder(30);
        pad(sb, d.getYear(), 4).append('-');
        pad(sb, d.getMonthValue(), 2).append('-');
        pad(sb, d.getDayOfMonth(), 2).append('T');
        pad(sb, d.getHour(), 2).append(':');
        pad(sb, d.getMinute(), 2).append(':');
        pad(sb, d.getSecond(), 2).append('.');
        return pad(sb, d.getNano(), 9).append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder sb, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s);
    }

    /**
     * Reads what {@link #format} wrote. The shape {@code 2026-11-29T10:00:00[.fraction]Z} is read by hand: a row has
     * up to five times, and {@link Instant#parse} costs about twenty times as much (docs/benchmarks.md).
     */
    public static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        int n = text.length();
        if (n >= 20 && text.charAt(n - 1) == 'Z' && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':') {
            int nanos = 0;
            if (n > 20) {
                if (text.charAt(19) != '.' || n - 21 > 9 || n - 21 < 1) {
                    return Instant.parse(text);
                }
                nanos = digits(text, 20, n - 1);
                for (int i = n - 21; i < 9; i++) {
                    nanos *= 10;
                }
            }
            long seconds = LocalDateTime.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10), digits(text, 11, 13),
                    digits(text, 14, 16), digits(text, 17, 19)).toEpochSecond(ZoneOffset.UTC);
            return Instant.ofEpochSecond(seconds, nanos);
        }
        return Instant.parse(text);
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                throw new DateTimeParseException("not a UTC time", s, i);
            }
            v = v * 10 + d;
        }
        return v;
    }

    /**
     * Reads the times the prototype (schema 1) wrote: ISO instants, times with an offset, and zone-less
     * {@code 2025-10-03 10:00:00} or {@code 2025-10-03T10:00:00}, which it wrote in UTC. Null when not a time.
     */
    public static Instant parseLegacy(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            // try the other shapes
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            // try the other shapes
        }
        try {
            return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
