package org.namdrunner.core.store;

import java.util.List;
import java.util.Optional;
import java.util.Set;

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
