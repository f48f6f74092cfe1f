package org.namdrunner.integration.tests;

import org.namdrunner.testing.TestCluster;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.lifecycle.SyncReport;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.StatusChange;

/** The promise that closing the workbench loses nothing, with two real processes. */
class RestartTest {

    @Test
    void aJobSubmittedByAProcessThatExitedIsCompletedAfterOneSyncInANewProcess() throws Exception {
        Path dir = Files.createTempDirectory("namdrunner-restart");
        Path db = dir.resolve("jobs.db");
        String run = "restart-" + System.currentTimeMillis();
        String out = ChildJvm.run(SubmitAndExit.class, List.of(db.toString(), run, dir.resolve("inputs").toString()), 180);
        String jobId = ChildJvm.line(out, "JOB ").orElseThrow(() -> new AssertionError("no job id in:\n" + out));
        String slurmId = ChildJvm.line(out, "SLURM ").orElseThrow();
        assertEquals("PENDING", ChildJvm.line(out, "STATUS ").orElseThrow());

        TestCluster cluster = TestCluster.load();
        try (Harness h = new Harness(cluster, cluster.profile("testcluster"), db, Duration.ofSeconds(20))) {
            assertEquals("COMPLETED", h.waitForAccountingState(slurmId, Duration.ofSeconds(120)));
            Job before = h.job(jobId);
            assertEquals(JobStatus.PENDING, before.status(), "the new process starts from what the old one stored");

            SyncReport report = h.service.sync(h.profile.id(), new NullProgressMonitor());
            assertTrue(report.succeeded(), report.status().toString());
            assertTrue(report.commands() <= 2, "one batched query: " + report.commands() + " commands");
            Job after = h.job(jobId);
            assertEquals(JobStatus.COMPLETED, after.status());
            List<StatusChange> changes = h.store.history(jobId);
            List<JobStatus> history = changes.stream().map(StatusChange::to).toList();
            // it ran while no process was looking: SLURM's record gives it a RUNNING row at its own start time
            assertEquals(List.of(JobStatus.CREATED, JobStatus.SUBMITTING, JobStatus.PENDING, JobStatus.RUNNING, JobStatus.COMPLETED), history);
            assertEquals(after.startedAt().orElseThrow(), changes.get(3).at(), "the RUNNING row is dated by SLURM's start");
            assertEquals(after.completedAt().orElseThrow(), changes.get(4).at(), "the COMPLETED row by SLURM's end");
        }
    }
}
