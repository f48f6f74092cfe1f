package org.namdrunner.core.lifecycle;

import java.time.Duration;
import java.time.Instant;

import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.scheduler.SchedulerJobState;

/**
 * On a site that requeues preempted jobs, PREEMPTED is a pause, not an end: SLURM shows the job PREEMPTED and then
 * puts it back into the queue. For the profile's
 * {@link org.namdrunner.core.cluster.ClusterProfile#preemptionRequeue()} after SLURM's preemption time the report is
 * kept as the raw state and reason only (the job keeps its status and is polled on); after that PREEMPTED counts.
 */
final class PreemptionHold {

    private PreemptionHold() {
    }

    static SchedulerJobState apply(SchedulerJobState reported, JobStatus stored, Duration window, Instant now) {
        if (reported.status() != JobStatus.PREEMPTED || window.isZero() || stored.isTerminal()) {
            return reported;
        }
        Instant at = reported.end() != null ? reported.end() : now;
        if (!now.isBefore(at.plus(window))) {
            return reported;   // not requeued in time: the preemption ended the job
        }
        String reason = "preempted at " + at + "; this cluster requeues preempted jobs, so it is watched until "
                + at.plus(window) + " before it counts as final";
        return new SchedulerJobState(reported.slurmId(), stored, reported.rawState(), reason, reported.exitCode(),
                reported.submitted(), null, null, reported.elapsed(), reported.timeLeft(), reported.nodes(), reported.cpus(),
                reported.nodeList(), reported.workDir(), reported.jobName(), reported.comment(), reported.origin());
    }
}
