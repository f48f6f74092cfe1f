package org.namdrunner.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.FailureKind;
import org.namdrunner.core.cluster.RetryPolicy;
import org.namdrunner.core.lifecycle.PollSchedule;

class PollScheduleTest {

    private final PollSchedule schedule = new PollSchedule(Duration.ofSeconds(60),
            new RetryPolicy(5, Duration.ofSeconds(30), Duration.ofMinutes(15), new Random(7), d -> { }));

    @Test
    void afterASuccessTheIntervalHolds() {
        assertEquals(Duration.ofSeconds(60), schedule.next(null, 0));
    }

    @Test
    void transientFailuresBackOffButNeverPollFasterThanTheInterval() {
        Duration previousCeiling = Duration.ZERO;
        for (int failures = 1; failures <= 8; failures++) {
            Duration wait = schedule.next(FailureKind.TRANSIENT, failures);
            assertTrue(wait.compareTo(Duration.ofSeconds(60)) >= 0, "never below the interval: " + wait);
            assertTrue(wait.compareTo(Duration.ofMinutes(16)) <= 0, "capped: " + wait);
            previousCeiling = wait;
        }
        assertTrue(previousCeiling.compareTo(Duration.ofMinutes(7)) >= 0, "after 8 failures the wait has grown: " + previousCeiling);
    }

    @Test
    void permanentFailuresStopAutomaticPolling() {
        assertNull(schedule.next(FailureKind.PERMANENT, 1));
        assertNull(schedule.next(FailureKind.CANCELLED, 1));
    }
}
