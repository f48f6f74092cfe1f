package org.namdrunner.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.ShellQuoting;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.StatusChange;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.ui.NamdRunnerUi;
import org.namdrunner.ui.internal.editor.JobEditor;
import org.namdrunner.ui.internal.handlers.DeleteHandler;
import org.namdrunner.ui.internal.handlers.Operations;
import org.namdrunner.app.Backend;
import org.namdrunner.ui.internal.views.JobColumn;
import org.namdrunner.ui.internal.wizards.ReviewPage;

/**
 * A job's whole life through the workbench against the real test cluster: created with the New Job wizard
 * (host-key dialog on the first login), submitted with the Submit command, its row watched going PENDING →
 * RUNNING → COMPLETED by the background sync, the finished notification, the job editor and its history, and
 * Delete with its confirmation. Screenshots of every step go to target/screenshots.
 */
class JobLifecycleUiTest {

    private static TestInputs inputs;
    private static ClusterProfile profile;
    private static String fingerprint;
    private static final String NAME = "ui-md-" + LocalTime.now().format(DateTimeFormatter.ofPattern("HHmmss"));

    @BeforeAll
    static void cluster() throws Exception {
        inputs = TestInputs.write(Files.createTempDirectory("namdrunner-ui-inputs"));
        profile = TestClusterSetup.keyProfile("testcluster", "Test cluster");
        fingerprint = TestClusterSetup.cluster().get("hostKeySha256");
    }

