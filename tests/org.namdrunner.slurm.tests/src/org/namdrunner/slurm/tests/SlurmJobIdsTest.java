package org.namdrunner.slurm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.namdrunner.slurm.internal.SlurmJobIds;

/** The hand-written job id check accepts exactly what the rule's regular expression accepts. */
class SlurmJobIdsTest {

    private static final Pattern RULE = Pattern.compile("[0-9]{1,12}(?:_[0-9]{1,9})?");

    @Test
    void edgesOfTheRule() {
        for (String ok : new String[] { "1", "123456789012", "7_1", "123456789012_123456789", "0" }) {
            assertTrue(SlurmJobIds.isJobId(ok), ok);
        }
        for (String bad : new String[] { "", "1234567890123", "7_", "_7", "7_1234567890", "7__1", "7_1_2", "7.batch", " 7", "7 ",
                "7;rm", "٣", "7\n", "-7", "+7" }) {
            assertFalse(SlurmJobIds.isJobId(bad), bad);
        }
        assertFalse(SlurmJobIds.isJobId(null));
    }

    @Test
    void agreesWithTheRegularExpressionOnGeneratedText() {
        long seed = Long.getLong("namdrunner.seed", System.nanoTime());
        Random random = new Random(seed);
        String alphabet = "0123456789_._ a٣\n";
        int accepted = 0;
        for (int run = 0; run < 100_000; run++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(26);
            for (int i = 0; i < length; i++) {
                // mostly digits, so that long valid ids come up as well
                sb.append(random.nextInt(4) > 0 ? (char) ('0' + random.nextInt(10)) : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            boolean expected = RULE.matcher(text).matches();
            assertEquals(expected, SlurmJobIds.isJobId(text), "seed " + seed + ": '" + text + "'");
            accepted += expected ? 1 : 0;
        }
        assertTrue(accepted > 1000, "the generator made " + accepted + " valid ids (seed " + seed + ")");
    }
}
