package org.namdrunner.namd.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.jobtype.JobType;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.namd.NamdJobType;
import org.namdrunner.namd.NamdSizing;

/** Walltime from a measured speed: steps × timestep at ns/day, and the margin a suggestion adds. */
class NamdSizingTest {

    private final NamdJobType type = new NamdJobType();

    private static Map<String, String> params() {
        Map<String, String> p = new HashMap<>();
        p.put("structure", "lyz.psf");
        p.put("coordinates", "lyz.pdb");
        p.put("parameters", "par_all36_prot.prm");
        p.put("minimizeSteps", "0");
        p.put("runSteps", "500000");
        p.put("timestep", "2");
        return p;
    }

    @Test
    void stepsAndTimestepAtTheMeasuredSpeedGiveTheRunTime() {
        // 500 000 steps of 2 fs = 1 ns; at 8 ns/day that is 3 h
        assertEquals(Optional.of(Duration.ofHours(3)), NamdSizing.runTime(500_000, 2, 8));
        assertEquals(Optional.of(Duration.ofHours(3)), type.runTimeAt(params(), 8));
        Map<String, String> withMin = params();
        withMin.put("minimizeSteps", "500000");
        assertEquals(Optional.of(Duration.ofHours(6)), type.runTimeAt(withMin, 8), "minimization steps count as steps");
        assertEquals(Optional.of(Duration.ofHours(3)), NamdSizing.runTime("timestep 2\nminimize 0\nrun 500000\n", 8));
        assertEquals(Optional.of(Duration.ofMinutes(90)), NamdSizing.runTime("run 500000\n", 8), "NAMD's default timestep is 1 fs");
        assertTrue(NamdSizing.runTime(500_000, 2, 0).isEmpty(), "no speed, no estimate");
        assertTrue(NamdSizing.runTime(0, 2, 8).isEmpty());
        assertTrue(type.runTimeAt(Map.of("template", "no-such-template"), 8).isEmpty(), "a template that is gone: no estimate");
    }

    @Test
    void aSuggestionAddsAFifthAndTenMinutesUpToAQuarterHourWithinTheLimit() {
        assertEquals(Duration.ofHours(4), JobType.walltimeWithMargin(Duration.ofHours(3), null), "3 h × 1.2 + 10 min = 3 h 46 min, up to 4 h");
        assertEquals(Duration.ofMinutes(90), JobType.walltimeWithMargin(Duration.ofHours(1), null), "1 h 22 min up to 1 h 30");
        assertEquals(Duration.ofMinutes(15), JobType.walltimeWithMargin(Duration.ofSeconds(1), null), "at least the start-up, a quarter hour");
        assertEquals(Duration.ofHours(1), JobType.walltimeWithMargin(Duration.ofHours(3), Duration.ofHours(1)), "never over the limit");
    }

    @Test
    void aContinuationSaysWhereItRestartsAndTheAtomCountIsChecked() {
        Map<String, String> p = params();
        p.put(NamdJobType.CONTINUE_FIRST_STEP, "330");
        p.put(NamdJobType.CONTINUE_STEPS, "690");
        assertEquals("restarts at step 330 (its last restart files) with 690 steps left, up to step 1020", type.continuationSummary(p));
        assertEquals("", type.continuationSummary(params()));
        p.put(NamdJobType.ATOMS, "-5");
        assertEquals(NamdJobType.ATOMS, assertThrows(InvalidInputException.class, () -> type.validate(p)).field());
        p.put(NamdJobType.ATOMS, "23558");
        p.remove(NamdJobType.CONTINUE_FIRST_STEP);
        p.remove(NamdJobType.CONTINUE_STEPS);
        type.validate(p);
    }
}
