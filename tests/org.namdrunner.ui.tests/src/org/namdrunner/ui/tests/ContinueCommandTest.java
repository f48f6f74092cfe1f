package org.namdrunner.ui.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.ui.internal.handlers.ContinueHandler;

/**
 * Continue… in the Jobs view: offered for exactly one TIMEOUT job, asks for the continuation's walltime and checks it
 * as it is typed. The jobs here are sample rows of a cluster this test does not log in to, so the dialog is cancelled;
 * creating the continuation on a real cluster is tested end to end in integration.tests (ContinuationTest).
 */
class ContinueCommandTest {

    @Test
    void continueIsOfferedForATimedOutJobAndChecksTheWalltime() throws Exception {
        Instant now = Instant.now();
        SampleJobs.create(Workbench.backend().store(), "job_cont_ui_1", "cont-ui-timeout", "alpine", SampleJobs.resources(16, 16, 2),
                now.minus(Duration.ofHours(5)), Duration.ofHours(1), JobStatus.SUBMITTING, JobStatus.PENDING, JobStatus.RUNNING,
                JobStatus.TIMEOUT);
        SampleJobs.create(Workbench.backend().store(), "job_cont_ui_2", "cont-ui-done", "alpine", SampleJobs.resources(16, 16, 2),
                now.minus(Duration.ofHours(5)), Duration.ofHours(1), JobStatus.SUBMITTING, JobStatus.PENDING, JobStatus.RUNNING,
                JobStatus.COMPLETED);
        JobsViewTester view = JobsViewTester.open();
        view.waitForRow("cont-ui-timeout", Duration.ofSeconds(20));
        view.waitForRow("cont-ui-done", Duration.ofSeconds(20));

        view.select("cont-ui-done");
        assertFalse(Workbench.isEnabled(ContinueHandler.COMMAND_ID), "a completed job has nothing to continue");
        view.select("cont-ui-timeout");
        assertTrue(Workbench.isEnabled(ContinueHandler.COMMAND_ID), "a timed-out job can be continued");

        Workbench.executeAsync(ContinueHandler.COMMAND_ID);
        Shell dialog = Dialogs.waitFor(ContinueHandler.DIALOG_TITLE, Duration.ofSeconds(10));
        assertTrue(Dialogs.text(dialog).contains("cont-ui-timeout ran out of walltime"), Dialogs.text(dialog));
        Text walltime = Ui.sync(() -> Widgets.find(dialog, Text.class, t -> true, "the walltime field"));
        assertTrue(Ui.sync(walltime::getText).equals("02:00"), "starts from the old walltime: " + Ui.sync(walltime::getText));
        Ui.run(() -> Widgets.type(walltime, "soon"));
        assertFalse(Ui.sync(() -> Widgets.button(dialog, "OK").isEnabled()), "a walltime SLURM cannot read is refused as typed");
        Ui.run(() -> Widgets.type(walltime, "4h"));
        assertTrue(Ui.sync(() -> Widgets.button(dialog, "OK").isEnabled()));
        Screenshots.capture(dialog, "dialog-continue");
        Dialogs.press(dialog, "Cancel");
    }

    @AfterAll
    static void removeJobs() throws Exception {
        Workbench.backend().store().delete("job_cont_ui_1");
        Workbench.backend().store().delete("job_cont_ui_2");
    }
}
