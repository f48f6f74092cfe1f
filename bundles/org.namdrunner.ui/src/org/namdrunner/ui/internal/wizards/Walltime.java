package org.namdrunner.ui.internal.wizards;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.namdrunner.core.model.InvalidInputException;

/** Walltime as people type it: {@code 04:00}, {@code 1-12:00}, {@code 36:00:00}, {@code 90m}, {@code 4h}, {@code 2d}. */
public final class Walltime {

    private static final Pattern CLOCK = Pattern.compile("(?:(\\d{1,3})-)?(\\d{1,4}):(\\d{2})(?::(\\d{2}))?");
    private static final Pattern UNIT = Pattern.compile("(\\d{1,6})\\s*(m|min|h|d)", Pattern.CASE_INSENSITIVE);

    private Walltime() {
    }

    public static Duration parse(String text) {
        String t = text == null ? "" : text.strip();
        Matcher m = CLOCK.matcher(t);
        if (m.matches()) {
            long days = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
            long minutes = Long.parseLong(m.group(3));
            long seconds = m.group(4) == null ? 0 : Long.parseLong(m.group(4));
            if (minutes > 59 || seconds > 59) {
                throw invalid(t);
            }
            return Duration.ofDays(days).plusHours(Long.parseLong(m.group(2))).plusMinutes(minutes).plusSeconds(seconds);
        }
        m = UNIT.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2).toLowerCase().charAt(0)) {
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        throw invalid(t);
    }

    private static InvalidInputException invalid(String t) {
        return new InvalidInputException("walltime", "Walltime '" + t + "' is not understood; write hours and minutes "
                + "(04:00), days too (1-12:00), or a number with a unit (90m, 4h, 2d).");
    }

    /**
     * What a walltime made by {@code JobType.walltimeWithMargin} holds, in words: "04:00 gives a fifth more and ten minutes
     * for start-up, rounded up to a quarter hour" (for a short run the ten minutes and the rounding are most of it).
     */
    public static String withMargin(Duration ask) {
        return format(ask) + " gives a fifth more and ten minutes for start-up, rounded up to a quarter hour";
    }

    /** "04:00", "1-12:00", the way {@link #parse} reads it back. */
    public static String format(Duration d) {
        long minutes = d.toMinutes();
        long days = minutes / (24 * 60);
        long h = (minutes / 60) % 24;
        long m = minutes % 60;
        return (days > 0 ? days + "-" : "") + String.format("%02d:%02d", h, m);
    }
}
