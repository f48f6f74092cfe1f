package org.namdrunner.integration.tests;

import org.namdrunner.testing.TestCluster;
import java.nio.file.Path;
import java.time.Duration;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.namdrunner.core.model.Job;

/**
 * The first "workbench process" of the restart test, run in its own JVM: creates and submits one job into
 * the given database, prints its id, and exits while the job is still queued or running.
 * Arguments: database file, run folder, local input folder.
 */
public final class SubmitAndExit {

    private SubmitAndExit() {
    }

    public static void main(String[] args) throws Exception {
        TestCluster cluster = TestCluster.load();
        try (Harness h = new Harness(cluster, cluster.profile("testcluster"), Path.of(args[0]), Duration.ofSeconds(20))) {
            Job job = h.service.create(TestJobs.request("restart-me", TestJobs.inputs(Path.of(args[2])),
                    TestJobs.resources(1, Duration.ofMinutes(10), "acpu", ""), 300, "restart"), new NullProgressMonitor());
            Job submitted = h.service.submit(job.id(), new NullProgressMonitor());
            System.out.println("JOB " + submitted.id());
            System.out.println("SLURM " + submitted.slurmId().orElseThrow());
            System.out.println("STATUS " + submitted.status());
        }
        System.exit(0);
    }
}
