package org.namdrunner.core.scheduler;

import java.util.Collection;

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
     * Submits {@code scriptPath} with the working directory {@code workDir}.
     *
     * @return the scheduler's job id
     * @throws ClusterException PERMANENT when the scheduler refused the job (message says why and what to
     *                          change), TRANSIENT when it could not be reached
     */
    String submit(ClusterConnection connection, String workDir, String scriptPath, IProgressMonitor monitor)
            throws ClusterException;

    /**
     * Asks for the state of many jobs with at most two commands: one squeue for all ids, one sacct for
     * exactly the ids squeue did not return.
     *
     * @throws ClusterException only when the scheduler could not be asked at all (unreachable, timeout)
     */
    QueryResult query(ClusterConnection connection, Collection<String> slurmIds, IProgressMonitor monitor)
            throws ClusterException;

    /**
     * Cancels a job. A job that is already finishing or finished counts as success.
     */
    void cancel(ClusterConnection connection, String slurmId, IProgressMonitor monitor) throws ClusterException;
}
