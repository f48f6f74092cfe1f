package org.namdrunner.ssh.tests;

import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.NullProgressMonitor;

/**
 * A progress monitor as the Progress view sees one: it records the total, sums every unit of work
 * (fractional too) and counts the updates; it can cancel itself once a fraction of the total is done.
 */
class Progress extends NullProgressMonitor {

    private final double cancelAt;
    volatile int total;
    private double worked;
    final AtomicInteger updates = new AtomicInteger();

    /** @param cancelAtFraction cancel once this fraction of the work is reported; above 1 never */
    Progress(double cancelAtFraction) {
        cancelAt = cancelAtFraction;
    }

    static Progress untilDone() {
        return new Progress(2.0);
    }

    @Override
    public void beginTask(String name, int totalWork) {
        total = totalWork;
    }

    @Override
    public void worked(int work) {
        internalWorked(work);
    }

    @Override
    public synchronized void internalWorked(double work) {
        worked += work;
        updates.incrementAndGet();
        if (total > 0 && worked >= cancelAt * total) {
            setCanceled(true);
        }
    }

    synchronized double worked() {
        return worked;
    }

    /** Reported work as a fraction of the total. */
    synchronized double fraction() {
        return total <= 0 ? 0 : worked / total;
    }
}
