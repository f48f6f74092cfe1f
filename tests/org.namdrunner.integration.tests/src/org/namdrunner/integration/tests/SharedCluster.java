package org.namdrunner.integration.tests;

import java.time.Duration;
import java.time.Instant;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.lifecycle.JobService;
import org.namdrunner.core.model.Job;
import org.namdrunner.testing.SlurmController;

/**
 * The test cluster is shared: other tests (ClusterOutageTest, JobLifecycleTest, in other engineers' runs too) stop
 * slurmctld for ~20 s now and then. A test that needs SLURM for its set-up, not for what it checks, tries a refused
 * TRANSIENT step again once squeue answers — what a person does after "could not be reached" (sbatch never got through,
 * so the job is not queued twice; JobService allows submitting a SUBMITTING job without SLURM id again).
 */
final class SharedCluster {

    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private SharedCluster() {
    }

    /** Something that talks to SLURM. */
    @FunctionalInterface
    interface Step<T> {
        T run() throws Exception;
    }

    /** Runs the step; on a TRANSIENT ClusterException waits until squeue answers and runs it again. */
    static <T> T whenSlurmAnswers(Step<T> step) throws Exception {
        Instant end = Instant.now().plus(PATIENCE);
        while (true) {
            try {
                return step.run();
            } catch (ClusterException e) {
                if (!e.isTransient() || Instant.now().isAfter(end)) {
                    throw e;
                }
                System.out.println("SLURM did not answer (" + e.getMessage() + "); trying again once squeue answers");
                SlurmController.awaitSqueue(PATIENCE);
            }
        }
    }

    static Job submit(JobService service, String jobId) throws Exception {
        return whenSlurmAnswers(() -> service.submit(jobId, new NullProgressMonitor()));
    }
}
