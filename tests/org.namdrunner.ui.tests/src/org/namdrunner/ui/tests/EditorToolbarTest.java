package org.namdrunner.ui.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.ui.NamdRunnerUi;
import org.namdrunner.ui.internal.editor.JobEditor;
import org.namdrunner.ui.internal.handlers.ContinueHandler;
import org.namdrunner.ui.internal.handlers.OpenHandler;

/**
 * Each job editor's toolbar acts on its own job: with a running job selected in the Jobs view, the editor of a
 * finished job offers no Cancel, and the editor of the running job does.
 */
class EditorToolbarTest {

    @Test
    void theEditorsToolbarFollowsItsOwnJobNotTheJobsViewSelection() throws Exception {
        Instant now = Instant.now();
        Job done = SampleJobs.create(Workbench.backend().store(), "job_tb_ui_1", "toolbar-done", "alpine", SampleJobs.resources(4, 4, 1),
                now.minus(Duration.ofHours(3)), Duration.ofMinutes(20), JobStatus.SUBMITTING, JobStatus.PENDING, JobStatus.RUNNING,
                JobStatus.COMPLETED);
        Job running = SampleJobs.create(Workbench.backend().store(), "job_tb_ui_2", "toolbar-running", "alpine",
                SampleJobs.resources(4, 4, 1), now.minus(Duration.ofHours(1)), Duration.ofMinutes(10), JobStatus.SUBMITTING,
                JobStatus.PENDING, JobStatus.RUNNING);
        JobsViewTester view = JobsViewTester.open();
        view.waitForRow("toolbar-running", Duration.ofSeconds(20));

        Ui.run(() -> OpenHandler.open(Workbench.page(), done));
        JobEditor doneEditor = EditorTester.waitForEditor("toolbar-done", JobStatus.COMPLETED);
        Ui.run(() -> OpenHandler.open(Workbench.page(), running));
        JobEditor runningEditor = EditorTester.waitForEditor("toolbar-running", JobStatus.RUNNING);

        Ui.run(() -> Workbench.page().activate(view.view()));
        view.select("toolbar-running");
        assertTrue(Workbench.isEnabled(NamdRunnerUi.COMMAND_CANCEL), "the Jobs view offers Cancel for its running job");
        assertFalse(Ui.sync(() -> doneEditor.toolbarEnabled(NamdRunnerUi.COMMAND_CANCEL)),
                "the finished job's editor offers no Cancel, whatever the Jobs view selects");
        assertTrue(Ui.sync(() -> doneEditor.toolbarEnabled(NamdRunnerUi.COMMAND_DOWNLOAD)), "but Download for its results");
        assertFalse(Ui.sync(() -> doneEditor.toolbarEnabled(ContinueHandler.COMMAND_ID)), "a completed job has nothing to continue");
        assertTrue(Ui.sync(() -> runningEditor.toolbarEnabled(NamdRunnerUi.COMMAND_CANCEL)), "the running job's editor offers Cancel");

        view.select("toolbar-done");
        assertTrue(Ui.sync(() -> runningEditor.toolbarEnabled(NamdRunnerUi.COMMAND_CANCEL)),
                "selecting the finished job in the Jobs view changes nothing in the running job's editor");
        Ui.run(() -> Workbench.page().closeAllEditors(false));
    }

    @AfterAll
    static void removeJobs() throws Exception {
        Workbench.backend().store().delete("job_tb_ui_1");
        Workbench.backend().store().delete("job_tb_ui_2");
    }
}
