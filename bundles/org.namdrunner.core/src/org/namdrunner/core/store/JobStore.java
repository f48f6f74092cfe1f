package org.namdrunner.core.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.StatusChange;

/**
 * Where jobs and their status history live. Implementations are OSGi services; every write is one
 * transaction, and history is append-only.
 */
public interface JobStore {

    /**
     * Stores a new job together with its first history entry ({@link StatusChange#created}).
     *
     * @throws StoreException if a job with that id exists or the store cannot write
     */
    void create(Job job) throws StoreException;

    /**
     * Replaces the stored fields of an existing job without touching its status or history. Use
     * {@link #apply(List)} to change a status.
     *
     * @throws StoreException if the job does not exist, its stored status differs from {@code job.status()}
     *                        (someone else moved it meanwhile), or the store cannot write
     */
    void update(Job job) throws StoreException;

    Optional<Job> find(String id) throws StoreException;

    /** Jobs matching the filter, newest first. */
    List<Job> list(JobFilter filter) throws StoreException;

    /**
     * What a list of jobs shows ({@link JobSummary}) of the jobs matching the filter, in the order of {@link #list}:
     * for holding many jobs at once. Implementations should read only these fields; this default reads whole jobs.
     */
    default List<JobSummary> summaries(JobFilter filter) throws StoreException {
        return list(filter).stream().map(JobSummary::of).toList();
    }

    /**
     * The summaries of these jobs, in the order of {@link #list}; an id with no job is left out (it was deleted). A list
     * that holds many jobs reads only what one write changed ({@link JobStoreListener}). This default reads each job.
     */
    default List<JobSummary> summariesOf(Collection<String> ids) throws StoreException {
        List<Job> found = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            find(id).ifPresent(found::add);
        }
        found.sort(Comparator.comparing(Job::createdAt).reversed().thenComparing(Job::id));
        return found.stream().map(JobSummary::of).toList();
    }

    /** The replicas of one set ({@link Job#replica()}) in order, without the rest of the database. This default lists every job. */
    default List<Job> replicaSet(String setId) throws StoreException {
        List<Job> out = new ArrayList<>();
        for (Job j : list(JobFilter.all())) {
            if (j.replica().isPresent() && j.replica().get().setId().equals(setId)) {
                out.add(j);
            }
        }
        out.sort(Comparator.comparingInt(j -> j.replica().get().index()));
        return out;
    }

    /**
     * The stages of one chain ({@link Job#chain()}), in stage order: what a sync's chain follow-up reads, without the
     * rest of a database that may hold 100,000 jobs. This default lists every job.
     */
    default List<Job> chainStages(String chainId) throws StoreException {
        List<Job> out = new ArrayList<>();
        for (Job j : list(JobFilter.all())) {
            if (j.chain().isPresent() && j.chain().get().chainId().equals(chainId)) {
                out.add(j);
            }
        }
        out.sort(Comparator.comparingInt(j -> j.chain().get().stage()));
        return out;
    }

    /**
     * The clusters that have a job with a SLURM id in one of these statuses: which clusters a sync must visit, without
     * reading the jobs. This default reads the summaries.
     */
    default Set<String> clustersWithSubmittedJobs(Set<JobStatus> statuses) throws StoreException {
        Set<String> ids = new TreeSet<>();
        for (JobSummary j : summaries(JobFilter.withStatus(statuses))) {
            if (j.slurmId() != null) {
                ids.add(j.clusterProfileId());
            }
        }
        return ids;
    }

    /**
     * What a status sync compares: the {@link PolledJob} fields of the jobs of one cluster that have a SLURM id and
     * one of the given statuses, newest first (the order of {@link #list}). Implementations should read only these
     * fields; this default reads whole jobs.
     */
    default List<PolledJob> polledJobs(String clusterProfileId, Set<JobStatus> statuses) throws StoreException {
        return list(JobFilter.withStatus(statuses).onCluster(clusterProfileId)).stream()
                .filter(j -> j.slurmId().isPresent()).map(PolledJob::of).toList();
    }

    /** A job's status history, oldest first. */
    List<StatusChange> history(String jobId) throws StoreException;

    /**
     * Applies a batch of updates in ONE transaction: each job row is rewritten and, where its status
     * changed, one history row appended. An update whose job was changed by someone else since it was read
     * (its stored status is not {@code change.from()}) is skipped and reported in the result; an update
     * identical to what is stored writes nothing.
     *
     * @return what was written and what was skipped
     */
    BatchResult apply(List<JobUpdate> updates) throws StoreException;

    /** Removes a job and its history. Returns false if there was no such job. */
    boolean delete(String id) throws StoreException;

    /** Small key/value settings kept beside the jobs (e.g. the last successful sync of a cluster). */
    Optional<String> metadata(String key) throws StoreException;

    void putMetadata(String key, String value) throws StoreException;

    void addListener(JobStoreListener listener);

    void removeListener(JobStoreListener listener);
}
