package org.namdrunner.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.jobtype.JobType.LogSummary;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.ui.NamdRunnerUi;
import org.namdrunner.ui.internal.editor.JobEditor;
import org.namdrunner.ui.internal.handlers.ContinueHandler;
import org.namdrunner.ui.internal.wizards.ResourcesPage;

/**
 * Sizing from evidence in the workbench: a TIMEOUT job whose log said 8 ns/day (1 ns of steps: 3 h at that speed, it
 * had 1 h). Its Overview advises the walltime all its steps need (3 h + a fifth + 10 min = 4 h) instead of doubling;
 * Continue… starts from what the rest needs (2 h → 2 h 45); a new job of a similar size on the same cluster and
 * partition is offered a preset from that job's speed. The job is a row of the real job database; its speed is kept
 * as the sync or the Log page keep it ({@code PerformanceHistory.record}).
 */
class TimeoutAdviceTest {

    private static final String ID = "job_timeout_advice_1";
    private static final String NAME = "timeout-advice-ui";
    private static final String PARAMS = "{\"structure\":\"protein.psf\",\"coordinates\":\"protein.pdb\",\"parameters\":\"par_all36m_prot.prm\","
            + "\"minimizeSteps\":\"0\",\"runSteps\":\"500000\",\"timestep\":\"2\",\"atoms\":\"23558\"}";

    @Test
    void theMeasuredSpeedSizesTheAdviceTheContinuationAndASimilarNewJob() throws Exception {
        Job job = SampleJobs.create(Workbench.backend().store(), ID, NAME, "alpine", SampleJobs.resources(16, 16, 1),
                // one step an hour: it runs its whole hour of walltime before the TIMEOUT, as a real one does
                Instant.now().minus(Duration.ofHours(5)), Duration.ofHours(1), PARAMS, JobStatus.SUBMITTING, JobStatus.PENDING,
                JobStatus.RUNNING, JobStatus.TIMEOUT);
        assertTrue(Workbench.backend().performance().record(job, new LogSummary(120_000, 500_000, 8.0, "", "")));

        JobsViewTester view = JobsViewTester.open();
        view.waitForRow(NAME, Duration.ofSeconds(20));
        view.select(NAME);
        Workbench.execute(NamdRunnerUi.COMMAND_OPEN);
        JobEditor editor = EditorTester.waitForEditor(NAME, JobStatus.TIMEOUT);
        Composite overview = EditorTester.show(editor, "overview");
        String text = Ui.sync(() -> Widgets.text(overview));
        assertTrue(text.contains("It ran at 8.00 ns/day (measured in its log), so all its steps need about 3 h"), text);
        assertTrue(text.contains("04:00 gives a fifth more and ten minutes for start-up, rounded up to a quarter hour."), text);
        assertTrue(Ui.sync(() -> Widgets.button(overview, "Resubmit with walltime 04:00…").isEnabled()), "4 h: 3 h + a fifth + 10 min");
        Screenshots.capture(Workbench.window().getShell(), "editor-timeout-advice");

        view.select(NAME);
        Workbench.executeAsync(ContinueHandler.COMMAND_ID);
        Shell dialog = Dialogs.waitFor(ContinueHandler.DIALOG_TITLE, Duration.ofSeconds(20));
        assertTrue(Dialogs.text(dialog).contains("It ran at 8.00 ns/day"), Dialogs.text(dialog));
        assertTrue(Dialogs.text(dialog).contains("so the rest needs about 2 h 00 min; 02:45 gives a fifth more and ten minutes for start-up"),
                Dialogs.text(dialog));
        Text walltime = Ui.sync(() -> Widgets.find(dialog, Text.class, t -> true, "the walltime field"));
        assertEquals("02:45", Ui.sync(walltime::getText), "the 2 h left + a fifth + 10 min");
        Screenshots.capture(dialog, "dialog-continue-evidence");
        Dialogs.press(dialog, "Cancel");
        Ui.run(() -> Workbench.page().closeAllEditors(false));

        TestInputs in = TestInputs.write(Files.createTempDirectory("namd-evidence").resolve("in"));
        NewJobWizardTester w = NewJobWizardTester.open();
        try {
            w.basics("similar-to-timeout", "CU Boulder Alpine");
            w.next();
            w.inputs(in.psf, in.pdb, in.prm);
            w.next();
            w.parameter("Minimization steps:", "0");
            w.parameter("Dynamics steps:", "250000");
            w.next();
            Composite page = Ui.sync(() -> (Composite) w.currentPage().getControl());
            Combo partition = Ui.sync(() -> Widgets.after(page, ResourcesPage.PARTITION_LABEL, Combo.class));
            Ui.run(() -> partition.setText("acpu"));
            Text atoms = Ui.sync(() -> Widgets.after(page, "Atoms (NAMD system size):", Text.class));
            Ui.waitUntil("the atom count read from the PSF", Duration.ofSeconds(10), () -> !Ui.sync(atoms::getText).isBlank());
            Ui.run(() -> Widgets.type(atoms, "25000"));
            Combo presets = Ui.sync(() -> Widgets.after(page, ResourcesPage.PRESET_LABEL, Combo.class));
            Ui.waitUntil("a preset from the similar job's speed", Duration.ofSeconds(20),
                    () -> Arrays.stream(Ui.sync(presets::getItems)).anyMatch(i -> i.startsWith("Like job " + NAME)));
            String like = Arrays.stream(Ui.sync(presets::getItems)).filter(i -> i.startsWith("Like job " + NAME)).findFirst().orElseThrow();
            // 250 000 steps of 2 fs (the settings page's timestep is the template's default 2 fs): 0.5 ns at 8 ns/day = 1 h 30 min
            assertTrue(like.contains("23558 atoms, 8.00 ns/day with 16 cores"), like);
            Ui.run(() -> Widgets.choose(presets, "Like job " + NAME));
            assertEquals(16, (int) Ui.sync(() -> Widgets.after(page, ResourcesPage.CORES_LABEL, org.eclipse.swt.widgets.Spinner.class).getSelection()));
            assertEquals("02:00", Ui.sync(() -> Widgets.after(page, ResourcesPage.WALLTIME_LABEL, Text.class).getText()),
                    "1 h 30 min at the similar job's speed, + a fifth + 10 min, up to 2 h");
            w.screenshot("wizard-resources-evidence");
        } finally {
            w.cancel();
        }
    }

    @AfterAll
    static void removeJobs() throws Exception {
        Workbench.backend().store().delete(ID);
    }
}
