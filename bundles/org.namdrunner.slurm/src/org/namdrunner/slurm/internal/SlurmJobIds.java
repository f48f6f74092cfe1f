package org.namdrunner.slurm.internal;

import java.util.regex.Pattern;

/** SLURM job ids as squeue and sacct print them and as NAMDRunner stores them: {@code 123} or {@code 123_4}. */
public final class SlurmJobIds {

    private static final Pattern STEP_ID = Pattern.compile("\\d{1,12}(?:_\\d{1,9})?\\.\\S{1,64}");

    private SlurmJobIds() {
    }

    /** {@code \d{1,12}(?:_\d{1,9})?} with ASCII digits, checked by hand: a sync of 1,000 jobs asks 3,000 times (SlurmJobIdsTest). */
    public static boolean isJobId(String text) {
        if (text == null) {
            return false;
        }
        int n = text.length();
        int digits = digitsFrom(text, 0);
        if (digits < 1 || digits > 12) {
            return false;
        }
        if (digits == n) {
            return true;
        }
        if (text.charAt(digits) != '_') {
            return false;
        }
        int index = digitsFrom(text, digits + 1);
        return index >= 1 && index <= 9 && digits + 1 + index == n;
    }

    private static int digitsFrom(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }

    /** A step of a job, as sacct prints it without {@code -X}: {@code 123.batch}, {@code 123.extern}, {@code 123.0}. */
    static boolean isStepId(String text) {
        return text != null && STEP_ID.matcher(text).matches();
    }
}
