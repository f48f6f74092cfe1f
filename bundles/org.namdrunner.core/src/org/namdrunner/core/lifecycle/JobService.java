package org.namdrunner.core.lifecycle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.google.gson.Gson;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterConnectionProvider;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.ClusterProfileRegistry;
import org.namdrunner.core.cluster.RemotePaths;
import org.namdrunner.core.jobtype.JobType;
import org.namdrunner.core.jobtype.JobTypeRegistry;
import org.namdrunner.core.model.ChainLink;
import org.namdrunner.core.model.ReplicaLink;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.scheduler.BatchScriptRequest;
import org.namdrunner.core.scheduler.Scheduler;
import org.namdrunner.core.store.JobStore;
import org.namdrunner.core.store.StoreException;
import org.namdrunner.core.validation.InputRules;

/**
 * What a person does with jobs: create, submit, sync, cancel, delete, fetch results, rediscover. Every
 * method may do network I/O and honours its progress monitor; none may run on the UI thread. A failure
 * never loses stored state: remote work comes first, the store is written when it has succeeded.
 */
public final class JobService {

    private final JobStore store;
    private final Scheduler scheduler;
    private final ClusterConnectionProvider connections;
    private final JobTypeRegistry jobTypes;
    private final ClusterProfileRegistry profiles;
    private final StatusSynchronizer synchronizer;
    private final Clock clock;
    private final JobChains chains;
    private final JobReplicas replicas;
    private final JobSubmission submission;

    public JobService(JobStore store, Scheduler scheduler, ClusterConnectionProvider connections, JobTypeRegistry jobTypes,
            ClusterProfileRegistry profiles, SyncSettings settings, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.scheduler = Objects.requireNonNull(scheduler);
        this.connections = Objects.requireNonNull(connections);
        this.jobTypes = Objects.requireNonNull(jobTypes);
        this.profiles = Objects.requireNonNull(profiles);
        this.clock = Objects.requireNonNull(clock);
        this.synchronizer = new StatusSynchronizer(store, scheduler, settings, clock);
        this.chains = new JobChains(this, store, scheduler, clock);
        this.replicas = new JobReplicas(this, store, clock);
        this.submission = new JobSubmission(store, scheduler, clock);
    }

    /** Chains of stages: create, submit, extend (see {@link JobChains}). */
    public JobChains chains() {
        return chains;
    }

    /** Sets of replicas: create, submit (see {@link JobReplicas}). */
    public JobReplicas replicas() {
        return replicas;
    }

    ClusterProfile profile(String profileId) {
        return profiles.require(profileId);
    }

    JobType jobType(String jobTypeId) {
        return jobTypes.require(jobTypeId);
    }

    ClusterConnection connection(ClusterProfile profile) {
        return connections.connectionFor(profile);
    }

    public JobStore store() {
        return store;
    }

    /** The files a job would get, without touching anything: for the wizard's review page. */
    public Map<String, String> preview(JobRequest request) {
        ClusterProfile profile = profiles.require(request.profileId());
        JobType type = jobTypes.require(request.jobTypeId());
        Job draft = draft(request, profile, type, "job_preview");
        return renderAll(draft, request.parameters(), profile, type);
    }

    /**
     * Validates the request, stages the job folder on the cluster (inputs, rendered files, batch script,
     * job_info.json) and stores the job as CREATED. On any failure the half-made remote folder is removed
     * and nothing is stored.
     */
    public Job create(JobRequest request, IProgressMonitor monitor) throws ClusterException, StoreException {
        return create(request, JobIds.next(clock.instant()), null, monitor);
    }

    /** {@link #create(JobRequest, IProgressMonitor)} under a given id, as a stage of a chain when {@code link} is given. */
    Job create(JobRequest request, String id, ChainLink link, IProgressMonitor monitor) throws ClusterException, StoreException {
        return create(request, id, link, null, monitor);
    }

