package org.namdrunner.slurm.internal;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The efficiency fields of sacct as SLURM prints them: {@code TotalCPU} ({@code 00:04.512}, {@code 12:03:04},
 * {@code 1-02:03:04}, with or without milliseconds), {@code MaxRSS} ({@code 22116K}, {@code 1.50G}, bytes without a
 * suffix, empty for a step that ran too short to be sampled), {@code ReqMem} ({@code 400M} on SLURM 21.08 and later: the
 * job's whole request; {@code 4Gn} per node and {@code 3840Mc} per core before), and the GPU count in
 * {@code AllocTRES} ({@code billing=2,cpu=2,gres/gpu=2,mem=1G,node=1}, also {@code gres/gpu:a100=1}). Sizes use
 * SLURM's binary units (K = 1024 bytes). Empty text reads as null; text of another shape throws.
 */
public final class UsageValues {

    private static final Pattern CPU_TIME = Pattern.compile("(?:(\\d{1,6})-)?(?:(\\d{1,2}):)?(\\d{1,2}):(\\d{1,2})(?:\\.(\\d{1,6}))?");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,15}(?:\\.\\d{1,6})?)([KMGTP]?)([nc]?)");
    private static final Pattern GPU = Pattern.compile("(?:^|,)gres/gpu(?::[^=,]*)?=(\\d{1,6})");

    private UsageValues() {
    }

    /** CPU time; {@code MM:SS.mmm} below an hour, {@code HH:MM:SS} above, {@code D-HH:MM:SS} above a day. */
    public static Duration cpuTime(String text) throws UnreadableValueException {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return null;
        }
        Matcher m = CPU_TIME.matcher(t);
        if (!m.matches()) {
            throw new UnreadableValueException("'" + SlurmValues.shortened(t) + "' is not a CPU time like 00:04.512, 12:03:04 or 1-02:03:04");
        }
        long days = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        long hours = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
        if (m.group(1) != null && m.group(2) == null) {
            throw new UnreadableValueException("'" + SlurmValues.shortened(t) + "' has days but no hours");
        }
        long millis = 0;
        if (m.group(5) != null) {
            String f = (m.group(5) + "00").substring(0, 3);
            millis = Long.parseLong(f);
        }
        return Duration.ofDays(days).plusHours(hours).plusMinutes(Long.parseLong(m.group(3)))
                .plusSeconds(Long.parseLong(m.group(4))).plusMillis(millis);
    }

    /** A size in bytes ({@code MaxRSS}); a {@code n}/{@code c} suffix is refused here (that is ReqMem's). */
    public static Long bytes(String text) throws UnreadableValueException {
        Sized s = sized(text);
        if (s == null) {
            return null;
        }
        if (!s.per.isEmpty()) {
            throw new UnreadableValueException("'" + SlurmValues.shortened(text.strip()) + "' is not a size like 22116K or 1.5G");
        }
        return s.bytes;
    }

    /**
     * The memory a job asked for, in bytes for the whole job: {@code 400M} as printed (SLURM 21.08+), {@code 4Gn} times
     * the nodes, {@code 3840Mc} times the cores. A size without a unit is megabytes, as in sbatch's {@code --mem}.
     */
    public static Long requestedMemory(String text, int cpus, int nodes) throws UnreadableValueException {
        Sized s = sized(text);
        if (s == null) {
            return null;
        }
        long bytes = s.unitless ? s.bytes * 1024 * 1024 : s.bytes;
        return switch (s.per) {
            case "n" -> bytes * Math.max(1, nodes);
            case "c" -> bytes * Math.max(1, cpus);
            default -> bytes;
        };
    }

    /** The GPUs in a TRES list; 0 when it names none. */
    public static int gpus(String tres) {
        if (tres == null || tres.isBlank()) {
            return 0;
        }
        Matcher m = GPU.matcher(tres.strip());
        int total = 0;
        boolean typed = false;
        while (m.find()) {
            // "gres/gpu=2,gres/gpu:a100=2" names the same GPUs twice: the untyped total wins
            boolean isTyped = m.group(0).contains(":");
            int n = Integer.parseInt(m.group(1));
            if (!isTyped) {
                return n;
            }
            typed = true;
            total += n;
        }
        return typed ? total : 0;
    }

    private record Sized(long bytes, String per, boolean unitless) {
    }

    private static Sized sized(String text) throws UnreadableValueException {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.endsWith("?")) {
            // "16?": SLURM's "no value" (NO_VAL64) printed past its largest unit; seen as ReqMem of a job sacct has just
            // recorded, before its requested TRES are there
            return null;
        }
        Matcher m = SIZE.matcher(t);
        if (!m.matches()) {
            throw new UnreadableValueException("'" + SlurmValues.shortened(t) + "' is not a size like 22116K, 1.5G or 4Gn");
        }
        int power = m.group(2).isEmpty() ? 0 : "KMGTP".indexOf(m.group(2)) + 1;   // no suffix: bytes
        double value = Double.parseDouble(m.group(1)) * Math.pow(1024, power);
        return new Sized(Math.round(value), m.group(3), m.group(2).isEmpty());
    }
}
