package org.namdrunner.core.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * What a finished job's usage means for the next one, in words: "asked 64 cores, used 12% — ask for 8 next time",
 * "used 1.2 GB of 240 GB", "used 1 h 10 m of 24 h — ask for 2 h". The suggestions keep headroom (a quarter more
 * cores than were busy, half again the memory and the run time) and never ask for more than the job had, except
 * where it ran out (a job that hit its walltime or its memory needs more, not less).
 */
public final class UsageAdvice {

    /** Below this share a request is worth shrinking. */
    static final double WASTEFUL = 0.5;
    /** Above this share a job was at its limit. */
    static final double AT_LIMIT = 0.95;

    private UsageAdvice() {
    }

    /** One line each for cores, memory, walltime and (when allocated) GPUs; the lines with nothing known are left out. */
    public static List<String> lines(JobUsage u) {
        List<String> out = new ArrayList<>();
        cores(u).ifPresent(out::add);
        memory(u).ifPresent(out::add);
        walltime(u).ifPresent(out::add);
        if (u.gpus() > 0) {
            out.add("GPUs: " + u.gpus() + " allocated (SLURM does not report how busy they were)");
        }
        return out;
    }

    public static java.util.Optional<String> cores(JobUsage u) {
        OptionalDouble eff = u.cpuEfficiency();
        if (eff.isEmpty()) {
            return java.util.Optional.empty();
        }
        int cores = u.allocatedCpus();
        String head = "CPU: asked " + cores + (cores == 1 ? " core" : " cores") + ", used " + percent(eff.getAsDouble());
        int suggested = suggestedCores(cores, eff.getAsDouble());
        if (suggested < cores) {
            return java.util.Optional.of(head + " — ask for " + suggested + " next time");
        }
        return java.util.Optional.of(head + (eff.getAsDouble() >= WASTEFUL ? " — well used" : ""));
    }

    /** Enough cores for the measured load plus a quarter, rounded up to a power of two, at most {@code cores}. */
    public static int suggestedCores(int cores, double efficiency) {
        if (efficiency >= WASTEFUL || cores <= 1) {
            return cores;
        }
        double busy = Math.max(1, cores * efficiency * 1.25);
        int p = 1;
        while (p < busy) {
            p *= 2;
        }
        return Math.min(cores, p);
    }

    public static java.util.Optional<String> memory(JobUsage u) {
        if (u.maxRssBytes() == null) {
            return java.util.Optional.empty();
        }
        if (u.requestedMemoryBytes() == null) {
            return java.util.Optional.of("memory: used " + bytes(u.maxRssBytes()) + " at most");
        }
        String head = "memory: used " + bytes(u.maxRssBytes()) + " of " + bytes(u.requestedMemoryBytes());
        double share = u.memoryEfficiency().orElse(0);
        if (share >= AT_LIMIT) {
            return java.util.Optional.of(head + " — at the limit; ask for more if it was killed");
        }
        if (share < WASTEFUL) {
            long gb = Math.max(1, (long) Math.ceil(u.maxRssBytes() * 1.5 / GB));
            if (gb * GB < u.requestedMemoryBytes()) {
                return java.util.Optional.of(head + " — " + gb + " GB would do");
            }
        }
        return java.util.Optional.of(head);
    }

    public static java.util.Optional<String> walltime(JobUsage u) {
        if (u.timeLimit() == null) {
            return java.util.Optional.of("walltime: ran " + duration(u.elapsed()) + " (no limit)");
        }
        String head = "walltime: used " + duration(u.elapsed()) + " of " + duration(u.timeLimit());
        double share = u.walltimeFraction().orElse(0);
        if (share >= AT_LIMIT) {
            return java.util.Optional.of(head + " — it reached the limit; ask for more or continue from the restart files");
        }
        if (share < WASTEFUL) {
            Duration suggested = suggestedWalltime(u.elapsed());
            if (suggested.compareTo(u.timeLimit()) < 0) {
                return java.util.Optional.of(head + " — ask for " + duration(suggested));
            }
        }
        return java.util.Optional.of(head);
    }

    /** Half again the run time, rounded up to whole hours (to 15 minutes under an hour). */
    public static Duration suggestedWalltime(Duration elapsed) {
        long seconds = (long) Math.ceil(elapsed.toSeconds() * 1.5);
        long step = seconds < 3600 ? 900 : 3600;
        return Duration.ofSeconds(Math.max(step, (seconds + step - 1) / step * step));
    }

    private static final double GB = 1024.0 * 1024 * 1024;

    /** Bytes in the binary units SLURM uses, written as GB/MB/KB with one decimal under 10. */
    public static String bytes(long b) {
        String[] units = { "KB", "MB", "GB", "TB" };
        double v = b / 1024.0;
        int i = 0;
        while (v >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        if (b < 1024) {
            return b + " B";
        }
        return (v < 10 ? String.format(Locale.ROOT, "%.1f", v) : String.valueOf(Math.round(v))) + " " + units[i];
    }

    /** {@code 1 h 10 m}, {@code 24 h}, {@code 47 h 59 m}, {@code 2 d 3 h}, {@code 45 s}. */
    public static String duration(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        long days = s < 172_800 ? 0 : s / 86_400;   // under two days in hours: "24 h", as QoS limits are written
        long hours = (s - days * 86_400) / 3600;
        long minutes = s % 3600 / 60;
        StringBuilder b = new StringBuilder();
        if (days > 0) {
            b.append(days).append(" d");
        }
        if (hours > 0) {
            b.append(b.isEmpty() ? "" : " ").append(hours).append(" h");
        }
        if (minutes > 0 && days == 0) {
            b.append(b.isEmpty() ? "" : " ").append(minutes).append(" m");
        }
        return b.isEmpty() ? days + " d" : b.toString();
    }

    public static String percent(double share) {
        double p = share * 100;
        return (p < 10 ? String.format(Locale.ROOT, "%.1f", p) : String.valueOf(Math.round(p))) + "%";
    }

    /** SUs with one decimal, two below 10 (a short test job costs a hundredth): {@code 389.8 SU}, {@code 0.17 SU}. */
    public static String serviceUnits(double su) {
        return String.format(Locale.ROOT, su < 10 ? "%.2f SU" : "%.1f SU", su);
    }
}
