package org.namdrunner.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.ReplicaLink;
import org.namdrunner.core.store.JobStore;
import org.namdrunner.core.store.JobSummary;
import org.namdrunner.ui.internal.handlers.ExtendHandler;
import org.namdrunner.ui.internal.views.JobColumn;

/**
 * Replica sets in the Jobs view, in the real workbench under Xvfb: a set is one row (its name, the status that counts
 * for the set, how many replicas do what) with its replicas under it in order; the set is COMPLETED only when every
 * replica is, and a change of one replica (a sync's patch) moves the set's row with it. The replicas are sample rows of
 * a cluster this test does not log in to (running replicas end to end: integration.tests/ReplicasTest).
 */
class ReplicasViewTest {

    private static final List<String> IDS = List.of("job_repui_a1", "job_repui_a2", "job_repui_a3", "job_repui_b1", "job_repui_b2");

    @Test
    void aReplicaSetIsOneRowWithItsReplicasUnderIt() throws Exception {
        JobStore store = Workbench.backend().store();
        Instant t = Instant.now().minus(Duration.ofHours(2));
        Duration step = Duration.ofMinutes(3);
        // created out of order: the rows still come in replica order
        replica(store, "job_repui_a3", "ubiquitin_r3", 3, 3, t.plusSeconds(2), step, JobStatus.SUBMITTING, JobStatus.PENDING);
        replica(store, "job_repui_a1", "ubiquitin_r1", 1, 3, t, step, JobStatus.SUBMITTING, JobStatus.PENDING, JobStatus.RUNNING,
                JobStatus.COMPLETED);
        Job running = replica(store, "job_repui_a2", "ubiquitin_r2", 2, 3, t.plusSeconds(1), step, JobStatus.SUBMITTING,
                JobStatus.PENDING, JobStatus.RUNNING);
        replica(store, "job_repui_b1", "villin_r1", 1, 2, t.plusSeconds(3), step, JobStatus.SUBMITTING, JobStatus.PENDING,
                JobStatus.RUNNING, JobStatus.COMPLETED);
        replica(store, "job_repui_b2", "villin_r2", 2, 2, t.plusSeconds(4), step, JobStatus.SUBMITTING, JobStatus.PENDING,
                JobStatus.RUNNING, JobStatus.FAILED);

        JobsViewTester view = JobsViewTester.open();
        view.waitForRow("ubiquitin", Duration.ofSeconds(30));
        view.waitForRow("villin", Duration.ofSeconds(30));
        // the view re-reads what changed a moment later: wait for the last write above to be shown
        view.waitForCell("villin", JobColumn.PROGRESS, "1 completed \u00B7 1 failed", Duration.ofSeconds(30));
        List<String> names = Ui.sync(() -> view.view().table().rows().visible().stream().map(JobSummary::name).toList());
        int a = names.indexOf("ubiquitin");
        assertEquals(List.of("ubiquitin", "ubiquitin_r1", "ubiquitin_r2", "ubiquitin_r3"), names.subList(a, a + 4),
                "the set's row, then its replicas in order: " + names);
        assertEquals("\u25BE ubiquitin (3 replicas)", view.cell("ubiquitin", JobColumn.NAME));
        assertEquals("Running", view.cell("ubiquitin", JobColumn.STATUS), "a set runs while any replica runs");
        assertEquals("1 pending \u00B7 1 running \u00B7 1 completed", view.cell("ubiquitin", JobColumn.PROGRESS));
        assertEquals("    \u2514 replica 2", view.cell("ubiquitin_r2", JobColumn.NAME));
        assertEquals("", view.cell("ubiquitin", JobColumn.SLURM_ID), "a set is several SLURM jobs: no one id on its row");
        assertEquals(running.slurmId().orElseThrow(), view.cell("ubiquitin_r2", JobColumn.SLURM_ID));
        assertEquals("Failed", view.cell("villin", JobColumn.STATUS), "an ended set that did not all complete shows what did not");
        assertEquals("1 completed \u00B7 1 failed", view.cell("villin", JobColumn.PROGRESS));

        // opening the set's row folds it (its replicas hidden, the count of jobs says so) and opening it again unfolds it
        view.openRow("ubiquitin");
        Ui.waitUntil("the set to fold", Duration.ofSeconds(10), () -> view.cell("ubiquitin", JobColumn.NAME).startsWith("\u25B8"));
        List<String> folded = Ui.sync(() -> view.view().table().rows().visible().stream().map(JobSummary::name).toList());
        assertFalse(folded.contains("ubiquitin_r1") || folded.contains("ubiquitin_r3"), folded.toString());
        assertTrue(folded.contains("villin_r1"), "another set stays open: " + folded);
        view.openRow("ubiquitin");
        Ui.waitUntil("the set to unfold", Duration.ofSeconds(10), () -> view.cell("ubiquitin", JobColumn.NAME).startsWith("\u25BE"));
        assertTrue(Ui.sync(() -> view.view().table().rows().visible().stream().anyMatch(j -> j.name().equals("ubiquitin_r2"))));

        // the set row names no job; a replica is a job as any other
        view.select("villin");
        assertFalse(Workbench.isEnabled(ExtendHandler.COMMAND_ID), "the set's row is not a job");
        view.select("villin_r1");
        assertTrue(Workbench.isEnabled(ExtendHandler.COMMAND_ID), "a COMPLETED replica can be extended");

        // a sync's change of one replica reaches the set's row
        Instant now = Instant.now();
        SampleJobs.advance(store, store.find(running.id()).orElseThrow(), now, Duration.ofSeconds(1), JobStatus.COMPLETED);
        SampleJobs.advance(store, store.find("job_repui_a3").orElseThrow(), now, Duration.ofSeconds(1), JobStatus.RUNNING);
        view.waitForCell("ubiquitin", JobColumn.PROGRESS, "1 running \u00B7 2 completed", Duration.ofSeconds(30));
        SampleJobs.advance(store, store.find("job_repui_a3").orElseThrow(), now.plusSeconds(2), Duration.ofSeconds(1), JobStatus.COMPLETED);
        view.waitForCell("ubiquitin", JobColumn.PROGRESS, "3 of 3 completed", Duration.ofSeconds(30));
        assertEquals("Completed", view.cell("ubiquitin", JobColumn.STATUS));
        Screenshots.captureScreen("jobs-view-replicas");
    }

    private static Job replica(JobStore store, String id, String name, int index, int count, Instant created, Duration step,
            JobStatus... path) throws Exception {
        String setId = id.substring(0, id.length() - 1) + "1";
        Job job = SampleJobs.create(store, id, name, "alpine", SampleJobs.resources(16, 16, 2), created, step, path);
        store.update(job.toBuilder().replica(new ReplicaLink(setId, index, count)).updatedAt(Instant.now()).build());
        return store.find(id).orElseThrow();
    }

    @AfterAll
    static void removeJobs() throws Exception {
        for (String id : IDS) {
            Workbench.backend().store().delete(id);
        }
    }
}
