package org.namdrunner.slurm.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the job id in what a successful sbatch printed: {@code 123} or {@code 123;cluster} with
 * {@code --parsable}, {@code Submitted batch job 123} without. Lines a login shell prints around it are
 * skipped; when several lines carry an id the last one counts. Never throws.
 */
public final class SubmitOutput {

    private static final Pattern PARSABLE = Pattern.compile("(\\d{1,10})(?:;[A-Za-z0-9_.-]{1,64})?");
    private static final Pattern PLAIN = Pattern.compile("Submitted batch job (\\d{1,10})(?: on cluster [A-Za-z0-9_.-]{1,64})?");

    private SubmitOutput() {
    }

    public static Optional<String> jobId(String stdout) {
        String found = null;
        for (String line : OutputRow.linesOf(stdout)) {
            String t = line.strip();
            Matcher m = PARSABLE.matcher(t);
            if (!m.matches()) {
                m = PLAIN.matcher(t);
            }
            if (m.matches()) {
                found = m.group(1);
            }
        }
        return Optional.ofNullable(found);
    }
}
