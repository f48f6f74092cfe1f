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
import org.namdrunner.core.model.JobUsage;
import org.namdrunner.core.model.StatusChange;
import org.namdrunner.core.model.StatusSource;
import org.namdrunner.core.scheduler.QueryResult;
import org.namdrunner.core.scheduler.Scheduler;
import org.namdrunner.core.scheduler.SchedulerJobState;
import org.namdrunner.core.store.BatchResult;
import org.namdrunner.core.store.JobStore;
import org.namdrunner.core.store.JobUpdate;
import org.namdrunner.core.store.PolledJob;
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

    /**
     * Polls every active job of the connection's cluster. Only the fields a sync compares are read for all of them
     * ({@link JobStore#polledJobs}); whole jobs are read only for the reports that change something.
     */
    public SyncReport syncCluster(ClusterConnection connection, IProgressMonitor monitor) throws StoreException {
        ClusterProfile profile = connection.profile();
        return sync(connection, store.polledJobs(profile.id(), POLLED), store::find, monitor);
    }

    /** Polls the given jobs of the connection's cluster (still one batched query). */
    public SyncReport syncJobs(ClusterConnection connection, Collection<String> jobIds, IProgressMonitor monitor)
            throws StoreException {
        Map<String, Job> jobs = new LinkedHashMap<>();
        for (String id : jobIds) {
            store.find(id).filter(j -> j.clusterProfileId().equals(connection.profile().id()))
                    .filter(j -> POLLED.contains(j.status()) && j.slurmId().isPresent()).ifPresent(j -> jobs.put(j.id(), j));
        }
        return sync(connection, jobs.values().stream().map(PolledJob::of).toList(), id -> Optional.ofNullable(jobs.get(id)), monitor);
    }

    /** Where the whole job comes from once a report is known to change it. */
    private interface WholeJobs {
        Optional<Job> find(String id) throws StoreException;
    }

    private SyncReport sync(ClusterConnection connection, List<PolledJob> jobs, WholeJobs wholeJobs, IProgressMonitor monitor)
            throws StoreException {
        Instant started = clock.instant();
        String profileId = connection.profile().id();
        if (jobs.isEmpty()) {
            SyncHealth.recordSuccess(store, profileId, started);
            return new SyncReport(profileId, 0, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), 0, Duration.ZERO, Status.OK_STATUS, null);
        }
        Map<String, PolledJob> bySlurmId = new LinkedHashMap<>();
        jobs.forEach(j -> bySlurmId.put(j.slurmId(), j));
        QueryResult result;
        try {
            Map<String, String> folders = new LinkedHashMap<>();
            jobs.stream().filter(j -> j.scratchDir() != null).forEach(j -> folders.put(j.slurmId(), j.scratchDir()));
            result = scheduler.query(connection, bySlurmId.keySet(), folders, monitor);
        } catch (ClusterException e) {
            SyncHealth.recordFailure(store, profileId, started, e.getMessage());
            return new SyncReport(profileId, jobs.size(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(String.valueOf(e.getMessage())), 0,
                    Duration.between(started, clock.instant()), e.getStatus(), e.kind());
        }
        Instant now = clock.instant();
        List<JobUpdate> batch = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        List<String> flagged = new ArrayList<>();
        List<String> problems = new ArrayList<>(result.problems());
        for (Map.Entry<String, PolledJob> e : bySlurmId.entrySet()) {
            PolledJob polled = e.getValue();
            SchedulerJobState reported = result.states().get(e.getKey());
            if (reported != null) {
                reported = PreemptionHold.apply(reported, polled.status(), connection.profile().preemptionRequeue(), now);
            }
            if (reported == null) {
                missing.add(polled.id());
            }
            List<String> mismatches = reported == null || polled.identity() == null ? List.of() : polled.identity().mismatches(reported);
            if (!mismatches.isEmpty()) {
                String note = IdentityNote.text(polled, reported, mismatches);
                flagged.add(polled.id());
                problems.add(note);
                Optional<Job> whole = wholeJobs.find(polled.id());
                if (whole.isPresent() && samePoll(whole.get(), polled)) {
                    IdentityNote.update(whole.get(), note, now).ifPresent(batch::add);
                }
                continue;   // someone else's job: it never moves ours
            }
            boolean changes = reported != null ? StateEvidence.changes(polled, reported) : missingChanges(polled, now);
            if (!changes) {
                continue;   // the common case: nothing to write, and the whole job is never read
            }
            Optional<Job> whole = wholeJobs.find(polled.id());
            if (whole.isEmpty() || !samePoll(whole.get(), polled)) {
                conflicts.add(polled.id());   // deleted or moved on since it was read, as apply() would report it
                continue;
            }
            Job job = whole.get();
            if (reported != null) {
                StateEvidence.apply(job, reported, now).map(u -> withUsage(u, result.usage().get(e.getKey()))).ifPresent(batch::add);
            } else {
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
        conflicts.addAll(written.conflicts());
        return new SyncReport(profileId, jobs.size(), changed, missing, unknown, conflicts, flagged, problems,
                result.commands(), Duration.between(started, clock.instant()), Status.OK_STATUS, null);
    }

    /** A job that finished in this update carries what it used, when the same query's sacct reported it. */
    private static JobUpdate withUsage(JobUpdate update, JobUsage usage) {
        if (usage == null || !update.job().status().isTerminal()) {
            return update;
        }
        return new JobUpdate(update.job().toBuilder().usage(usage).build(), update.expectedStatus(), update.changes());
    }

    /** The whole job read after the poll is still the job that was asked about: same status and SLURM id. */
    private static boolean samePoll(Job job, PolledJob polled) {
        return job.status() == polled.status() && polled.slurmId().equals(job.slurmId().orElse(null));
    }

    /** Whether {@link #missingUpdate} has something to write for a job nobody reported. */
    private boolean missingChanges(PolledJob job, Instant now) {
        return job.missingSince() == null || job.status() != JobStatus.UNKNOWN
                && Duration.between(job.missingSince(), now).compareTo(settings.missingGrace()) >= 0;
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
