package org.namdrunner.core.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.scheduler.JobIdentity;
import org.namdrunner.core.scheduler.Scheduler;
import org.namdrunner.core.scheduler.SchedulerJobState;

/**
 * A submission whose answer never came back (the session dropped after sbatch was sent, a timeout, Cancel pressed
 * while sbatch ran): SLURM may have queued the job. Before the job is submitted again or given up, SLURM is asked for
 * a job carrying its tag ({@code --comment=namdrunner:<job id>}, name and scratch folder), so one job never runs twice
 * in its scratch folder.
 */
final class UncertainSubmission {

    /** sacct is asked from a little before the job was created: the cluster's clock may differ from ours. */
    private static final Duration CLOCK_SLACK = Duration.ofHours(1);

    private UncertainSubmission() {
    }

    /**
     * The SLURM job that carries this job's tag, the newest when there are several; empty when neither squeue nor
     * sacct knows one. Asked with a monitor of its own: the person's may be the one that was cancelled.
     *
     * @throws ClusterException when SLURM cannot be asked; then nobody knows, and the job must stay SUBMITTING
     */
    static Optional<SchedulerJobState> find(Scheduler scheduler, ClusterConnection c, Job job) throws ClusterException {
        JobIdentity identity = JobIdentity.of(job);
        if (identity == null) {
            return Optional.empty();
        }
        Instant since = job.createdAt().minus(CLOCK_SLACK);
        List<SchedulerJobState> found = scheduler.findByTag(c, identity, since, new NullProgressMonitor());
        return found.stream().max(Comparator.comparingLong(UncertainSubmission::numericId));
    }

    private static long numericId(SchedulerJobState s) {
        String digits = s.slurmId().split("[^0-9]", 2)[0];
        return digits.isEmpty() ? -1 : Long.parseLong(digits);
    }
}
