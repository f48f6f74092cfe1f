package org.namdrunner.ui.internal.services;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.swt.widgets.Display;
import org.namdrunner.core.cluster.ClusterConnectionProvider;
import org.namdrunner.core.jobtype.JobTypeRegistry;
import org.namdrunner.core.lifecycle.JobService;
import org.namdrunner.core.scheduler.Scheduler;
import org.namdrunner.core.store.JobStore;

/**
 * What the workbench works with once the OSGi services are there: the job service, the store, the cluster
 * profiles, the job types and the background sync. Built off the UI thread by {@link BackendComponent};
 * views and handlers reach it through {@link #whenReadyOnUi} (showing "Starting…" meanwhile) or
 * {@link #current()}.
 */
public final class Backend {

    private static final Object LOCK = new Object();
    private static Backend current;
    private static final List<Consumer<Backend>> WAITING = new ArrayList<>();

    private final JobStore store;
    private final Scheduler scheduler;
    private final ClusterConnectionProvider connections;
    private final JobTypeRegistry jobTypes;
    private final Profiles profiles;
    private final SyncCoordinator sync;
    private final LogProgress progress = new LogProgress();
    private volatile JobService jobService;

    Backend(JobStore store, Scheduler scheduler, ClusterConnectionProvider connections, JobTypeRegistry jobTypes,
            Profiles profiles) {
        this.store = Objects.requireNonNull(store);
        this.scheduler = Objects.requireNonNull(scheduler);
        this.connections = Objects.requireNonNull(connections);
        this.jobTypes = Objects.requireNonNull(jobTypes);
        this.profiles = Objects.requireNonNull(profiles);
        this.jobService = newJobService();
        this.sync = new SyncCoordinator(this);
    }

    private JobService newJobService() {
        return new JobService(store, scheduler, connections, jobTypes, profiles, SyncPreferences.syncSettings(),
                Clock.systemUTC());
    }

    /** Takes changed sync settings into use: a new job service and new pollers. */
    public void settingsChanged() {
        jobService = newJobService();
        sync.restart();
    }

    public JobService jobService() {
        return jobService;
    }

    public JobStore store() {
        return store;
    }

    public ClusterConnectionProvider connections() {
        return connections;
    }

    public JobTypeRegistry jobTypes() {
        return jobTypes;
    }

    public Profiles profiles() {
        return profiles;
    }

    public SyncCoordinator sync() {
        return sync;
    }

    /** NAMD progress of running jobs, read from their logs after each sync. */
    public LogProgress progress() {
        return progress;
    }

    /** The backend if the services are there; safe on any thread. */
    public static Optional<Backend> current() {
        synchronized (LOCK) {
            return Optional.ofNullable(current);
        }
    }

    /** Runs {@code action} once the backend is there: at once on this thread, or later on the thread that publishes it. */
    public static void whenReady(Consumer<Backend> action) {
        Backend b;
        synchronized (LOCK) {
            b = current;
            if (b == null) {
                WAITING.add(action);
                return;
            }
        }
        action.accept(b);
    }

    /** Like {@link #whenReady}, but always runs {@code action} on the display's thread, skipping it once the display is gone. */
    public static void whenReadyOnUi(Display display, Consumer<Backend> action) {
        whenReady(b -> {
            if (!display.isDisposed()) {
                display.asyncExec(() -> action.accept(b));
            }
        });
    }

    static void publish(Backend b) {
        List<Consumer<Backend>> toRun;
        synchronized (LOCK) {
            current = b;
            toRun = new ArrayList<>(WAITING);
            WAITING.clear();
        }
        toRun.forEach(a -> a.accept(b));
    }

    static void withdraw(Backend b) {
        synchronized (LOCK) {
            if (current == b) {
                current = null;
            }
        }
    }
}
