package org.namdrunner.core.lifecycle;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.google.gson.Gson;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.jobtype.JobType;
import org.namdrunner.core.jobtype.ReplicableJobType;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.ReplicaLink;
import org.namdrunner.core.store.JobStore;
import org.namdrunner.core.store.StoreException;

/**
 * Sets of replicas (docs/lifecycle.md, "Replicas"): N copies of one job, each its own SLURM job with its own seed and
 * folder, made at once and submitted at once with no dependency between them. Each is synced, collected, continued and
 * deleted like any job; the same one squeue per cluster follows them all.
 */
public final class JobReplicas {

    private final JobService service;
    private final JobStore store;
    private final Clock clock;

    JobReplicas(JobService service, JobStore store, Clock clock) {
        this.service = service;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Creates every replica as a CREATED job: the inputs are uploaded once into the first replica's folder and copied on
     * the cluster into the others'; each replica's files are rendered with its own seed. On any failure every folder made
     * is removed and nothing is stored.
     *
     * @return the replicas in order
     */
    public List<Job> create(ReplicaRequest request, IProgressMonitor monitor) throws ClusterException, StoreException {
        SubMonitor sub = SubMonitor.convert(monitor, "Creating " + request.count() + " replicas of " + request.job().name(),
                request.count() * 10);
        JobRequest base = request.job();
        ClusterProfile profile = service.profile(base.profileId());
        JobType type = service.jobType(base.jobTypeId());
        if (!(type instanceof ReplicableJobType replicable)) {
            throw new InvalidInputException(ReplicableJobType.REPLICAS, "Jobs of type " + type.name() + " cannot run as replicas.");
        }
        List<Map<String, String>> params = new ArrayList<>();
        for (int k = 1; k <= request.count(); k++) {
            request.replicaName(k);
            Map<String, String> p = replicable.replica(base.parameters(), k, request.seed(k));
            type.validate(p);
            params.add(p);
        }
        String setId = JobIds.next(clock.instant());
        JobRequest firstRequest = new JobRequest(request.replicaName(1), type.id(), profile.id(), base.resources(), params.get(0),
                base.inputs());
        Job first = service.create(firstRequest, setId, null, new ReplicaLink(setId, 1, request.count()), sub.split(10));
        List<Job> made = new ArrayList<>(List.of(first));
        ClusterConnection c = service.connection(profile);
        try {
            Map<String, String> inputNames = new LinkedHashMap<>();
            base.inputs().forEach((key, path) -> inputNames.put(key, path.getFileName().toString()));
            for (int k = 2; k <= request.count(); k++) {
                Map<String, String> p = new LinkedHashMap<>(params.get(k - 1));
                p.putAll(inputNames);
                String id = JobIds.next(clock.instant());
                Job job = Job.builder().id(id).name(request.replicaName(k)).jobTypeId(type.id()).clusterProfileId(profile.id())
                        .createdAt(clock.instant()).resources(base.resources()).typeParameters(new Gson().toJson(p))
                        .projectDir(profile.projectDirFor(id)).scratchDir(profile.scratchDirFor(id)).inputFiles(first.inputFiles())
                        .replica(new ReplicaLink(setId, k, request.count())).build();
                Map<String, String> files = service.renderAll(job, p, profile, type);
                made.add(job);
                SiblingJobs.makeFolder(c, first, job, files, sub);
                store.create(job);
            }
        } catch (ClusterException | StoreException | RuntimeException e) {
            SiblingJobs.undo(store, c, made);
            throw e;
        }
        return List.copyOf(made);
    }

    /**
     * Submits every replica not yet submitted, each on its own. Stops (throwing) at the first that cannot be submitted:
     * the later ones stay CREATED and a second call goes on from there.
     *
     * @return the replicas in order, as they are now
     */
    public List<Job> submit(String setId, IProgressMonitor monitor) throws ClusterException, StoreException {
        List<Job> replicas = members(setId);
        if (replicas.isEmpty()) {
            throw new InvalidInputException("replicaSet", "There is no replica set " + setId + ".");
        }
        SubMonitor sub = SubMonitor.convert(monitor, "Submitting " + replicas.size() + " replicas", replicas.size());
        List<Job> out = new ArrayList<>();
        for (Job r : replicas) {
            boolean notYet = r.status() == JobStatus.CREATED || (r.status() == JobStatus.SUBMITTING && r.slurmId().isEmpty());
            out.add(notYet ? service.submit(r.id(), null, sub.split(1)) : r);
        }
        return out;
    }

    /** The replicas of a set in order, as stored. */
    public List<Job> members(String setId) throws StoreException {
        Objects.requireNonNull(setId, "setId");
        return store.replicaSet(setId);
    }
}
