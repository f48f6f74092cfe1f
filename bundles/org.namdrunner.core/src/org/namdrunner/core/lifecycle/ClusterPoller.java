package org.namdrunner.core.lifecycle;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.namdrunner.core.store.StoreException;

/**
 * Polls one cluster in the background as an Eclipse job. Automatic polls happen only while the cluster's
 * session is open (an automatic poll must never start a login that asks for a password or an MFA push);
 * {@link #syncNow()} polls at once and may log in. Being one job per cluster, at most one poll runs and one
 * waits.
 */
public final class ClusterPoller extends Job {

    /** The family of all pollers, for {@code Job.getJobManager().cancel(FAMILY)}. */
    public static final Object FAMILY = ClusterPoller.class;

    private final JobService service;
    private final String profileId;
    private final BooleanSupplier connected;
    private final PollSchedule schedule;
    private final Consumer<SyncReport> listener;
    private volatile boolean manual;
    private volatile boolean stopped;
    private int failures;

    public ClusterPoller(JobService service, String profileId, BooleanSupplier connected, PollSchedule schedule,
            Consumer<SyncReport> listener) {
        super("Synchronizing jobs on " + profileId);
        this.service = Objects.requireNonNull(service);
        this.profileId = Objects.requireNonNull(profileId);
        this.connected = Objects.requireNonNull(connected);
        this.schedule = Objects.requireNonNull(schedule);
        this.listener = Objects.requireNonNull(listener);
        // background work: its state is in the status line, not a Progress entry every minute
        setSystem(true);
    }

    /** Starts automatic polling after one interval. */
    public void start() {
        stopped = false;
        schedule(schedule.interval().toMillis());
    }

    /** Polls now, bypassing the interval (but not the batching), and resumes automatic polling. */
    public void syncNow() {
        manual = true;
        stopped = false;
        schedule();
    }

    public void stop() {
        stopped = true;
        cancel();
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        boolean wasManual = manual;
        manual = false;
        if (!wasManual && !connected.getAsBoolean()) {
            reschedule(schedule.interval());
            return Status.OK_STATUS;
        }
        SyncReport report;
        try {
            // the check above may pass just before the session drops: the automatic poll itself must not log in either
            report = wasManual ? service.sync(profileId, monitor) : service.syncInBackground(profileId, monitor);
        } catch (StoreException e) {
            reschedule(schedule.interval());
            return e.getStatus();
        }
        failures = report.succeeded() ? 0 : failures + 1;
        listener.accept(report);
        reschedule(schedule.next(report.failureKind(), failures));
        if (monitor.isCanceled()) {
            return Status.CANCEL_STATUS;
        }
        // a failed automatic poll is shown by the stale marker, not by an error dialog every minute
        return Status.OK_STATUS;
    }

    private void reschedule(Duration delay) {
        if (!stopped && delay != null) {
            schedule(delay.toMillis());
        }
    }
}
