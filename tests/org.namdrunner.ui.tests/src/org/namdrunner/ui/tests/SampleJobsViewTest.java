package org.namdrunner.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.jobtype.JobType.LogSummary;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.ui.NamdRunnerUi;
import org.namdrunner.ui.internal.editor.JobEditor;
import org.namdrunner.ui.internal.handlers.CancelHandler;
import org.namdrunner.ui.internal.views.JobColumn;
import org.namdrunner.ui.internal.views.JobQuery;

/**
 * The Jobs view and the job editor with jobs in every state (written straight into the store for a cluster the
 * tests never connect to): filter, search, sort, enablement of the commands, the failure explanation with
 * what to do. Also takes the user guide's pictures of a busy day.
 */
class SampleJobsViewTest {

    private static List<Job> jobs;

    @BeforeAll
    static void jobs() throws Exception {
        jobs = SampleJobs.demo(Workbench.backend().store());
        Workbench.backend().progress().put("job_demo_02", new LogSummary(212_000, 500_000, 14.2, "5 h 40 min", ""));
    }

    @Test
    void theViewFiltersSearchesAndSortsAndOffersOnlyWhatFits() throws Exception {
        JobsViewTester view = JobsViewTester.open();
        view.waitForRow("ubq-prod-3", Duration.ofSeconds(20));
        assertEquals(jobs.size(), (int) Ui.sync(() -> view.view().table().rows().visible().size()));
        assertEquals("Timed out", view.status("lysozyme-min"));
        assertEquals("42 % · ETA 5 h 40 min", view.cell("ubq-prod-1", JobColumn.PROGRESS));
        assertTrue(view.cell("ubq-prod-1", JobColumn.ELAPSED).endsWith("left"), view.cell("ubq-prod-1", JobColumn.ELAPSED));
        Screenshots.capture(Workbench.window().getShell(), "jobs-view");

        Ui.run(() -> view.view().table().setQuery(new JobQuery(JobQuery.StatusGroup.PROBLEMS, null, "")));
        assertEquals(List.of("ubq-test", "ligand-fep-3", "lysozyme-min", "membrane-npt"),
                Ui.sync(() -> view.view().table().rows().visible().stream().map(org.namdrunner.core.store.JobSummary::name).toList()));
        Ui.run(() -> view.view().table().setQuery(JobQuery.all()));

        Composite bar = Ui.sync(() -> view.view().viewer().getControl().getParent());
        Ui.run(() -> Widgets.type(Widgets.find(bar, Text.class, t -> true, "search field"), "ubq prod"));
        Ui.waitUntil("the search to narrow the rows", Duration.ofSeconds(5), () -> view.view().table().rows().visible().size() == 3);
        Screenshots.capture(Workbench.window().getShell(), "jobs-view-search");
        Ui.run(() -> Widgets.type(Widgets.find(bar, Text.class, t -> true, "search field"), ""));
        Ui.waitUntil("all rows back", Duration.ofSeconds(5), () -> view.view().table().rows().visible().size() == jobs.size());

        Ui.run(() -> {
            view.view().table().rows().sortBy(JobColumn.NAME);
            view.view().table().refreshRows();
        });
        assertEquals("lysozyme-min", Ui.sync(() -> view.view().table().rows().visible().get(1).name()));

        view.select("ubq-prod-1");
        assertTrue(Workbench.isEnabled(NamdRunnerUi.COMMAND_CANCEL), "a running job can be cancelled");
        assertFalse(Workbench.isEnabled(NamdRunnerUi.COMMAND_SUBMIT), "a running job cannot be submitted again");
        assertFalse(Workbench.isEnabled(NamdRunnerUi.COMMAND_DOWNLOAD), "a running job has no results yet");
        Workbench.executeAsync(NamdRunnerUi.COMMAND_CANCEL);
        Shell confirm = Dialogs.waitFor(CancelHandler.TITLE, Duration.ofSeconds(10));
        assertTrue(Dialogs.text(confirm).contains("ubq-prod-1 (running, SLURM job"), Dialogs.text(confirm));
        Screenshots.capture(confirm, "dialog-cancel");
        Dialogs.press(confirm, CancelHandler.KEEP);

        view.select("ubq-equil-310K");
        assertTrue(Workbench.isEnabled(NamdRunnerUi.COMMAND_DOWNLOAD), "a completed job's results can be downloaded");
        assertFalse(Workbench.isEnabled(NamdRunnerUi.COMMAND_CANCEL), "a completed job cannot be cancelled");
    }

    @Test
    void aTimedOutJobSaysWhatHappenedAndWhatToDo() throws Exception {
        JobsViewTester view = JobsViewTester.open();
        view.waitForRow("lysozyme-min", Duration.ofSeconds(20));
        view.select("lysozyme-min");
        Workbench.execute(NamdRunnerUi.COMMAND_OPEN);
        JobEditor editor = EditorTester.waitForEditor("lysozyme-min", JobStatus.TIMEOUT);
        Composite overview = EditorTester.show(editor, "overview");
        String text = Ui.sync(() -> Widgets.text(overview));
        assertTrue(text.contains("walltime limit"), text);
        assertTrue(text.contains("Ask for more walltime"), text);
        assertTrue(Ui.sync(() -> Widgets.button(overview, "Resubmit with walltime 04:00…").isEnabled()));
        Screenshots.capture(Workbench.window().getShell(), "editor-failed-timeout");
        List<String> history = EditorTester.historyRows(editor);
        assertEquals(List.of(" → Created", "Created → Submitting", "Submitting → Pending", "Pending → Running", "Running → Timed out"), history);

        Ui.async(() -> Widgets.click(Widgets.button(EditorTester.show(editor, "overview"), "Resubmit with walltime 04:00…")));
        NewJobWizardTester wizard = NewJobWizardTester.attach();
        assertEquals(null, wizard.errorMessage());
        wizard.cancel();
        Ui.run(() -> Workbench.page().closeAllEditors(false));
    }

    @AfterAll
    static void removeJobs() throws Exception {
        Ui.run(() -> Workbench.page().closeAllEditors(false));
        Cleanup.deleteJobsOnCluster("alpine");
        Workbench.backend().progress().remove("job_demo_02");
    }
}
