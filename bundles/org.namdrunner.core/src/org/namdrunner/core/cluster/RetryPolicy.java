package org.namdrunner.core.cluster;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;

import org.eclipse.core.runtime.IProgressMonitor;

/**
 * Retries TRANSIENT failures with exponential backoff and full jitter; PERMANENT failures and cancellation
 * end at once. The same delays serve the automatic poller between polls of a cluster that keeps failing.
 */
public final class RetryPolicy {

    /** An operation that may fail with a classified {@link ClusterException}. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run() throws ClusterException;
    }

    /** Waits; replaceable so tests can observe the delays without waiting them out. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final int maxAttempts;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final Random random;
    private final Sleeper sleeper;

    public RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, Random random, Sleeper sleeper) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
        this.initialDelay = Objects.requireNonNull(initialDelay);
        this.maxDelay = Objects.requireNonNull(maxDelay);
        this.random = Objects.requireNonNull(random);
        this.sleeper = Objects.requireNonNull(sleeper);
    }

    /** Three attempts, 2 s then up to 4 s, capped at 30 s. */
    public static RetryPolicy standard() {
        return new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(30), new Random(), d -> Thread.sleep(d.toMillis()));
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * The upper bound of the wait after {@code failures} consecutive failures: initial × 2^(failures-1),
     * capped at the maximum.
     */
    public Duration backoffCeiling(int failures) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        long base = initialDelay.toMillis();
        int shift = Math.min(failures - 1, 30);
        long ceiling = base > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : base << shift;
        return Duration.ofMillis(Math.min(ceiling, maxDelay.toMillis()));
    }

    /** A random wait in [ceiling/2, ceiling] ("equal jitter"), so many clients do not retry in step. */
    public Duration backoff(int failures) {
        long ceiling = backoffCeiling(failures).toMillis();
        if (ceiling == 0) {
            return Duration.ZERO;
        }
        long half = ceiling / 2;
        return Duration.ofMillis(half + (long) (random.nextDouble() * (ceiling - half)));
    }

    /** Runs {@code attempt}, retrying transient failures; the last failure is thrown as it was. */
    public <T> T run(Attempt<T> attempt, IProgressMonitor monitor) throws ClusterException {
        ClusterException last = null;
        for (int i = 1; i <= maxAttempts; i++) {
            if (monitor != null && monitor.isCanceled()) {
                throw ClusterException.cancelled();
            }
            try {
                return attempt.run();
            } catch (ClusterException e) {
                if (!e.isTransient() || e instanceof NotConnectedException) {
                    throw e;
                }
                last = e;
            }
            if (i < maxAttempts) {
                try {
                    sleeper.sleep(backoff(i));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw ClusterException.cancelled();
                }
            }
        }
        throw last;
    }
}
