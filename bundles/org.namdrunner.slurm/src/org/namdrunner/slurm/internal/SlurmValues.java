package org.namdrunner.slurm.internal;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the values squeue and sacct print: local times without a zone, durations in SLURM's
 * {@code [D-]HH:MM:SS} family, counts that squeue may abbreviate ({@code 2K}). Words SLURM uses for
 * "no value" ({@code Unknown}, {@code None}, {@code INVALID}, {@code UNLIMITED}, ...) read as {@code null};
 * anything else that does not fit is an {@link UnreadableValueException}.
 */
public final class SlurmValues {

    private static final int MAX_QUOTED = 200;
    private static final Set<String> NO_VALUE = Set.of("", "Unknown", "None", "INVALID", "UNLIMITED", "NOT_SET",
            "N/A", "(null)");
    private static final Pattern EPOCH = Pattern.compile("\\d{1,12}");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
    /** {@code D-HH[:MM[:SS]]} or {@code [[HH:]MM:]SS}-style groups; lengths bounded so nothing overflows. */
    private static final Pattern WITH_DAYS = Pattern.compile("(\\d{1,6})-(\\d{1,2})(?::(\\d{1,2}))?(?::(\\d{1,2}))?");
    private static final Pattern WITHOUT_DAYS = Pattern.compile("(\\d{1,6})(?::(\\d{1,2}))?(?::(\\d{1,2}))?(?:\\.\\d{1,6})?");
    private static final Pattern COUNT = Pattern.compile("(\\d{1,9})(?:\\.(\\d{1,3}))?([KMG])?");
    private static final Pattern EXIT_CODE = Pattern.compile("\\d{1,3}:\\d{1,3}");

    /**
     * Durations already read, by text: a queue's pending jobs all print the same elapsed time and time limit.
     * Only texts that were read are kept; forgotten all at once when full.
     */
    private static final Map<String, Duration> DURATIONS = new ConcurrentHashMap<>();
    private static final int MAX_DURATIONS = 4096;

    private SlurmValues() {
    }

    /**
     * Epoch seconds ({@code 1795946462}, what {@code SLURM_TIME_FORMAT=%s} prints: no zone to guess), or
     * {@code 2026-11-29T10:01:02} read in the cluster's zone (older captures, a cluster that ignores the variable);
     * null for Unknown/None.
     */
    public static Instant instant(String text, ZoneId zone) throws UnreadableValueException {
        String t = text.strip();
        if (NO_VALUE.contains(t)) {
            return null;
        }
        if (EPOCH.matcher(t).matches()) {
            long seconds = Long.parseLong(t);
            // 0 is what SLURM prints for "never" in some fields
            return seconds == 0 ? null : Instant.ofEpochSecond(seconds);
        }
        if (!TIMESTAMP.matcher(t).matches()) {
            throw new UnreadableValueException("'" + shortened(t) + "' is not a time like 1795946462 or 2026-11-29T10:01:02");
        }
        try {
            return LocalDateTime.parse(t).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw new UnreadableValueException("'" + t + "' is not a valid date and time");
        }
    }

    /**
     * Elapsed or remaining time: {@code 1-02:03:04}, {@code 2-00}, {@code 12:34:56}, {@code 5:00} (minutes and
     * seconds), {@code 0:00}; null for INVALID, UNLIMITED and the other no-value words.
     */
    public static Duration duration(String text) throws UnreadableValueException {
        String t = text.strip();
        if (NO_VALUE.contains(t)) {
            return null;
        }
        Duration known = DURATIONS.get(t);
        if (known != null) {
            return known;
        }
        Duration read = readDuration(t);
        if (DURATIONS.size() >= MAX_DURATIONS) {
            DURATIONS.clear();
        }
        DURATIONS.put(t, read);
        return read;
    }

    private static Duration readDuration(String t) throws UnreadableValueException {
        Matcher d = WITH_DAYS.matcher(t);
        if (d.matches()) {
            return Duration.ofDays(Long.parseLong(d.group(1)))
                    .plusHours(Long.parseLong(d.group(2)))
                    .plusMinutes(number(d.group(3)))
                    .plusSeconds(number(d.group(4)));
        }
        Matcher m = WITHOUT_DAYS.matcher(t);
        if (m.matches()) {
            long a = Long.parseLong(m.group(1));
            if (m.group(2) == null) {
                return Duration.ofMinutes(a);
            }
            long b = Long.parseLong(m.group(2));
            if (m.group(3) == null) {
                return Duration.ofMinutes(a).plusSeconds(b);
            }
            return Duration.ofHours(a).plusMinutes(b).plusSeconds(Long.parseLong(m.group(3)));
        }
        throw new UnreadableValueException("'" + shortened(t) + "' is not a duration like 1-02:03:04 or 5:00");
    }

    /** A node or CPU count: {@code 64}, or squeue's abbreviations {@code 2K}, {@code 1.5K}; null when empty. */
    public static Integer count(String text) throws UnreadableValueException {
        String t = text.strip();
        if (NO_VALUE.contains(t)) {
            return null;
        }
        if (t.length() <= 9 && t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Integer.parseInt(t);   // plain digits, the usual case: what the pattern below gives for them
        }
        Matcher m = COUNT.matcher(t);
        if (!m.matches()) {
            throw new UnreadableValueException("'" + shortened(t) + "' is not a count");
        }
        double value = Double.parseDouble(m.group(1) + (m.group(2) == null ? "" : "." + m.group(2)));
        if (m.group(3) != null) {
            value *= Math.pow(1024, "KMG".indexOf(m.group(3)) + 1);
        }
        if (value > Integer.MAX_VALUE) {
            throw new UnreadableValueException("'" + t + "' is too large for a count");
        }
        return (int) Math.round(value);
    }

    /** {@code status:signal}; null when empty. */
    public static String exitCode(String text) throws UnreadableValueException {
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        if (!EXIT_CODE.matcher(t).matches()) {
            throw new UnreadableValueException("'" + shortened(t) + "' is not an exit code like 0:0");
        }
        return t;
    }

    /** Free text (reason, node list, folder); null for the no-value words. */
    public static String text(String text) {
        String t = text.strip();
        return NO_VALUE.contains(t) ? null : t;
    }

    /** A value for a message: control characters escaped, cut after 200 characters. */
    public static String shortened(String value) {
        StringBuilder sb = new StringBuilder();
        int[] cps = value.codePoints().limit(MAX_QUOTED + 1L).toArray();
        for (int i = 0; i < Math.min(cps.length, MAX_QUOTED); i++) {
            if (Character.isISOControl(cps[i])) {
                sb.append(String.format("\\u%04x", cps[i]));
            } else {
                sb.appendCodePoint(cps[i]);
            }
        }
        return cps.length > MAX_QUOTED ? sb.append('…').toString() : sb.toString();
    }

    private static long number(String group) {
        return group == null ? 0 : Long.parseLong(group);
    }
}
