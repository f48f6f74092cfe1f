package org.namdrunner.slurm.internal;

import java.util.regex.Pattern;

/** SLURM job ids as squeue and sacct print them and as NAMDRunner stores them: {@code 123} or {@code 123_4}. */
public final class SlurmJobIds {

    private static final Pattern JOB_ID = Pattern.compile("\\d{1,12}(?:_\\d{1,9})?");
    private static final Pattern STEP_ID = Pattern.compile("\\d{1,12}(?:_\\d{1,9})?\\.\\S{1,64}");

    private SlurmJobIds() {
    }

    public static boolean isJobId(String text) {
        return text != null && JOB_ID.matcher(text).matches();
    }

    /** A step of a job, as sacct prints it without {@code -X}: {@code 123.batch}, {@code 123.extern}, {@code 123.0}. */
    static boolean isStepId(String text) {
        return text != null && STEP_ID.matcher(text).matches();
    }
}
