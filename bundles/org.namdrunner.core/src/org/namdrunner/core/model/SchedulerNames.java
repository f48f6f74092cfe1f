package org.namdrunner.core.model;

import java.util.regex.Pattern;

import static org.namdrunner.core.validation.InputRules.printable;

/** Checks names that end up as sbatch options: partitions, QoS, accounts, constraints. */
public final class SchedulerNames {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    /** SLURM constraint expressions: features joined by &amp; | and brackets, no spaces or shell syntax. */
    private static final Pattern CONSTRAINT = Pattern.compile("[A-Za-z0-9_.&|\\[\\]*-]{1,128}");

    private SchedulerNames() {
    }

    public static String check(String field, String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        if (!NAME.matcher(value).matches()) {
            throw new InvalidInputException(field, "The " + field + " '" + printable(value)
                    + "' may only use letters, digits, '.', '_' and '-' (at most 64, starting with a letter or digit).");
        }
        return value;
    }

    static String checkConstraint(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        if (!CONSTRAINT.matcher(value).matches()) {
            throw new InvalidInputException("constraint", "The constraint '" + printable(value)
                    + "' may only use node feature names joined by '&' or '|'.");
        }
        return value;
    }
}
