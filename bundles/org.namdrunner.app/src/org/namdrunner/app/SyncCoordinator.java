package org.namdrunner.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.ListenerList;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.RetryPolicy;
import org.namdrunner.core.jobtype.JobType;
import org.namdrunner.core.lifecycle.ClusterPoller;
import org.namdrunner.core.lifecycle.PollSchedule;
import org.namdrunner.core.lifecycle.SyncHealth;
import org.namdrunner.core.lifecycle.SyncReport;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.core.store.JobSummary;
import org.namdrunner.core.store.StoreException;

/**
 * Background sync of every cluster: one {@link ClusterPoller} per profile, started with the workbench. Keeps
 * what the status line and the stale marker show ({@link ClusterState}), reads the progress of running jobs
 * after each sync, and tells listeners which jobs reached a final state.
 */
public final class SyncCoordinator {

    /** Told on the thread that learned it (a background job); UI listeners hand over to the display. */
    public interface Listener {
        default void clusterChanged(ClusterState state) {
        }

        /** Jobs that reached a final state in one sync. */
        default void jobsFinished(List<org.namdrunner.core.model.Job> jobs) {
        }

        /** A sync a person asked for failed; the status says why in plain words. */
        default void manualSyncFailed(String profileId, IStatus status) {
        }

        default void progressChanged() {
        }
    }

    private static final int MAX_LOGS_PER_SYNC = 20;

    private final Backend backend;
    private final Map<String, ClusterPoller> pollers = new ConcurrentHashMap<>();
    private final Map<String, ClusterState> states = new ConcurrentHashMap<>();
    private final Set<String> manual = ConcurrentHashMap.newKeySet();
    private final ListenerList<Listener> listeners = new ListenerList<>();
    private volatile boolean started;
    private final SyncProblems problems;

