package org.namdrunner.namd.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.jobtype.JobType.LogSummary;
import org.namdrunner.core.jobtype.SampledSeries;
import org.namdrunner.namd.NamdLogFollower;
import org.namdrunner.namd.NamdLogParser;

class NamdLogFollowerTest {

    /** The head and first output of a NAMD 3.0 production run, as NAMD prints them (numbers from a 80k-atom system). */
    static final String HEAD = """
            Info: NAMD 3.0.1 for Linux-x86_64-multicore
            Info: SIMULATION PARAMETERS:
            Info: TIMESTEP               2
            Info: NUMBER OF STEPS        0
            Info: STEPS PER CYCLE        20
            Info: FIRST TIMESTEP         0
            Info: ENERGY OUTPUT STEPS    1000
            TCL: Running for 500000 steps
            ETITLE:      TS           BOND          ANGLE          DIHED          IMPRP               ELECT            VDW       BOUNDARY           MISC        KINETIC               TOTAL           TEMP      POTENTIAL         TOTAL3        TEMPAVG            PRESSURE      GPRESSURE         VOLUME       PRESSAVG      GPRESSAVG

            ENERGY:       0      4633.4813      9027.2137      7151.0542       285.3201        -408347.6128     38047.1183         0.0000         0.0000     73245.8227       -276036.1827       303.1637   -349282.0054   -275708.3357       303.1637           -49.4566       -32.2085    810730.0918       -49.4566       -32.2085

            Info: Initial time: 8 CPUs 0.0365021 s/step 0.211239 days/ns 1130.54 MB memory
            """;

    static String energy(long step, double total, double temp, double pressure) {
        return String.format("ENERGY: %7d      4633.4813      9027.2137      7151.0542       285.3201        -408347.6128     38047.1183"
                + "         0.0000         0.0000     73245.8227 %15.4f %14.4f   -349282.0054   -275708.3357       303.1637 %18.4f"
                + "       -32.2085    810730.0918       -49.4566       -32.2085%n%n", step, total, temp, pressure);
    }

    static String timing(long step, double secondsPerStep, long runEnd) {
        return String.format("TIMING: %d  CPU: %.1f, %.4f/step  Wall: %.1f, %.4f/step, %.4g hours remaining, 1130.539062 MB of memory in use.%n",
                step, step * secondsPerStep, secondsPerStep, step * secondsPerStep, secondsPerStep, (runEnd - step) * secondsPerStep / 3600);
    }

    @Test
    void theHeadGivesTotalsAndTheLastLinesProgressSpeedAndEta() {
        NamdLogFollower f = new NamdLogFollower();
        f.lines(HEAD);
        assertEquals(500_000, f.summary().totalSteps());
        assertEquals(0, f.summary().step());
        assertEquals(1 / 0.211239, f.summary().nsPerDay(), 1e-6, "before any TIMING line: the initial benchmark");
        assertEquals("5 h 4 min", f.summary().etaText(), "and its 0.0365 s/step for the 500,000 steps: the ETA from the first minute");
        f.lines(energy(250_000, -276000.5, 301.2, 12.5) + timing(250_000, 0.04, 500_000));
        LogSummary s = f.summary();
        assertEquals(250_000, s.step());
        assertEquals(0.5, s.fraction(), 1e-9);
        assertEquals(86_400 / 0.04 * 2e-6, s.nsPerDay(), 1e-9, "2 fs at 0.04 s/step");
        assertEquals("2 h 47 min", s.etaText(), "250,000 steps left at 0.04 s/step = 10,000 s");
    }

    @Test
    void energyLinesBecomeSeriesByTheirTitles() {
        NamdLogFollower f = new NamdLogFollower();
        f.lines(HEAD + energy(1000, -276100.25, 299.5, -80.75));
        SampledSeries total = byName(f.series(), "TOTAL");
        SampledSeries temp = byName(f.series(), "TEMP");
        SampledSeries pressure = byName(f.series(), "PRESSURE");
        assertEquals(2, total.size());
        assertEquals(-276036.1827, total.values()[0], 1e-9);
        assertEquals(-276100.25, total.last(), 1e-9);
        assertEquals(299.5, temp.last(), 1e-9);
        assertEquals(-80.75, pressure.last(), 1e-9);
        assertEquals(1000.0, pressure.steps()[1]);
        assertEquals(-349282.0054, byName(f.series(), "POTENTIAL").last(), 1e-9);
    }

