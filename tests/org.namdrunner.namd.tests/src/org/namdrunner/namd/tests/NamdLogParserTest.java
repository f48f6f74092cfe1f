package org.namdrunner.namd.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.jobtype.JobType.LogSummary;
import org.namdrunner.namd.NamdLogParser;

class NamdLogParserTest {

    @Test
    void aCompletedRunIsAtItsLastStep() throws Exception {
        LogSummary s = NamdLogParser.parse(Fixtures.read("completed.log"));
        assertEquals(340, s.totalSteps(), "40 minimization + 300 dynamics steps");
        assertEquals(340, s.step());
        assertEquals(1.0, s.fraction());
        assertEquals("", s.failureCause());
        assertEquals(1 / 0.0578704, s.nsPerDay(), 1e-6);
    }

    @Test
    void aFatalErrorIsTheCause() throws Exception {
        LogSummary s = NamdLogParser.parse(Fixtures.read("fatal.log"));
        assertTrue(s.failureCause().startsWith("FATAL ERROR: Atoms moving too fast"), s.failureCause());
        assertTrue(s.fraction() > 0 && s.fraction() < 1, "stopped half-way: " + s.fraction());
    }

    @Test
    void aRunningLogShowsProgressAndEta() {
        String log = """
                TCL: Running for 1000 steps
                TIMING: 250  CPU: 10.1, 0.04/step  Wall: 10.2, 0.04/step, 0.5 hours remaining, 400.0 MB of memory in use.
                """;
        LogSummary s = NamdLogParser.parse(log);
        assertEquals(0.25, s.fraction(), 1e-9);
        assertEquals("30 min", s.etaText());
    }

    @Test
    void anErrorLineIsUsedWhenThereIsNoFatalError() {
        LogSummary s = NamdLogParser.parse("Info: x\nERROR: Unable to open file foo.pdb\n");
        assertEquals("ERROR: Unable to open file foo.pdb", s.failureCause());
    }

    @Test
    void garbageNeverThrows() throws Exception {
        String real = Fixtures.read("completed.log");
        Random random = new Random(20261129);
        for (int i = 0; i < 2000; i++) {
            int a = random.nextInt(real.length());
            int b = Math.min(real.length(), a + random.nextInt(400));
            StringBuilder sb = new StringBuilder(real.substring(a, b));
            for (int k = 0; k < 5; k++) {
                sb.insert(random.nextInt(sb.length() + 1), (char) random.nextInt(0x3000));
            }
            LogSummary s = NamdLogParser.parse(sb.toString());
            assertTrue(s.step() >= 0 && s.totalSteps() >= 0);
        }
        assertEquals(LogSummary.empty(), NamdLogParser.parse(""));
        assertEquals(LogSummary.empty(), NamdLogParser.parse(null));
    }
}
