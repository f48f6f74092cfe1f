package org.namdrunner.app;

import java.time.Clock;
import java.util.Objects;

import org.namdrunner.core.cluster.ClusterConnectionProvider;
import org.namdrunner.core.jobtype.JobTypeRegistry;
import org.namdrunner.core.lifecycle.JobService;
import org.namdrunner.core.scheduler.Scheduler;
import org.namdrunner.core.store.JobStore;

/**
 * What the application works with once the OSGi services are there: the job service, the store, the cluster
 * profiles, the job types and the background sync. The {@code org.namdrunner.app.backend} component builds it
 * off the thread that starts the bundle and registers it as an OSGi service under this class; views, editors,
 * handlers and tests track that service for as long as they live. No SWT here: a headless run uses it the same way.
 */
public final class Backend {

    private final JobStore store;
    private final Scheduler scheduler;
    private final ClusterConnectionProvider connections;
    private final JobTypeRegistry jobTypes;
    private final Profiles profiles;
    private final SyncCoordinator sync;
    private final LogProgress progress = new LogProgress();
    private final ClusterReads reads;
    private final PerformanceHistory performance;
    private final JobListPrefetch jobListPrefetch;
    private volatile JobService jobService;

    public Backend(JobStore store, Scheduler scheduler, ClusterConnectionProvider connections, JobTypeRegistry jobTypes,
            Profiles profiles) {
        this.store = Objects.requireNonNull(store);
        this.scheduler = Objects.requireNonNull(scheduler);
        this.connections = Objects.requireNonNull(connections);
        this.jobTypes = Objects.requireNonNull(jobTypes);
        this.profiles = Objects.requireNonNull(profiles);
        this.reads = new ClusterReads(connections);
        this.jobService = newJobService();
        this.performance = new PerformanceHistory(store);
        this.jobListPrefetch = new JobListPrefetch(store);
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

    /** Log tails and folder listings, under the rule that work nobody asked for never signs in. */
    public ClusterReads reads() {
        return reads;
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

    /** The whole job list read ahead at start-up, for the first Jobs view; started by the workbench. */
    public JobListPrefetch jobListPrefetch() {
        return jobListPrefetch;
    }

    /** NAMD progress of running jobs, read from their logs after each sync. */
    public LogProgress progress() {
        return progress;
    }

    /** The measured speed of jobs (from their logs), for walltime advice from evidence. */
    public PerformanceHistory performance() {
        return performance;
    }
}