    /** {@link #create(JobRequest, String, ChainLink, IProgressMonitor)} as the first replica of a set when {@code replica} is given. */
    Job create(JobRequest request, String id, ChainLink link, ReplicaLink replica, IProgressMonitor monitor)
            throws ClusterException, StoreException {
        SubMonitor sub = SubMonitor.convert(monitor, "Creating job " + request.name(), 10 + request.inputs().size() * 10);
        ClusterProfile profile = profiles.require(request.profileId());
        JobType type = jobTypes.require(request.jobTypeId());
        Job job = draft(request, profile, type, id).toBuilder().chain(link).replica(replica).build();
        Map<String, String> files = renderAll(job, request.parameters(), profile, type);

        ClusterConnection c = connections.connectionFor(profile);
        String projectDir = job.projectDir().orElseThrow();
        try {
            for (String folder : List.of(JobFolders.INPUTS, JobFolders.SCRIPTS, JobFolders.OUTPUTS)) {
                c.mkdirs(RemotePaths.join(projectDir, folder), sub.split(1));
            }
            for (Map.Entry<String, Path> in : request.inputs().entrySet()) {
                String target = RemotePaths.join(projectDir, JobFolders.INPUTS, in.getValue().getFileName().toString());
                c.upload(in.getValue(), target, sub.split(10));
            }
            for (Map.Entry<String, String> f : files.entrySet()) {
                c.writeFile(RemotePaths.join(projectDir, f.getKey()), f.getValue(), sub.split(1));
            }
            c.writeFile(RemotePaths.join(projectDir, JobFolders.JOB_INFO), JobInfoJson.write(job), sub.split(1));
        } catch (ClusterException | RuntimeException e) {
            RemoteFiles.removeQuietly(c, projectDir);
            throw e;
        }
        try {
            store.create(job);
        } catch (StoreException e) {
            RemoteFiles.removeQuietly(c, projectDir);
            throw e;
        }
        return job;
    }

    private Job draft(JobRequest request, ClusterProfile profile, JobType type, String id) {
        InputRules.checkJobName(request.name());
        type.validate(request.parameters());
        List<String> inputFiles = new ArrayList<>();
        for (JobType.InputFileSpec spec : type.inputFiles()) {
            Path local = request.inputs().get(spec.key());
            if (local == null) {
                if (spec.required()) {
                    throw new InvalidInputException(spec.key(), "The " + spec.label() + " file is missing.");
                }
                continue;
            }
            String fileName = local.getFileName().toString();
            InputRules.checkExtension(fileName, spec.extensions());
            if (!Files.isRegularFile(local)) {
                throw new InvalidInputException(spec.key(), "The " + spec.label() + " file " + local + " does not exist.");
            }
            inputFiles.add(JobFolders.INPUTS + "/" + fileName);
        }
        // inputs beyond the declared ones (e.g. NAMD's parameters.2, extra.1): checked by the type's validate
        for (Map.Entry<String, Path> in : request.inputs().entrySet()) {
            if (type.inputFiles().stream().noneMatch(s -> s.key().equals(in.getKey()))) {
                String fileName = InputRules.checkName(in.getKey(), "input file", in.getValue().getFileName().toString());
                if (!Files.isRegularFile(in.getValue())) {
                    throw new InvalidInputException(in.getKey(), "The input file " + in.getValue() + " does not exist.");
                }
                inputFiles.add(JobFolders.INPUTS + "/" + fileName);
            }
        }
        Map<String, String> params = new LinkedHashMap<>(request.parameters());
        request.inputs().forEach((key, path) -> params.put(key, path.getFileName().toString()));
        Instant now = clock.instant();
        return Job.builder().id(id).name(request.name()).jobTypeId(type.id()).clusterProfileId(profile.id())
                .createdAt(now).resources(request.resources()).typeParameters(new Gson().toJson(params))
                .projectDir(profile.projectDirFor(id)).scratchDir(profile.scratchDirFor(id)).inputFiles(inputFiles).build();
    }

    Map<String, String> renderAll(Job job, Map<String, String> parameters, ClusterProfile profile, JobType type) {
        return renderAll(job, parameters, profile, type, "");
    }

