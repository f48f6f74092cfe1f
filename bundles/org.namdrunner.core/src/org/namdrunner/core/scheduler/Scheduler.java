package org.namdrunner.core.scheduler;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterException;

/**
 * A batch scheduler (SLURM) reached through a {@link ClusterConnection}. Every command carries the
 * profile's command prefix. Registered as an OSGi service by the scheduler bundle.
 */
public interface Scheduler {

    /** The batch script text for a job; pure, no I/O. Values are validated and quoted. */
    String renderScript(BatchScriptRequest request);

    /** The name of the script file the job's folder holds. */
    default String scriptFileName() {
        return "job.sbatch";
    }

    /**
     * Submits {@code scriptPath} with the working directory {@code workDir}, carrying {@code tag} as the job's
     * comment so that every later report can be checked against it ({@link JobIdentity}) and a submission whose
     * answer was lost can be found again ({@link #findByTag}).
     *
     * @param tag the job's tag; null only for a script that is not one of NAMDRunner's jobs (tests, checks)
     * @return the scheduler's job id
     * @throws ClusterException PERMANENT when the scheduler refused the job (message says why and what to
     *                          change), TRANSIENT when it could not be reached
     */
    String submit(ClusterConnection connection, String workDir, String scriptPath, JobTag tag, IProgressMonitor monitor)
            throws ClusterException;

    /**
     * Submits like {@link #submit(ClusterConnection, String, String, JobTag, IProgressMonitor)}, the job waiting until the
     * job {@code afterOk} has ended successfully; when that job fails the scheduler cancels this one (SLURM:
     * {@code --dependency=afterok:<id> --kill-on-invalid-dep=yes}). For the stages of a chain.
     *
     * @param afterOk the scheduler's id of the job this one waits for; null: no dependency
     */
    default String submit(ClusterConnection connection, String workDir, String scriptPath, JobTag tag, String afterOk,
            IProgressMonitor monitor) throws ClusterException {
        if (afterOk == null) {
            return submit(connection, workDir, scriptPath, tag, monitor);
        }
        throw ClusterException.permanent("This scheduler cannot make a job wait for another one; submit the stages one at a time.");
    }

    /** Submits a script without a tag; see {@link #submit(ClusterConnection, String, String, JobTag, IProgressMonitor)}. */
    default String submit(ClusterConnection connection, String workDir, String scriptPath, IProgressMonitor monitor)
            throws ClusterException {
        return submit(connection, workDir, scriptPath, null, monitor);
    }

    /**
     * The scheduler's jobs of this user that carry {@code identity}: its tag where the scheduler reports comments,
     * always its name and working directory; submitted after {@code submittedAfter} (for the accounting half). For a
     * submission whose answer never came back (session dropped, Cancel pressed during sbatch): was it queued, and
     * under which id? At most two commands (squeue for the controller's jobs, sacct for the finished ones); an
     * empty list means neither knows such a job.
     *
     * @throws ClusterException when the scheduler could not be asked
     */
    List<SchedulerJobState> findByTag(ClusterConnection connection, JobIdentity identity, Instant submittedAfter,
            IProgressMonitor monitor) throws ClusterException;

    /**
     * Asks for the state of many jobs with at most two commands: one squeue for all ids, one sacct for
     * exactly the ids squeue did not return.
     *
     * @throws ClusterException only when the scheduler could not be asked at all (unreachable, timeout)
     */
    QueryResult query(ClusterConnection connection, Collection<String> slurmIds, IProgressMonitor monitor)
            throws ClusterException;

    /**
     * The same query, with the jobs' working folders where known ({@code jobFolders}: SLURM id → folder): for the ids
     * the controller no longer lists, the record the job wrote there when it ended is read in the same commands and
     * reported where accounting cannot answer (no accounting, slurmdbd down); such a state has
     * {@link SchedulerJobState.Origin#JOB_RECORD}. A scheduler without job records answers as {@link #query} does.
     */
    default QueryResult query(ClusterConnection connection, Collection<String> slurmIds, Map<String, String> jobFolders,
            IProgressMonitor monitor) throws ClusterException {
        return query(connection, slurmIds, monitor);
    }

    /**
     * Cancels a job. A job that is already finishing or finished counts as success.
     */
    void cancel(ClusterConnection connection, String slurmId, IProgressMonitor monitor) throws ClusterException;
}
