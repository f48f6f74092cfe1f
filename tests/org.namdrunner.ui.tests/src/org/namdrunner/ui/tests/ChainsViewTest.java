package org.namdrunner.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.model.ChainLink;
import org.namdrunner.core.model.ErrorInfo;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.store.JobStore;
import org.namdrunner.core.store.JobSummary;
import org.namdrunner.ui.internal.handlers.ContinueHandler;
import org.namdrunner.ui.internal.handlers.ExtendHandler;
import org.namdrunner.ui.internal.views.JobColumn;

/**
 * Chains in the Jobs view, in the real workbench under Xvfb: each chain is one row (its name, the status of its current
 * stage, "stage k of n") with its stages under it in stage order; a chain whose stage 2 failed shows why stage 3 was
 * cancelled, in words. The stages are sample rows of a cluster this test does not log in to (running chains end to end:
 * integration.tests/ChainTest).
 */
class ChainsViewTest {

    private static final List<String> IDS = List.of("job_chainui_a1", "job_chainui_a2", "job_chainui_a3", "job_chainui_b1",
            "job_chainui_b2", "job_chainui_b3", "job_chainui_lone");

    @Test
    void aChainIsOneRowWithItsStagesUnderIt() throws Exception {
        JobStore store = Workbench.backend().store();
        Instant t = Instant.now().minus(Duration.ofHours(3));
        Duration step = Duration.ofMinutes(4);
        stage(store, "job_chainui_a1", "lysozyme_step4_minimization", 1, "step4_minimization", t, step,
                JobStatus.SUBMITTING, JobStatus.PENDING, JobStatus.RUNNING, JobStatus.COMPLETED);
        stage(store, "job_chainui_a2", "lysozyme_step4_equilibration", 2, "step4_equilibration", t.plusSeconds(1), step,
                JobStatus.SUBMITTING, JobStatus.PENDING, JobStatus.RUNNING);
        stage(store, "job_chainui_a3", "lysozyme_step5_production", 3, "step5_production", t.plusSeconds(2), step,
                JobStatus.SUBMITTING, JobStatus.PENDING);
        stage(store, "job_chainui_b1", "membrane_minimization", 1, "minimization", t.plusSeconds(3), step,
                JobStatus.SUBMITTING, JobStatus.PENDING, JobStatus.RUNNING, JobStatus.COMPLETED);
        stage(store, "job_chainui_b2", "membrane_equilibration", 2, "equilibration", t.plusSeconds(4), step,
                JobStatus.SUBMITTING, JobStatus.PENDING, JobStatus.RUNNING, JobStatus.FAILED);
        Job cancelled = stage(store, "job_chainui_b3", "membrane_production", 3, "production", t.plusSeconds(5), step,
                JobStatus.SUBMITTING, JobStatus.PENDING, JobStatus.CANCELLED);
        String words = "Cancelled because stage 2 (equilibration) failed: exit 1 (FATAL ERROR: Atoms moving too fast; simulation "
                + "has become unstable.); this stage never ran.";
        store.update(cancelled.toBuilder().slurmReason("DependencyNeverSatisfied").startedAt(null)
                .error(new ErrorInfo("CHAIN", words, "", Instant.now())).updatedAt(Instant.now()).build());
        SampleJobs.create(store, "job_chainui_lone", "lone-run", "alpine", SampleJobs.resources(16, 16, 2), t.plusSeconds(6), step,
                JobStatus.SUBMITTING, JobStatus.PENDING, JobStatus.RUNNING);

        JobsViewTester view = JobsViewTester.open();
        view.waitForRow("lysozyme", Duration.ofSeconds(30));
        view.waitForRow("membrane", Duration.ofSeconds(30));
        view.waitForRow("lone-run", Duration.ofSeconds(30));
        // the view re-reads what changed a moment later: wait for the last write above to be shown
        view.waitForCell("lone-run", JobColumn.STATUS, "Running", Duration.ofSeconds(30));

        List<String> names = Ui.sync(() -> view.view().table().rows().visible().stream().map(JobSummary::name).toList());
        int a = names.indexOf("lysozyme");
        assertEquals(List.of("lysozyme", "lysozyme_step4_minimization", "lysozyme_step4_equilibration", "lysozyme_step5_production"),
                names.subList(a, a + 4), "the chain's row, then its stages in order: " + names);
        int b = names.indexOf("membrane");
        assertEquals(List.of("membrane", "membrane_minimization", "membrane_equilibration", "membrane_production"),
                names.subList(b, b + 4), names.toString());
        assertTrue(names.contains("lone-run"), "a job in no chain is a row of its own");

        assertEquals("\u25BE lysozyme (3 stages)", view.cell("lysozyme", JobColumn.NAME));
        assertEquals("Running", view.cell("lysozyme", JobColumn.STATUS), "the status of the stage that runs now");
        assertEquals("stage 2 of 3 step4_equilibration", view.cell("lysozyme", JobColumn.PROGRESS));
        assertEquals("    \u2514 2. step4_equilibration", view.cell("lysozyme_step4_equilibration", JobColumn.NAME));
        assertEquals("Running", view.cell("lysozyme_step4_equilibration", JobColumn.STATUS));
        assertEquals("100 %", view.cell("lysozyme_step4_minimization", JobColumn.PROGRESS));
        assertEquals("Failed", view.cell("membrane", JobColumn.STATUS));
        assertEquals("stage 2 of 3 equilibration", view.cell("membrane", JobColumn.PROGRESS));
        assertEquals(names.size() - 2, (int) Ui.sync(() -> view.view().table().rows().visibleJobCount()),
                "the two chains' own rows are not counted as jobs");
        assertEquals("Cancelled", view.cell("membrane_production", JobColumn.STATUS));

        // the chain row names no job: commands find nothing to act on; a stage row is a job as any other
        view.select("membrane");
        assertFalse(Workbench.isEnabled(ContinueHandler.COMMAND_ID));
        assertFalse(Workbench.isEnabled(ExtendHandler.COMMAND_ID), "the chain row is not a job");
        view.select("lysozyme_step4_minimization");
        assertTrue(Workbench.isEnabled(ExtendHandler.COMMAND_ID), "a COMPLETED stage can be extended");
        view.select("lysozyme_step4_equilibration");
        assertFalse(Workbench.isEnabled(ExtendHandler.COMMAND_ID), "a running stage cannot");
        view.select("membrane_production");
        String tip = Ui.sync(() -> view.view().table().rows().visible().stream().filter(j -> j.name().equals("membrane_production"))
                .findFirst().orElseThrow().errorMessage());
        assertEquals(words, tip);
        Screenshots.captureScreen("jobs-view-chains");
    }

    private static Job stage(JobStore store, String id, String name, int stage, String label, Instant created, Duration step,
            JobStatus... path) throws Exception {
        String chainId = id.substring(0, id.length() - 1) + "1";
        Job job = SampleJobs.create(store, id, name, "alpine", SampleJobs.resources(16, 16, 2), created, step, path);
        Job linked = job.toBuilder().chain(new ChainLink(chainId, stage, label)).updatedAt(Instant.now()).build();
        store.update(linked);
        return store.find(id).orElseThrow();
    }

    @AfterAll
    static void removeJobs() throws Exception {
        for (String id : IDS) {
            Workbench.backend().store().delete(id);
        }
    }
}