    /** The job's files; {@code prelude} (shell, already quoted) runs in the batch script before the type's body. */
    Map<String, String> renderAll(Job job, Map<String, String> parameters, ClusterProfile profile, JobType type, String prelude) {
        Map<String, String> params = new LinkedHashMap<>(parameters);
        params.putAll(TypeParameters.read(job.typeParameters()));
        Map<String, String> files = new LinkedHashMap<>();
        type.renderFiles(job, params, profile).forEach((path, content) -> files.put(InputRules.checkRelativePath(path), content));
        String body = prelude + type.renderBatchBody(job, params, profile);
        // the job copies its own results at its end, so no trajectory is copied on the login node afterwards
        String script = scheduler.renderScript(new BatchScriptRequest(job.name(), job.resources(), profile,
                job.scratchDir().orElseThrow(), body, RemotePaths.join(job.projectDir().orElseThrow(), JobFolders.OUTPUTS),
                ResultCollector.declaredResults(type, job)));
        files.put(JobFolders.SCRIPTS + "/" + scheduler.scriptFileName(), script);
        return files;
    }

    /**
     * Continues a job that ran out of walltime (TIMEOUT): creates a new job, {@code <name>_contN} unless the request
     * names it, that starts from the restart files the old job wrote (copied on the cluster) with the steps that are
     * left, as the job type plans it ({@link org.namdrunner.core.jobtype.ContinuableJobType}). The new job is CREATED;
     * submit it as any other. Refuses, naming the reason, a job that is not TIMEOUT, a type that cannot continue and
     * a job without (complete) restart files; then nothing is created.
     */
    public Job continueJob(ContinuationRequest request, IProgressMonitor monitor) throws ClusterException, StoreException {
        Job old = require(request.jobId());
        JobType type = jobTypes.require(old.jobTypeId());
        ClusterProfile profile = profiles.require(old.clusterProfileId());
        if (old.status() != JobStatus.TIMEOUT) {
            throw new InvalidInputException("status", "Job " + old.name() + " is " + old.status().label()
                    + "; only a job that ran out of walltime (TIMEOUT) can be continued from its restart files.");
        }
        return new JobContinuation(this, store, clock).run(old, type, profile, connections.connectionFor(profile), request, monitor);
    }

    /**
     * Copies the job folder to scratch and runs sbatch there. The job goes CREATED → SUBMITTING → PENDING.
     * When sbatch refuses the job (or the copy fails), it goes back to CREATED with the reason stored and the
     * scratch copy removed. When the cluster stops answering during sbatch, the job may or may not be
     * queued: it stays SUBMITTING with a note, its scratch copy is kept, and Submit may be tried again.
     */
    public Job submit(String jobId, IProgressMonitor monitor) throws ClusterException, StoreException {
        return submit(jobId, null, monitor);
    }

    /** {@link #submit(String, IProgressMonitor)}, the job waiting for SLURM job {@code afterOk} to succeed (null: for none). */
    Job submit(String jobId, String afterOk, IProgressMonitor monitor) throws ClusterException, StoreException {
        Job job = require(jobId);
        boolean retry = job.status() == JobStatus.SUBMITTING && job.slurmId().isEmpty();
        if (job.status() != JobStatus.CREATED && !retry) {
            throw new InvalidInputException("status", "Job " + job.name() + " is " + job.status().label()
                    + "; only a job that has not been submitted can be submitted.");
        }
        ClusterConnection c = connections.connectionFor(profiles.require(job.clusterProfileId()));
        return submission.submit(c, job, retry, afterOk, monitor);
    }

    /** Polls the jobs of one cluster, then collects the results of jobs that finished in this poll. */
    public SyncReport sync(String profileId, IProgressMonitor monitor) throws StoreException {
        return syncOn(connections.connectionFor(profiles.require(profileId)), monitor);
    }

    /**
     * {@link #sync} for work nobody asked for (an automatic poll): on the cluster's open session only, never logging
     * in, so the poll and the result collection it starts fail with
     * {@link org.namdrunner.core.cluster.NotConnectedException}'s words when the session is gone.
     */
    public SyncReport syncInBackground(String profileId, IProgressMonitor monitor) throws StoreException {
        return syncOn(connections.connectionFor(profiles.require(profileId)).withoutLogin(), monitor);
    }

    private SyncReport syncOn(ClusterConnection c, IProgressMonitor monitor) throws StoreException {
        SyncReport report = synchronizer.syncCluster(c, monitor);
        collectFinished(c, report, monitor);
        chains.afterSync(c.profile().id(), c, report, monitor);
        return report;
    }

