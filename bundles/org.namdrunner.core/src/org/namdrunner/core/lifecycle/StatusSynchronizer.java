package org.namdrunner.core.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.StatusChange;
import org.namdrunner.core.model.StatusSource;
import org.namdrunner.core.scheduler.QueryResult;
import org.namdrunner.core.scheduler.Scheduler;
import org.namdrunner.core.scheduler.SchedulerJobState;
import org.namdrunner.core.store.BatchResult;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.core.store.JobStore;
import org.namdrunner.core.store.JobUpdate;
import org.namdrunner.core.store.StoreException;

/**
 * The sync rules: one batched query per cluster, never a terminal status without the scheduler's
 * evidence, missing jobs kept as they are (UNKNOWN only after a grace period), every change of a poll in
 * one transaction, nothing written for unchanged jobs.
 */
public final class StatusSynchronizer {

    /** Statuses whose jobs are asked about: handed to the scheduler and not finished. */
    static final Set<JobStatus> POLLED = Set.of(JobStatus.SUBMITTING, JobStatus.PENDING, JobStatus.RUNNING,
            JobStatus.SUSPENDED, JobStatus.UNKNOWN);

    private final JobStore store;
    private final Scheduler scheduler;
    private final SyncSettings settings;
    private final Clock clock;

    public StatusSynchronizer(JobStore store, Scheduler scheduler, SyncSettings settings, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.scheduler = Objects.requireNonNull(scheduler);
        this.settings = Objects.requireNonNull(settings);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Polls every active job of the connection's cluster. */
    public SyncReport syncCluster(ClusterConnection connection, IProgressMonitor monitor) throws StoreException {
        ClusterProfile profile = connection.profile();
        List<Job> jobs = store.list(JobFilter.withStatus(POLLED).onCluster(profile.id())).stream()
                .filter(j -> j.slurmId().isPresent()).toList();
        return sync(connection, jobs, monitor);
    }

    /** Polls the given jobs of the connection's cluster (still one batched query). */
    public SyncReport syncJobs(ClusterConnection connection, Collection<String> jobIds, IProgressMonitor monitor)
            throws StoreException {
        List<Job> jobs = new ArrayList<>();
        for (String id : jobIds) {
            store.find(id).filter(j -> j.clusterProfileId().equals(connection.profile().id()))
                    .filter(j -> POLLED.contains(j.status()) && j.slurmId().isPresent()).ifPresent(jobs::add);
        }
        return sync(connection, jobs, monitor);
    }

    private SyncReport sync(ClusterConnection connection, List<Job> jobs, IProgressMonitor monitor) throws StoreException {
        Instant started = clock.instant();
        String profileId = connection.profile().id();
        if (jobs.isEmpty()) {
            SyncHealth.recordSuccess(store, profileId, started);
            return new SyncReport(profileId, 0, List.of(), List.of(), List.of(), List.of(), List.of(), 0, Duration.ZERO, Status.OK_STATUS, null);
        }
        Map<String, Job> bySlurmId = new LinkedHashMap<>();
        jobs.forEach(j -> bySlurmId.put(j.slurmId().orElseThrow(), j));
        QueryResult result;
        try {
            result = scheduler.query(connection, bySlurmId.keySet(), monitor);
        } catch (ClusterException e) {
            SyncHealth.recordFailure(store, profileId, started, e.getMessage());
            return new SyncReport(profileId, jobs.size(), List.of(), List.of(), List.of(), List.of(), List.of(), 0,
                    Duration.between(started, clock.instant()), e.getStatus(), e.kind());
        }
        Instant now = clock.instant();
        List<JobUpdate> batch = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, Job> e : bySlurmId.entrySet()) {
            Job job = e.getValue();
            SchedulerJobState reported = result.states().get(e.getKey());
            if (reported != null) {
                StateEvidence.apply(job, reported, now).ifPresent(batch::add);
            } else {
                missing.add(job.id());
                missingUpdate(job, now).ifPresent(u -> {
                    batch.add(u);
                    if (u.change() != null) {
                        unknown.add(job.id());
                    }
                });
            }
        }
        BatchResult written = store.apply(batch);
        SyncHealth.recordSuccess(store, profileId, now);
        List<String> changed = batch.stream().filter(u -> u.change() != null).map(u -> u.job().id())
                .filter(written.written()::contains).collect(Collectors.toList());
        return new SyncReport(profileId, jobs.size(), changed, missing, unknown, written.conflicts(), result.problems(),
                result.commands(), Duration.between(started, clock.instant()), Status.OK_STATUS, null);
    }

    /** A job nobody reported: remember since when; after the grace period show it as UNKNOWN. */
    private Optional<JobUpdate> missingUpdate(Job job, Instant now) {
        Optional<Instant> since = job.missingSince();
        if (since.isEmpty()) {
            return Optional.of(JobUpdate.fieldsOnly(job.toBuilder().missingSince(now).updatedAt(now).build()));
        }
        if (job.status() == JobStatus.UNKNOWN || Duration.between(since.get(), now).compareTo(settings.missingGrace()) < 0) {
            return Optional.empty();
        }
        Job updated = job.toBuilder().status(JobStatus.UNKNOWN).updatedAt(now).build();
        StatusChange change = new StatusChange(job.id(), job.status(), JobStatus.UNKNOWN, now, StatusSource.LOCAL,
                "neither squeue nor sacct has reported SLURM job " + job.slurmId().orElse("?") + " since " + since.get()
                        + "; still checked on every sync");
        return Optional.of(JobUpdate.statusChange(updated, change));
    }
}