    @Test
    void aJobCreatedInTheWizardRunsToCompletedAndShowsItsHistory() throws Exception {
        JobsViewTester jobs = JobsViewTester.open();
        NewJobWizardTester wizard = NewJobWizardTester.open();

        wizard.basics(NAME, "Test cluster");
        wizard.screenshot("wizard-1-job");
        wizard.next();
        wizard.inputs(inputs.psf, inputs.pdb, inputs.prm);
        wizard.screenshot("wizard-2-input-files");
        wizard.next();
        wizard.parameter("Minimization steps:", "20");
        wizard.parameter("Dynamics steps:", "3000");
        wizard.screenshot("wizard-3-settings");
        wizard.next();
        wizard.resources("Quick test", "400MB", "00:10", "acpu", "cpu-normal");
        assertEquals(null, wizard.errorMessage(), "the resources fit the test cluster");
        wizard.screenshot("wizard-4-resources");
        wizard.next();
        ReviewPage review = wizard.review();
        String config = Ui.sync(() -> review.fileText("config.namd"));
        String script = Ui.sync(() -> review.fileText("scripts/job.sbatch"));
        assertTrue(config.contains("run                3000"), config);
        assertTrue(config.contains("structure          input_files/tiny.psf"), config);
        assertTrue(script.contains("--partition") && script.contains("acpu"), script);
        String summary = Ui.sync(review::summaryText);
        assertTrue(summary.contains("Service units: at most 0.17 SU (1 core × 10 m at 1 SU per core-hour)"),
                "the estimate by the profile's billing rule: " + summary);
        wizard.submitRightAway(false);
        wizard.screenshot("wizard-5-review");
        wizard.finish();

        HostKeys.trustIfAsked(fingerprint, Duration.ofSeconds(30));
        // the files go up through the twin's transfer host, which has a host key of its own
        HostKeys.trustIfAsked(TestClusterSetup.cluster().get("transferHostKeySha256"), Duration.ofSeconds(30));
        jobs.waitForRow(NAME, Duration.ofSeconds(60));
        assertEquals("Created", jobs.status(NAME));
        Screenshots.capture(Workbench.window().getShell(), "jobs-view-created");

        jobs.select(NAME);
        assertTrue(Workbench.isEnabled(NamdRunnerUi.COMMAND_SUBMIT), "Submit is offered for a created job");
        assertFalse(Workbench.isEnabled(NamdRunnerUi.COMMAND_CANCEL), "Cancel is not offered before it is submitted");
        Workbench.execute(NamdRunnerUi.COMMAND_SUBMIT);
        Ui.waitUntil("the job to be handed to SLURM", Duration.ofSeconds(60), () -> !"Created".equals(jobs.status(NAME))
                && !"Submitting".equals(jobs.status(NAME)));
        jobs.select(NAME);
        assertTrue(Workbench.isEnabled(NamdRunnerUi.COMMAND_SYNC_SELECTED), "a submitted job can be synced now");
        Workbench.execute(NamdRunnerUi.COMMAND_SYNC_SELECTED);

        List<String> seen = watchUntil(jobs, "Completed", Duration.ofMinutes(4));
        System.out.println("Statuses seen in the Jobs view: " + seen);
        assertTrue(seen.indexOf("Pending") >= 0 || seen.indexOf("Running") >= 0, "the row showed the job queued: " + seen);
        assertTrue(seen.contains("Running"), "the row showed the job running: " + seen);
        assertEquals("Completed", seen.get(seen.size() - 1));
        assertEquals("100 %", jobs.cell(NAME, JobColumn.PROGRESS));
        assertFalse(jobs.cell(NAME, JobColumn.SLURM_ID).isEmpty(), "the SLURM id is shown");

        Ui.waitUntil("the finished-job notification", Duration.ofSeconds(30),
                () -> Widgets.shellShowing(NAME + " completed on Test cluster").isPresent());
        Screenshots.capture(Ui.sync(() -> Widgets.shellShowing(NAME + " completed on Test cluster").orElseThrow()), "notification-finished");

        Job job = Workbench.backend().store().list(JobFilter.all()).stream().filter(j -> j.name().equals(NAME)).findFirst().orElseThrow();
        List<JobStatus> history = Workbench.backend().store().history(job.id()).stream().map(StatusChange::to).toList();
        assertEquals(List.of(JobStatus.CREATED, JobStatus.SUBMITTING, JobStatus.PENDING, JobStatus.RUNNING, JobStatus.COMPLETED), history);

        jobs.select(NAME);
        Workbench.execute(NamdRunnerUi.COMMAND_OPEN);
        JobEditor editor = EditorTester.waitForEditor(NAME, JobStatus.COMPLETED);
        EditorTester.screenshots(editor, "editor");
        Composite overview = EditorTester.show(editor, "overview");
        String efficiency = Ui.sync(() -> Widgets.text(overview));
        assertTrue(efficiency.contains("Asked 1 core, used "), "the finishing sync read the job's usage: " + efficiency);
        assertTrue(efficiency.matches("(?s).*Used \\d.* of 400 MB.*"), "memory used of the 400 MB asked: " + efficiency);
        assertTrue(efficiency.matches("(?s).*\\d+\\.\\d\\d SU \\(1 core for .*"), "the service units it cost: " + efficiency);
        // the section is below Progress: the editor alone shows all of it
        Ui.run(() -> Workbench.page().toggleZoom(Workbench.page().getReference(editor)));
        Screenshots.capture(Workbench.window().getShell(), "editor-overview-efficiency");
        Ui.run(() -> Workbench.page().toggleZoom(Workbench.page().getReference(editor)));
        List<String> rows = EditorTester.historyRows(editor);
        assertTrue(rows.contains("Pending → Running") && rows.contains("Running → Completed"), rows.toString());
        assertTrue(EditorTester.fileRows(editor).stream().anyMatch(r -> r.startsWith("outputs/namd_output.log")),
                "the Files page lists the collected log: " + EditorTester.fileRows(editor));
        String log = EditorTester.logSummary(editor);
        assertTrue(log.startsWith("Step ") && log.contains("100 %"), log);
        Ui.run(() -> Workbench.page().closeAllEditors(false));

        Path downloads = Files.createTempDirectory("namdrunner-results");
        List<Path> arrived = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.eclipse.core.runtime.jobs.Job download = Operations.download(Workbench.backend(), List.of(job), downloads, arrived::add);
        download.schedule();
        download.join();
        assertTrue(download.getResult().isOK(), download.getResult().toString());
        assertTrue(Files.isRegularFile(downloads.resolve(NAME).resolve("namd_output.log")), "the results arrived: " + arrived);

        jobs.select(NAME);
        Workbench.executeAsync(NamdRunnerUi.COMMAND_DELETE);
        Shell confirm = Dialogs.waitFor(DeleteHandler.TITLE, Duration.ofSeconds(10));
        String message = Dialogs.text(confirm);
        assertTrue(message.contains(profile.projectDirFor(job.id())) && message.contains(profile.scratchDirFor(job.id())),
                "the confirmation names the folders it removes: " + message);
        Screenshots.capture(confirm, "dialog-delete");
        Dialogs.press(confirm, DeleteHandler.CONFIRM);
        jobs.waitForNoRow(NAME, Duration.ofSeconds(60));
        assertFalse(remoteExists(profile.projectDirFor(job.id())), "the job's folder is gone from the cluster");
    }

    /** Records each status the row shows until it shows {@code last}. */
    private static List<String> watchUntil(JobsViewTester jobs, String last, Duration deadline) {
        List<String> seen = new ArrayList<>();
        Instant end = Instant.now().plus(deadline);
        while (true) {
            String s = jobs.status(NAME);
            if (s != null && (seen.isEmpty() || !seen.get(seen.size() - 1).equals(s))) {
                seen.add(s);
                if (s.equals("Running")) {
                    try {
                        Screenshots.capture(Workbench.window().getShell(), "jobs-view-running");
                    } catch (java.io.IOException e) {
                        throw new AssertionError(e);
                    }
                }
            }
            if (last.equals(s)) {
                return seen;
            }
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("The job did not reach " + last + " within " + deadline + "; the row showed " + seen);
            }
            Ui.pause(200);
        }
    }

    private static boolean remoteExists(String path) throws Exception {
        Backend b = Workbench.backend();
        return b.connections().connectionFor(profile).exec(ShellQuoting.command("test", "-e", path), Duration.ofSeconds(30),
                new NullProgressMonitor()).exitCode() == 0;
    }

    @AfterAll
    static void leaveNoJobs() throws Exception {
        Cleanup.deleteJobsNamed(NAME);
        Ui.run(() -> Workbench.page().closeAllEditors(false));
    }
}
