package org.namdrunner.examples.batchscript.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.jobtype.JobType.LogSummary;
import org.namdrunner.examples.batchscript.BatchScriptJobType;

/** The simple log conventions: the last PROGRESS line counts, the last ERROR/FATAL line is the cause. */
class BatchScriptLogTest {

    private final BatchScriptJobType type = new BatchScriptJobType();

    @Test
    void theLastProgressLineCounts() {
        LogSummary s = type.parseLog("starting\nPROGRESS 1/4\nworking\nPROGRESS 3/4\n");
        assertEquals(3, s.step());
        assertEquals(4, s.totalSteps());
        assertEquals(0.75, s.fraction());
        assertEquals("", s.failureCause());
    }

    @Test
    void theLastErrorLineIsTheFailureCause() {
        LogSummary s = type.parseLog("PROGRESS 1/2\nerror: first\nFATAL: input_files/x.dat is missing\r\ndone\n");
        assertEquals("The script reported: input_files/x.dat is missing", s.failureCause());
        assertEquals(0.5, s.fraction());
    }

    @Test
    void aLogWithoutConventionsHasUnknownProgress() {
        assertEquals(-1, type.parseLog("hello\n").fraction());
        assertEquals(LogSummary.empty(), type.parseLog(""));
        assertEquals(LogSummary.empty(), type.parseLog(null));
    }

    @Test
    void oddInputNeverThrows() {
        Random r = new Random(8);
        for (int i = 0; i < 2000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = r.nextInt(200);
            for (int k = 0; k < n; k++) {
                sb.append(switch (r.nextInt(6)) {
                    case 0 -> "PROGRESS ";
                    case 1 -> "/";
                    case 2 -> "ERROR:";
                    case 3 -> "\n";
                    case 4 -> Long.toString(r.nextLong());
                    default -> Character.toString((char) r.nextInt(0x3000));
                });
            }
            LogSummary s = type.parseLog(sb.toString());
            assertTrue(s.failureCause().length() <= 330, s.failureCause());
        }
        assertEquals(0, type.parseLog("PROGRESS 99999999999999999999/1\n").step(), "an overlong number is not progress");
    }
}