    SyncCoordinator(Backend backend) {
        this.backend = backend;
        this.problems = new SyncProblems(backend.store(), java.time.Clock.systemUTC());
        backend.profiles().addListener(() -> {
            if (started) {
                restart();
            }
        });
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    /** Starts the pollers and, if the person wants it, syncs every cluster that has waiting or running jobs. */
    public void start() {
        started = true;
        Job job = Job.create("Starting job sync", monitor -> {
            loadStates();
            createPollers();
            if (SyncPreferences.atStartup()) {
                // nobody asked for this one: a failure shows in the status line and the stale banner, not a dialog
                clustersWithActiveJobs().forEach(id -> sync(id, false));
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    public void stop() {
        started = false;
        pollers.values().forEach(ClusterPoller::stop);
        pollers.clear();
    }

    synchronized void restart() {
        pollers.values().forEach(ClusterPoller::stop);
        pollers.clear();
        if (started) {
            createPollers();
        }
    }

    private synchronized void createPollers() {
        for (ClusterProfile p : backend.profiles().all()) {
            pollers.computeIfAbsent(p.id(), id -> {
                ClusterPoller poller = new ClusterPoller(backend.jobService(), id, () -> automaticPollAllowed(id),
                        new PollSchedule(p.pollInterval(), RetryPolicy.standard()), this::report);
                poller.start();
                return poller;
            });
        }
    }

    private boolean automaticPollAllowed(String profileId) {
        return SyncPreferences.automatic() && isConnected(profileId);
    }

    private boolean isConnected(String profileId) {
        return backend.profiles().find(profileId).map(p -> backend.connections().connectionFor(p).isConnected()).orElse(false);
    }

    private void loadStates() {
        for (ClusterProfile p : backend.profiles().all()) {
            try {
                Instant last = SyncHealth.lastSuccess(backend.store(), p.id()).orElse(null);
                String error = SyncHealth.staleBecause(backend.store(), p.id()).orElse(null);
                update(new ClusterState(p.id(), false, last, error, null, false, error == null ? List.of() : List.of(error)));
            } catch (StoreException e) {
                ILog.of(getClass()).log(e.getStatus());
            }
        }
    }

    /**
     * Syncs one cluster now because a person asked (logging in if needed), bypassing the poll interval; a failure
     * is reported to {@link Listener#manualSyncFailed}. Any thread.
     */
    public void syncNow(String profileId) {
        sync(profileId, true);
    }

    private void sync(String profileId, boolean byPerson) {
        if (!pollers.containsKey(profileId)) {
            createPollers();
        }
        ClusterPoller poller = pollers.get(profileId);
        if (poller == null) {
            return;
        }
        if (byPerson) {
            manual.add(profileId);
            update(state(profileId).withSyncing(true));
        }
        poller.syncNow();
        // schedule() is ignored while the poller sleeps until its next automatic poll; waking it runs it now
        poller.wakeUp();
    }

    /**
     * Syncs every cluster that has jobs the scheduler may still change. Reads the store, so call it from a
     * background job.
     *
     * @return the clusters that are being synced
     */
    public Collection<String> syncAll() {
        Collection<String> ids = clustersWithActiveJobs();
        ids.forEach(this::syncNow);
        return ids;
    }

    private Collection<String> clustersWithActiveJobs() {
        Set<String> ids = new LinkedHashSet<>();
        try {
            // one DISTINCT query: at start-up a database may hold 100,000 jobs, 45,000 of them active
            for (String id : backend.store().clustersWithSubmittedJobs(Set.of(JobStatus.SUBMITTING, JobStatus.PENDING,
                    JobStatus.RUNNING, JobStatus.SUSPENDED, JobStatus.UNKNOWN))) {
                if (backend.profiles().find(id).isPresent()) {
                    ids.add(id);
                }
            }
        } catch (StoreException e) {
            ILog.of(getClass()).log(e.getStatus());
        }
        return ids;
    }

    /** Re-reads whether a cluster's session is open (after a login outside a sync). Background threads only. */
    public void connectionChanged(String profileId) {
        update(state(profileId).withConnected(isConnected(profileId)));
    }

    public ClusterState state(String profileId) {
        return states.getOrDefault(profileId, ClusterState.initial(profileId));
    }

    public List<ClusterState> states() {
        List<ClusterState> out = new ArrayList<>();
        for (ClusterProfile p : backend.profiles().all()) {
            out.add(state(p.id()));
        }
        return out;
    }

    /** Takes in the result of a sync (automatic or not) on the thread that made it. */
    public void report(SyncReport report) {
        String id = report.profileId();
        boolean connected = isConnected(id);
        Instant now = Instant.now();
        boolean wasManual = manual.remove(id);
        problems.take(report, backend.profiles().find(id).map(ClusterProfile::name).orElse(id));
        if (report.succeeded()) {
            update(state(id).succeeded(now, connected, SyncProblems.of(report)));
        } else if (report.status().getSeverity() != IStatus.CANCEL) {
            update(state(id).failed(now, report.status().getMessage(), connected));
            if (wasManual) {
                for (Listener l : listeners) {
                    l.manualSyncFailed(id, report.status());
                }
            }
        } else {
            update(state(id).withSyncing(false).withConnected(connected));
        }
        List<org.namdrunner.core.model.Job> finished = new ArrayList<>();
        for (String jobId : report.changed()) {
            try {
                backend.store().find(jobId).filter(j -> j.status().isTerminal()).ifPresent(finished::add);
            } catch (StoreException e) {
                ILog.of(getClass()).log(e.getStatus());
            }
        }
        if (!finished.isEmpty()) {
            finished.forEach(j -> backend.progress().remove(j.id()));
            for (Listener l : listeners) {
                l.jobsFinished(finished);
            }
        }
        if (report.succeeded() && SyncPreferences.readProgress()) {
            readProgress(id, null);
        }
    }

    /** Reads what is new in the logs of the running jobs of a cluster whose session is open; never logs in for it. */
    private void readProgress(String profileId, IProgressMonitor monitor) {
        ClusterProfile profile = backend.profiles().find(profileId).orElse(null);
        if (profile == null) {
            return;
        }
        ClusterConnection c = backend.connections().connectionFor(profile).withoutLogin();
        if (!c.isConnected()) {
            return;
        }
        boolean changed = false;
        try {
            // summaries first: a cluster may have thousands of running jobs, and only the newest few logs are read
            List<JobSummary> running = backend.store().summaries(JobFilter.withStatus(Set.of(JobStatus.RUNNING)).onCluster(profileId));
            for (JobSummary summary : running.subList(0, Math.min(running.size(), MAX_LOGS_PER_SYNC))) {
                org.namdrunner.core.model.Job job = backend.store().find(summary.id()).orElse(null);
                if (job == null) {
                    continue;
                }
                JobType type = backend.jobTypes().find(job.jobTypeId()).orElse(null);
                if (type == null) {
                    continue;
                }
                try {
                    Optional<LogView> view = JobLogs.refresh(backend.progress(), c, job, type, false, false, monitor);
                    view.ifPresent(v -> backend.performance().record(job, v.summary()));
                    changed |= view.isPresent();
                } catch (ClusterException e) {
                    // no log yet (the job just started) or the file is unreadable: progress stays unknown
                }
            }
        } catch (StoreException e) {
            ILog.of(getClass()).log(e.getStatus());
        }
        if (changed) {
            for (Listener l : listeners) {
                l.progressChanged();
            }
        }
    }

    private void update(ClusterState s) {
        states.put(s.profileId(), s);
        for (Listener l : listeners) {
            l.clusterChanged(s);
        }
    }
}
