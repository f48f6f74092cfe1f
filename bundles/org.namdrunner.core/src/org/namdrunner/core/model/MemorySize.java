package org.namdrunner.core.model;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of memory that always carries its unit. SLURM reads a bare {@code --mem=32} as 32 MB,
 * so a number without a unit is never accepted here.
 *
 * @param amount a positive whole number
 * @param unit   the unit it is counted in
 */
public record MemorySize(long amount, Unit unit) {

    /** Units SLURM understands, by their suffix. */
    public enum Unit {
        MB("M", 1), GB("G", 1024), TB("T", 1024L * 1024);

        private final String suffix;
        private final long megabytes;

        Unit(String suffix, long megabytes) {
            this.suffix = suffix;
            this.megabytes = megabytes;
        }

        /** The letter SLURM expects after the number. */
        public String slurmSuffix() {
            return suffix;
        }
    }

    private static final Pattern TEXT = Pattern.compile("\\s*(\\d{1,9})\\s*([MGT])(?:I?B)?\\s*", Pattern.CASE_INSENSITIVE);

    public MemorySize {
        if (amount <= 0) {
            throw new InvalidInputException("memory", "Memory must be more than zero, not " + amount + ".");
        }
        if (unit == null) {
            throw new InvalidInputException("memory", "Memory needs a unit (MB, GB or TB).");
        }
    }

    public static MemorySize gigabytes(long amount) {
        return new MemorySize(amount, Unit.GB);
    }

    /**
     * Reads "32GB", "32G", "512 MB", "1T". A bare number is refused because SLURM would read it as megabytes.
     */
    public static MemorySize parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("memory", "Memory is empty; write it with a unit, e.g. 16GB.");
        }
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            throw new InvalidInputException("memory",
                    "Memory '" + text.strip() + "' is not understood; write a whole number with a unit, e.g. 512MB or 16GB.");
        }
        Unit unit = switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "M" -> Unit.MB;
            case "G" -> Unit.GB;
            default -> Unit.TB;
        };
        return new MemorySize(Long.parseLong(m.group(1)), unit);
    }

    /** The size in megabytes, for comparisons against limits. */
    public long toMegabytes() {
        return amount * unit.megabytes;
    }

    /** The value for {@code --mem}, e.g. {@code 16G}: always with a unit. */
    public String toSlurm() {
        return amount + unit.slurmSuffix();
    }

    @Override
    public String toString() {
        return amount + unit.name();
    }
}
