package org.namdrunner.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.FailureKind;
import org.namdrunner.core.cluster.RetryPolicy;

/** Faults are thrown by the test itself: which kind of failure arrives is what is under test. */
class RetryPolicyTest {

    private final List<Duration> slept = new ArrayList<>();
    private final RetryPolicy policy = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(5), new Random(42), slept::add);

    @Test
    void transientFailuresAreRetriedWithGrowingWaits() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        String result = policy.run(() -> {
            if (calls.incrementAndGet() < 4) {
                throw ClusterException.transientFailure("Socket timed out", null);
            }
            return "ok";
        }, new NullProgressMonitor());
        assertEquals("ok", result);
        assertEquals(4, calls.get());
        assertEquals(3, slept.size());
        for (int i = 0; i < slept.size(); i++) {
            Duration ceiling = policy.backoffCeiling(i + 1);
            assertTrue(slept.get(i).compareTo(ceiling) <= 0 && slept.get(i).compareTo(ceiling.dividedBy(2)) >= 0,
                    "wait " + slept.get(i) + " within [" + ceiling.dividedBy(2) + ", " + ceiling + "]");
        }
    }

    @Test
    void permanentFailuresEndAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        ClusterException e = assertThrows(ClusterException.class, () -> policy.run(() -> {
            calls.incrementAndGet();
            throw ClusterException.permanent("Invalid partition name specified");
        }, new NullProgressMonitor()));
        assertEquals(FailureKind.PERMANENT, e.kind());
        assertEquals(1, calls.get());
        assertTrue(slept.isEmpty());
    }

    @Test
    void theLastTransientFailureIsReportedAfterTheLastAttempt() {
        ClusterException last = ClusterException.transientFailure("Connection reset", null);
        ClusterException e = assertThrows(ClusterException.class, () -> policy.run(() -> {
            throw last;
        }, new NullProgressMonitor()));
        assertSame(last, e);
        assertEquals(3, slept.size());
    }

    @Test
    void backoffGrowsExponentiallyUpToTheCap() {
        assertEquals(Duration.ZERO, policy.backoffCeiling(0));
        assertEquals(Duration.ofSeconds(1), policy.backoffCeiling(1));
        assertEquals(Duration.ofSeconds(2), policy.backoffCeiling(2));
        assertEquals(Duration.ofSeconds(4), policy.backoffCeiling(3));
        assertEquals(Duration.ofSeconds(5), policy.backoffCeiling(4));
        assertEquals(Duration.ofSeconds(5), policy.backoffCeiling(1000));
    }

    @Test
    void aCancelledMonitorStopsBeforeTheNextAttempt() {
        NullProgressMonitor monitor = new NullProgressMonitor();
        monitor.setCanceled(true);
        ClusterException e = assertThrows(ClusterException.class, () -> policy.run(() -> "never", monitor));
        assertEquals(FailureKind.CANCELLED, e.kind());
    }
}
