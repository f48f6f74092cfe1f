package org.namdrunner.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.scheduler.BatchScriptRequest;
import org.namdrunner.testing.TestCluster;

/**
 * The shipped Alpine profile's prefix, module lines, partitions, QoS and limits, pointed at the twin (host, user,
 * key, roots, transfer host): a NAMD job's results reach its project folder by the job's own copy on the compute
 * node; the workbench only lists them and downloads them through the transfer host, and the login node's
 * watchdog records nothing for the job.
 */
class ResultsOnTheComputeNodeTest {

    @Test
    void theJobCopiesItsResultsAndTheLoginNodeStaysQuiet() throws Exception {
        Path local = Files.createTempDirectory("results-on-node");
        TestCluster cluster = TestCluster.load();
        // the shipped Alpine profile with only host, port, user, key and transfer host pointed at the twin
        ClusterProfile p = cluster.profile("testcluster");
        Path watchdog = Path.of(cluster.get("watchdogLog"));
        long watchdogBefore = Files.exists(watchdog) ? Files.readAllLines(watchdog).size() : 0;
        try (Harness h = new Harness(cluster, p, local.resolve("jobs.db"), Duration.ofSeconds(20))) {
            Job job = h.service.create(TestJobs.request("tiny-ok", TestJobs.inputs(local.resolve("inputs")),
                    TestJobs.resources(1, Duration.ofMinutes(10), "acpu", "cpu-normal"), 200, "tiny"), new NullProgressMonitor());
            String slurmId = SharedCluster.submit(h.service, job.id()).slurmId().orElseThrow();
            Job done = h.syncUntil(job.id(), j -> j.status().isTerminal(), Duration.ofMinutes(3));
            assertEquals(JobStatus.COMPLETED, done.status(), "error: " + done.error());

            String outputs = job.projectDir().orElseThrow() + "/outputs";
            assertTrue(h.remoteExists(outputs + "/" + BatchScriptRequest.RESULTS_COPIED), "the job's own copy ran to its end");
            assertTrue(done.outputFiles().contains("outputs/namd_output.log"), done.outputFiles().toString());
            assertTrue(done.outputFiles().contains("outputs/tiny.coor"), done.outputFiles().toString());
            assertTrue(done.outputFiles().contains("outputs/tiny-ok_" + slurmId + ".out"), done.outputFiles().toString());
            assertFalse(done.outputFiles().contains("outputs/" + BatchScriptRequest.RESULTS_COPIED), "the marker is not a result");

            Path results = h.service.fetchResults(job.id(), local.resolve("results"), new NullProgressMonitor());
            assertTrue(Files.readString(results.resolve("namd_output.log")).contains("End of program"));

            List<String> recorded = Files.exists(watchdog) ? Files.readAllLines(watchdog).stream().skip(watchdogBefore)
                    .filter(l -> l.contains(job.id())).toList() : List.of();
            assertEquals(List.of(), recorded, "the login-node watchdog recorded work for this job");
        }
    }
}
