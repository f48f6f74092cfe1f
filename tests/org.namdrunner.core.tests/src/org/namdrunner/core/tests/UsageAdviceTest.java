package org.namdrunner.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.JobUsage;
import org.namdrunner.core.model.UsageAdvice;

/** The efficiency figures seff would print and the advice in words that follows from them. */
class UsageAdviceTest {

    private static final long GB = 1024L * 1024 * 1024;

    @Test
    void aJobThatUsedAEighthOfItsCoresIsToldToAskForEight() {
        // 64 cores for 1 h 10 m, busy 12% of that: 64 × 70 min × 0.12 of CPU time
        Duration elapsed = Duration.ofMinutes(70);
        JobUsage u = new JobUsage(elapsed, Duration.ofSeconds((long) (elapsed.toSeconds() * 64 * 0.12)), 64, 1,
                (long) (1.2 * GB), 240 * GB, Duration.ofHours(24), 0);
        assertEquals(0.12, u.cpuEfficiency().getAsDouble(), 1e-6);
        assertEquals(List.of("CPU: asked 64 cores, used 12% — ask for 16 next time",
                "memory: used 1.2 GB of 240 GB — 2 GB would do",
                "walltime: used 1 h 10 m of 24 h — ask for 2 h"), UsageAdvice.lines(u));
    }

    @Test
    void suggestedCoresKeepAQuarterOfHeadroomAsAPowerOfTwo() {
        assertEquals(8, UsageAdvice.suggestedCores(64, 0.09));    // 5.8 busy → 7.2 → 8
        assertEquals(16, UsageAdvice.suggestedCores(64, 0.12));   // 7.7 → 9.6 → 16
        assertEquals(1, UsageAdvice.suggestedCores(64, 0.001));
        assertEquals(64, UsageAdvice.suggestedCores(64, 0.6), "a well-used request stays");
        assertEquals(1, UsageAdvice.suggestedCores(1, 0.01));
        assertEquals(2, UsageAdvice.suggestedCores(3, 0.45));
        assertEquals(7, UsageAdvice.suggestedCores(7, 0.49), "4.3 busy would round to 8: never more than the job had");
    }

    @Test
    void aWellUsedJobIsToldSo() {
        JobUsage u = new JobUsage(Duration.ofHours(10), Duration.ofHours(10 * 30), 32, 1, 30 * GB, 32 * GB, Duration.ofHours(11), 0);
        assertEquals("CPU: asked 32 cores, used 94% — well used", UsageAdvice.cores(u).orElseThrow());
        assertEquals("memory: used 30 GB of 32 GB", UsageAdvice.memory(u).orElseThrow());
        assertEquals("walltime: used 10 h of 11 h", UsageAdvice.walltime(u).orElseThrow());
    }

    @Test
    void aJobAtItsLimitsIsToldToAskForMore() {
        JobUsage u = new JobUsage(Duration.ofHours(24), Duration.ofHours(24 * 4), 4, 1, 16 * GB - 1024, 16 * GB, Duration.ofHours(24), 0);
        assertTrue(UsageAdvice.memory(u).orElseThrow().contains("at the limit"), UsageAdvice.memory(u).orElseThrow());
        assertTrue(UsageAdvice.walltime(u).orElseThrow().contains("reached the limit"), UsageAdvice.walltime(u).orElseThrow());
    }

    @Test
    void unknownFiguresAreLeftOutNotGuessed() {
        // cancelled while pending: no steps, so no CPU time and no MaxRSS
        JobUsage u = new JobUsage(Duration.ZERO, null, 0, 0, null, 400L * 1024 * 1024, Duration.ofMinutes(10), 0);
        assertTrue(u.cpuEfficiency().isEmpty());
        assertTrue(u.memoryEfficiency().isEmpty());
        assertEquals(List.of("walltime: used 0 s of 10 m"), UsageAdvice.lines(u), "15 minutes, the least it suggests, is not less");
        JobUsage unlimited = new JobUsage(Duration.ofMinutes(3), Duration.ofMinutes(3), 1, 1, 1024L, null, null, 2);
        assertEquals(List.of("CPU: asked 1 core, used 100% — well used", "memory: used 1.0 KB at most", "walltime: ran 3 m (no limit)",
                "GPUs: 2 allocated (SLURM does not report how busy they were)"), UsageAdvice.lines(unlimited));
    }

    @Test
    void sizesAndDurationsReadAsAPersonWritesThem() {
        assertEquals("512 B", UsageAdvice.bytes(512));
        assertEquals("22 MB", UsageAdvice.bytes(22116L * 1024));
        assertEquals("1.5 GB", UsageAdvice.bytes(3 * GB / 2));
        assertEquals("1 h 10 m", UsageAdvice.duration(Duration.ofMinutes(70)));
        assertEquals("2 d 3 h", UsageAdvice.duration(Duration.ofHours(51).plusMinutes(5)));
        assertEquals("7 d", UsageAdvice.duration(Duration.ofDays(7)));
        assertEquals("24 h", UsageAdvice.duration(Duration.ofDays(1)), "a QoS limit reads as people write it");
        assertEquals("47 h 59 m", UsageAdvice.duration(Duration.ofHours(48).minusMinutes(1)));
        assertEquals("45 s", UsageAdvice.duration(Duration.ofSeconds(45)));
        assertEquals(Duration.ofHours(2), UsageAdvice.suggestedWalltime(Duration.ofMinutes(70)));
        assertEquals(Duration.ofMinutes(15), UsageAdvice.suggestedWalltime(Duration.ofMinutes(2)));
        assertEquals("0.5%", UsageAdvice.percent(0.005));
        assertEquals("389.8 SU", UsageAdvice.serviceUnits(389.8));
        assertEquals("0.02 SU", UsageAdvice.serviceUnits(1 / 60.0), "a one-minute test job is not shown as costing nothing");
    }

    @Test
    void negativeFiguresAreRefused() {
        assertThrows(InvalidInputException.class,
                () -> new JobUsage(Duration.ofSeconds(-1), null, 1, 1, null, null, null, 0));
        assertThrows(InvalidInputException.class,
                () -> new JobUsage(Duration.ZERO, null, 1, 1, -5L, null, null, 0));
    }
}
