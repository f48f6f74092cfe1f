package org.namdrunner.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ShellQuoting;
import org.namdrunner.core.lifecycle.SyncReport;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.StatusChange;
import org.namdrunner.testing.TestCluster;

/**
 * Issue [J] rule 4 on the twin with slurmdbd stopped: a job that finished while nobody polled, and that the controller
 * has forgotten since, still reaches its final state, with the evidence of the record its job script wrote, and the
 * missing accounting is a problem in words. Before, every poll failed as TRANSIENT while slurmdbd was away.
 */
class NoAccountingTest {

    @Test
    void aFinishedJobReachesItsFinalStateFromItsOwnRecordWhenAccountingIsAway() throws Exception {
        Path local = Files.createTempDirectory("namdrunner-noacct");
        TestCluster cluster = TestCluster.load();
        try (Harness h = new Harness(cluster, cluster.profile("testcluster"), local.resolve("jobs.db"), Duration.ofMinutes(10))) {
            Job job = h.service.create(TestJobs.request("no-acct", TestJobs.inputs(local.resolve("inputs")),
                    TestJobs.resources(1, Duration.ofMinutes(10), "acpu", ""), 100, "na"), new NullProgressMonitor());
            String slurmId = SharedCluster.submit(h.service, job.id()).slurmId().orElseThrow();
            assertEquals("COMPLETED", h.waitForAccountingState(slurmId, Duration.ofMinutes(2)));
            Accounting.stop();
            try {
                // the controller forgets the job after MinJobAge (30 s) at its next purge pass (up to ~90 s)
                Instant end = Instant.now().plus(Duration.ofMinutes(3));
                while (!h.slurm(ShellQuoting.command("squeue", "--noheader", "--states=all", "--jobs=" + slurmId + ",1", "--format=%i"))
                        .stdout().strip().isEmpty()) {
                    assertTrue(Instant.now().isBefore(end), "slurmctld still lists " + slurmId);
                    Thread.sleep(2000);
                }
                SyncReport report = h.service.sync(h.profile.id(), new NullProgressMonitor());
                assertTrue(report.succeeded(), "accounting being away does not stop the poll: " + report.status());
                assertTrue(report.commands() <= 2, report.commands() + " commands");
                assertTrue(report.problems().stream().anyMatch(p -> p.contains("accounting could not be reached")), report.problems().toString());

                Job done = h.job(job.id());
                assertEquals(JobStatus.COMPLETED, done.status(), "from the job's own record; error " + done.error());
                List<StatusChange> history = h.store.history(job.id());
                assertTrue(history.getLast().detail().startsWith("job record: "), history.getLast().detail());
                assertTrue(done.startedAt().isPresent() && done.completedAt().isPresent());
            } finally {
                Accounting.start();
            }
        }
    }
}