    @Test
    void aMillionStepsMakeABoundedEvenlySpreadSeries() {
        NamdLogFollower f = new NamdLogFollower();
        f.lines(HEAD);
        StringBuilder chunk = new StringBuilder();
        for (long step = 1; step <= 1_000_000; step++) {
            chunk.append(energy(step, -276000 + step * 1e-3, 300, 0));
            if (chunk.length() > 1 << 20) {
                f.lines(chunk);
                chunk.setLength(0);
            }
        }
        f.lines(chunk);
        SampledSeries total = byName(f.series(), "TOTAL");
        assertTrue(total.size() <= 2000 && total.size() >= 500, "points kept: " + total.size());
        double[] steps = total.steps();
        assertEquals(0.0, steps[0]);
        assertTrue(steps[steps.length - 1] > 990_000, "the last point is near the end: " + steps[steps.length - 1]);
        double widest = 0;
        for (int i = 1; i < steps.length; i++) {
            widest = Math.max(widest, steps[i] - steps[i - 1]);
        }
        assertTrue(widest <= 4 * 1_000_000.0 / total.size(), "points evenly spread, widest gap " + widest);
        assertEquals(1.0, f.summary().fraction(), "past the 500,000 planned steps: done, never more than 100 %");
    }

    @Test
    void piecesCutAnywhereGiveWhatTheWholeLogGives() throws Exception {
        String log = Fixtures.read("completed.log");
        NamdLogFollower whole = new NamdLogFollower();
        whole.lines(log);
        Random random = new Random(20261202);
        for (int round = 0; round < 20; round++) {
            NamdLogFollower pieces = new NamdLogFollower();
            int at = 0;
            while (at < log.length()) {
                int next = Math.min(log.length(), at + 1 + random.nextInt(700));
                pieces.lines(log.substring(at, next));
                at = next;
            }
            assertEquals(whole.summary(), pieces.summary(), "round " + round);
            assertEquals(byName(whole.series(), "TEMP").size(), byName(pieces.series(), "TEMP").size());
        }
        LogSummary parsed = NamdLogParser.parse(log);
        assertEquals(parsed.totalSteps(), whole.summary().totalSteps());
        assertEquals(parsed.step(), whole.summary().step());
        assertEquals(parsed.failureCause(), whole.summary().failureCause());
        assertEquals("", whole.summary().etaText(), "a finished run has no ETA");
    }

    @Test
    void aSkippedStretchDropsTheHalfLineBeforeIt() {
        NamdLogFollower f = new NamdLogFollower();
        f.lines(HEAD);
        f.lines("ENERGY:  123456      4633.48");
        f.skipped();
        f.lines(timing(400_000, 0.05, 500_000));
        assertEquals(400_000, f.summary().step(), "the half ENERGY line was not joined to the TIMING line");
        assertEquals(1, byName(f.series(), "TOTAL").size(), "and made no point");
    }

    @Test
    void aFatalErrorIsTheCauseAndOddLinesNeverThrow() {
        NamdLogFollower f = new NamdLogFollower();
        f.lines(HEAD + "ENERGY: 12x 4.5 abc\nTIMING: nonsense\nETITLE:\nENERGY:\n"
                + "FATAL ERROR: Periodic cell has become too small for original patch grid!\n");
        assertTrue(f.summary().failureCause().startsWith("FATAL ERROR: Periodic cell"), f.summary().failureCause());
    }

    private static SampledSeries byName(List<SampledSeries> series, String name) {
        return series.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no series " + name + " in " + series.stream().map(SampledSeries::name).toList()));
    }
}
