package org.namdrunner.integration.tests;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.namdrunner.core.lifecycle.SyncReport;

/** The reports a {@code ClusterPoller} hands its listener, each with when its poll started and ended. */
final class TimedReports implements Consumer<SyncReport> {

    /** A report; {@code start} is its end minus the poll's own duration. */
    record Timed(SyncReport report, Instant start, Instant end) {
    }

    private final LinkedBlockingQueue<Timed> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger failures = new AtomicInteger();

    @Override
    public void accept(SyncReport report) {
        Instant end = Instant.now();
        if (!report.succeeded()) {
            failures.incrementAndGet();
        }
        queue.add(new Timed(report, end.minus(report.duration()), end));
    }

    /** The next report, waiting at most {@code timeout}. */
    Timed next(Duration timeout) throws InterruptedException {
        Timed t = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (t == null) {
            throw new AssertionError("the poller reported nothing within " + timeout);
        }
        return t;
    }

    /** The next successful report, skipping failed ones. */
    Timed nextSuccess(Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (true) {
            Timed t = next(Duration.between(Instant.now(), end).isNegative() ? Duration.ZERO : Duration.between(Instant.now(), end));
            if (t.report().succeeded()) {
                return t;
            }
        }
    }

    /** Failed reports so far. */
    int failures() {
        return failures.get();
    }
}