    /** Polls some jobs of one cluster (one batched query), then collects results of finished ones. */
    public SyncReport syncJobs(String profileId, List<String> jobIds, IProgressMonitor monitor) throws StoreException {
        ClusterConnection c = connections.connectionFor(profiles.require(profileId));
        SyncReport report = synchronizer.syncJobs(c, jobIds, monitor);
        collectFinished(c, report, monitor);
        chains.afterSync(profileId, c, report, monitor);
        return report;
    }

    private void collectFinished(ClusterConnection c, SyncReport report, IProgressMonitor monitor) throws StoreException {
        for (String id : report.changed()) {
            Job job = store.find(id).orElse(null);
            if (job != null && job.status().isTerminal()) {
                ResultCollector.collect(store, c, jobTypes.find(job.jobTypeId()).orElse(null), job, clock, monitor);
            }
        }
    }

    /**
     * Asks SLURM to cancel the job. The status becomes CANCELLED only when a later sync sees SLURM confirm
     * it; this method syncs the job once right away.
     */
    public SyncReport cancel(String jobId, IProgressMonitor monitor) throws ClusterException, StoreException {
        Job job = require(jobId);
        if (!job.status().isActive() || job.slurmId().isEmpty()) {
            throw new InvalidInputException("status", "Job " + job.name() + " is " + job.status().label() + " and cannot be cancelled.");
        }
        ClusterConnection c = connections.connectionFor(profiles.require(job.clusterProfileId()));
        scheduler.cancel(c, job.slurmId().get(), monitor);
        return syncJobs(job.clusterProfileId(), List.of(jobId), monitor);
    }

    /**
     * Cancels the job if it is still active, removes the job's own folders on the cluster (the ones stored with it,
     * never ones recomputed from the profile as it is now, which may have another root or user since), then removes
     * it and its history from the store. When a folder cannot be removed (e.g. the profile now logs in as another
     * user), it throws saying which and why, and the job stays in the store, so its data is never orphaned.
     */
    public void delete(String jobId, IProgressMonitor monitor) throws ClusterException, StoreException {
        Job job = require(jobId);
        ClusterProfile profile = profiles.require(job.clusterProfileId());
        ClusterConnection c = connections.connectionFor(profile);
        if (job.status().isActive() && job.slurmId().isPresent()) {
            scheduler.cancel(c, job.slurmId().get(), monitor);
        }
        for (String dir : storedFolders(job)) {
            try {
                c.removeTree(dir, dir, monitor);
            } catch (ClusterException e) {
                throw new ClusterException(e.kind(), "Job " + job.name() + " was not deleted: its folder " + dir
                        + " could not be removed as " + profile.user() + "@" + profile.host() + " (" + e.getMessage()
                        + "). If the profile's user or folders were changed after the job was made, remove the folder "
                        + "as its owner, or change the profile back, then delete again.", e);
            }
        }
        store.delete(jobId);
    }

    /** The job's own project and scratch folders as stored with it (the store only keeps ones ending in /namdrunner_jobs/&lt;id&gt;). */
    public static List<String> storedFolders(Job job) {
        List<String> dirs = new ArrayList<>();
        job.projectDir().ifPresent(dirs::add);
        job.scratchDir().ifPresent(dirs::add);
        return dirs;
    }

    /** Downloads the job's outputs folder into {@code localDir}/&lt;job name&gt;. */
    public Path fetchResults(String jobId, Path localDir, IProgressMonitor monitor) throws ClusterException, StoreException {
        Job job = require(jobId);
        ClusterConnection c = connections.connectionFor(profiles.require(job.clusterProfileId()));
        Path target = localDir.resolve(job.name());
        c.download(RemotePaths.join(job.projectDir().orElseThrow(), JobFolders.OUTPUTS), target, monitor);
        return target;
    }

    /**
     * Finds job_info.json files under the profile's project root and imports the jobs the store does not
     * have, then syncs them. Files that cannot be read are reported, never imported half.
     */
    public RediscoveryReport rediscover(String profileId, IProgressMonitor monitor) throws ClusterException, StoreException {
        return Rediscovery.run(store, connections.connectionFor(profiles.require(profileId)), clock, monitor,
                () -> sync(profileId, monitor));
    }

    private Job require(String jobId) throws StoreException {
        return store.find(jobId).orElseThrow(() -> new InvalidInputException("id", "There is no job " + jobId + "."));
    }
}
