package org.namdrunner.slurm;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.eclipse.core.runtime.IProgressMonitor;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ExecResult;
import org.namdrunner.core.scheduler.BatchScriptRequest;
import org.namdrunner.core.scheduler.JobIdentity;
import org.namdrunner.core.scheduler.JobTag;
import org.namdrunner.core.scheduler.SchedulerJobState;
import org.namdrunner.core.scheduler.QueryResult;
import org.namdrunner.core.scheduler.Scheduler;
import org.namdrunner.core.validation.InputRules;
import org.namdrunner.slurm.internal.BatchScriptRenderer;
import org.namdrunner.slurm.internal.SlurmCommands;
import org.namdrunner.slurm.internal.SlurmFailures;
import org.namdrunner.slurm.internal.SlurmJobIds;
import org.namdrunner.slurm.internal.StatusQuery;
import org.namdrunner.slurm.internal.SubmitOutput;
import org.namdrunner.slurm.internal.TagSearch;

/**
 * SLURM over any {@link ClusterConnection}: renders sbatch scripts, submits, asks for the state of many jobs
 * with at most two commands, cancels. Registered as the {@link Scheduler} service (OSGI-INF/slurmScheduler.xml).
 * <p>
 * squeue and sacct run with {@code SLURM_TIME_FORMAT=%s}, so times arrive as epoch seconds and need no zone.
 * {@code clusterZone} only reads local times a cluster prints despite that (older SLURM, captured fixtures);
 * see docs/slurm.md.
 */
public final class SlurmScheduler implements Scheduler {

    private static final Duration SUBMIT_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration CANCEL_TIMEOUT = Duration.ofMinutes(1);

    private final ZoneId clusterZone;

    /** For the service runtime: cluster times are read in the JVM's default zone. */
    public SlurmScheduler() {
        this(ZoneId.systemDefault());
    }

    public SlurmScheduler(ZoneId clusterZone) {
        this.clusterZone = Objects.requireNonNull(clusterZone, "clusterZone");
    }

    @Override
    public String renderScript(BatchScriptRequest request) {
        return BatchScriptRenderer.render(request);
    }

    @Override
    public String submit(ClusterConnection connection, String workDir, String scriptPath, JobTag tag, IProgressMonitor monitor)
            throws ClusterException {
        return submit(connection, workDir, scriptPath, tag, null, monitor);
    }

    @Override
    public String submit(ClusterConnection connection, String workDir, String scriptPath, JobTag tag, String afterOk,
            IProgressMonitor monitor) throws ClusterException {
        if (afterOk != null && !SlurmJobIds.isJobId(afterOk)) {
            throw ClusterException.permanent("'" + InputRules.printable(afterOk) + "' is not a SLURM job id to wait for.");
        }
        String command = new SlurmCommands(connection.profile()).sbatchCommand(workDir, scriptPath, tag, afterOk);
        ExecResult result = connection.execWithPrefix(command, SUBMIT_TIMEOUT, monitor);
        if (!result.succeeded()) {
            throw SlurmFailures.submitRefused(result, connection.profile(), scriptPath);
        }
        return SubmitOutput.jobId(result.stdout()).orElseThrow(() -> SlurmFailures.submitWithoutId(result));
    }

    @Override
    public QueryResult query(ClusterConnection connection, Collection<String> slurmIds, IProgressMonitor monitor)
            throws ClusterException {
        return new StatusQuery(connection, clusterZone).run(slurmIds, monitor);
    }

    @Override
    public QueryResult query(ClusterConnection connection, Collection<String> slurmIds, Map<String, String> jobFolders,
            IProgressMonitor monitor) throws ClusterException {
        return new StatusQuery(connection, clusterZone).run(slurmIds, jobFolders, monitor);
    }

    @Override
    public List<SchedulerJobState> findByTag(ClusterConnection connection, JobIdentity identity, Instant submittedAfter,
            IProgressMonitor monitor) throws ClusterException {
        return new TagSearch(connection, clusterZone).run(identity, submittedAfter, monitor);
    }

    @Override
    public void cancel(ClusterConnection connection, String slurmId, IProgressMonitor monitor) throws ClusterException {
        if (!SlurmJobIds.isJobId(slurmId)) {
            throw ClusterException.permanent("'" + InputRules.printable(String.valueOf(slurmId)) + "' is not a SLURM job id, so there is nothing to cancel.");
        }
        ExecResult result = connection.execWithPrefix(new SlurmCommands(connection.profile()).scancelCommand(slurmId),
                CANCEL_TIMEOUT, monitor);
        if (!result.succeeded()) {
            ClusterException refused = SlurmFailures.cancelRefused(result, connection.profile(), slurmId);
            if (refused != null) {
                throw refused;
            }
        }
    }
}
