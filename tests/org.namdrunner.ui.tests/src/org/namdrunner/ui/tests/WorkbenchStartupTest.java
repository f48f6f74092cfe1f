package org.namdrunner.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.ui.NamdRunnerUi;
import org.namdrunner.ui.internal.application.NamdRunnerWindowAdvisor;
import org.namdrunner.ui.internal.status.ConnectionStatusControl;
import org.namdrunner.ui.internal.views.JobsView;

/** Runs inside the real workbench (tycho-surefire UI harness under Xvfb). */
class WorkbenchStartupTest {

    @Test
    void theWorkbenchOpensOnTheNamdJobsPerspectiveWithTheJobsView() throws Exception {
        IWorkbenchWindow window = Workbench.window();
        assertNotNull(window, "a workbench window is open");
        IWorkbenchPage page = Workbench.page();
        assertEquals(NamdRunnerUi.PERSPECTIVE_ID, Ui.sync(() -> page.getPerspective().getId()));
        assertEquals("NAMD Jobs", Ui.sync(() -> page.getPerspective().getLabel()));

        IViewPart view = Ui.sync(() -> page.findView(NamdRunnerUi.JOBS_VIEW_ID));
        assertInstanceOf(JobsView.class, view, "the Jobs view is open");
        JobsViewTester jobs = JobsViewTester.open();
        assertTrue(Workbench.backend().store().list(JobFilter.all()).isEmpty(), "the test database starts empty");
        Ui.waitUntil("the empty state", Duration.ofSeconds(10), () -> jobs.view().isShowingEmptyState());

        Shell shell = Ui.sync(window::getShell);
        assertTrue(Ui.sync(shell::getText).startsWith(NamdRunnerWindowAdvisor.WINDOW_TITLE));
        Ui.waitUntil("the status line to show the connection state", Duration.ofSeconds(20),
                () -> Widgets.text(shell).contains(ConnectionStatusControl.NOT_CONNECTED) || Widgets.text(shell).contains("connected"));
        Path png = Screenshots.capture(shell, "workbench-empty");
        assertTrue(Files.size(png) > 1000, "screenshot written: " + png);
    }

    @Test
    void theJobMenuOffersEveryJobCommand() {
        for (String id : new String[] { NamdRunnerUi.COMMAND_NEW_JOB, NamdRunnerUi.COMMAND_SUBMIT, NamdRunnerUi.COMMAND_SYNC_ALL,
                NamdRunnerUi.COMMAND_SYNC_SELECTED, NamdRunnerUi.COMMAND_CANCEL, NamdRunnerUi.COMMAND_DELETE,
                NamdRunnerUi.COMMAND_DOWNLOAD, NamdRunnerUi.COMMAND_OPEN }) {
            assertTrue(Ui.sync(() -> Workbench.window().getService(org.eclipse.ui.commands.ICommandService.class).getCommand(id)
                    .isDefined()), id + " is defined");
        }
        assertTrue(Workbench.isEnabled(NamdRunnerUi.COMMAND_NEW_JOB), "New Job is always offered");
        assertTrue(!Workbench.isEnabled(NamdRunnerUi.COMMAND_DELETE), "Delete needs a selected job");
    }
}
