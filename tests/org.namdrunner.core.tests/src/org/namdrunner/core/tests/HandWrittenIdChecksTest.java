package org.namdrunner.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.store.PolledJob;
import org.namdrunner.core.validation.InputRules;

/**
 * The job id and SLURM id checks on the sync path are written by hand (a sync of 1,000 jobs runs them thousands of
 * times); they must accept exactly what the rules' regular expressions accept.
 */
class HandWrittenIdChecksTest {

    private static final Pattern JOB_ID_RULE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Pattern SLURM_ID_RULE = Pattern.compile("[0-9]{1,12}(_[0-9]{1,9})?");
    private static final String ALPHABET = "aZ09_-. /;$é٣\n\u0000";

    @Test
    void jobIdsAsTheRuleSays() {
        long seed = Long.getLong("namdrunner.seed", System.nanoTime());
        Random random = new Random(seed);
        int accepted = 0;
        for (int run = 0; run < 100_000; run++) {
            String text = generated(random, 70, "abcXYZ0189_-");
            boolean expected = !text.isEmpty() && JOB_ID_RULE.matcher(text).matches();
            assertEquals(expected, accepts(() -> InputRules.checkJobId(text)), "seed " + seed + ": '" + text + "'");
            accepted += expected ? 1 : 0;
        }
        assertTrue(accepted > 1000, accepted + " valid ids generated (seed " + seed + ")");
    }

    @Test
    void slurmIdsAsTheRuleSays() {
        long seed = Long.getLong("namdrunner.seed", System.nanoTime());
        Random random = new Random(seed);
        int accepted = 0;
        for (int run = 0; run < 100_000; run++) {
            String text = generated(random, 26, "0123456789");
            boolean expected = SLURM_ID_RULE.matcher(text).matches();
            assertEquals(expected, accepts(() -> new PolledJob("job_1", JobStatus.PENDING, text, null, null, null, null, null, "n", null)),
                    "seed " + seed + ": '" + text + "'");
            accepted += expected ? 1 : 0;
        }
        assertTrue(accepted > 1000, accepted + " valid ids generated (seed " + seed + ")");
    }

    /** Mostly characters the rule allows, so that long valid ids come up too, with some from everywhere else. */
    private static String generated(Random random, int maxLength, String allowed) {
        StringBuilder sb = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            String from = random.nextInt(8) > 0 ? allowed : ALPHABET;
            sb.append(from.charAt(random.nextInt(from.length())));
        }
        return sb.toString();
    }

    private static boolean accepts(Runnable check) {
        try {
            check.run();
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }
}
