package org.namdrunner.core.lifecycle;

import java.time.Duration;
import java.util.Objects;

import org.namdrunner.core.cluster.FailureKind;
import org.namdrunner.core.cluster.RetryPolicy;

/**
 * When the next automatic poll of a cluster is due: the profile's interval after a success, and an
 * exponentially growing wait with jitter (never shorter than the interval) after transient failures, so
 * that a struggling controller is not hammered. After a permanent failure (login refused) automatic polling
 * stops until a person acts.
 */
public final class PollSchedule {

    private final Duration interval;
    private final RetryPolicy backoff;

    public PollSchedule(Duration interval, RetryPolicy backoff) {
        this.interval = Objects.requireNonNull(interval);
        this.backoff = Objects.requireNonNull(backoff);
    }

    public Duration interval() {
        return interval;
    }

    /**
     * @param failureKind         null after a success
     * @param consecutiveFailures failures in a row including this one
     * @return the wait before the next automatic poll, or null to stop polling automatically
     */
    public Duration next(FailureKind failureKind, int consecutiveFailures) {
        if (failureKind == null) {
            return interval;
        }
        if (failureKind != FailureKind.TRANSIENT) {
            return null;
        }
        Duration wait = backoff.backoff(consecutiveFailures);
        return wait.compareTo(interval) < 0 ? interval.plus(wait) : wait;
    }
}
