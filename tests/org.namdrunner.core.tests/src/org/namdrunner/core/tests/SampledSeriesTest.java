package org.namdrunner.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.jobtype.SampledSeries;

class SampledSeriesTest {

    @Test
    void fewPointsAreAllKept() {
        SampledSeries s = new SampledSeries("TEMP", 100);
        for (int i = 0; i < 50; i++) {
            s.add(i * 10, i);
        }
        assertEquals(50, s.size());
        assertEquals(490.0, s.steps()[49]);
        assertEquals(49.0, s.last());
    }

    @Test
    void manyPointsStayWithinCapacityAndSpanTheRun() {
        SampledSeries s = new SampledSeries("TOTAL", 1000);
        for (long step = 0; step < 2_000_000; step++) {
            s.add(step, -step);
            assertTrue(s.size() <= 1000);
        }
        double[] steps = s.steps();
        assertEquals(0.0, steps[0]);
        assertTrue(steps[steps.length - 1] > 1_990_000, "reaches the end: " + steps[steps.length - 1]);
        assertTrue(s.size() >= 400, "not thinned to nothing: " + s.size());
        for (int i = 0; i < steps.length; i++) {
            assertEquals(-steps[i], s.values()[i], 1e-9, "each value stays with its step");
        }
    }

    @Test
    void aDenseStartAndASparseMiddleEndUpEvenlySpread() {
        SampledSeries s = new SampledSeries("TOTAL", 200);
        for (long step = 0; step < 5000; step++) {
            s.add(step, 1);
        }
        for (long step = 5000; step <= 1_000_000; step += 997) {
            s.add(step, 2);
        }
        double[] steps = s.steps();
        long early = java.util.Arrays.stream(steps).filter(x -> x < 5000).count();
        assertTrue(early < 10, "the dense head no longer dominates: " + early + " of " + steps.length);
    }

    @Test
    void olderStepsAreDropped() {
        SampledSeries s = new SampledSeries("X", 10);
        s.add(100, 1);
        s.add(50, 2);
        s.add(100, 3);
        assertArrayEquals(new double[] { 100 }, s.steps());
        s.clear();
        s.add(50, 2);
        assertEquals(1, s.size());
        assertThrows(IllegalArgumentException.class, () -> new SampledSeries("X", 2));
    }
}
