package org.namdrunner.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.namdrunner.ui.NamdRunnerUi;
import org.namdrunner.ui.internal.application.NamdRunnerWindowAdvisor;
import org.namdrunner.ui.internal.views.JobsView;

/** Runs inside the real workbench (tycho-surefire UI harness under Xvfb). */
class WorkbenchStartupTest {

    @Test
    void theWorkbenchOpensOnTheNamdJobsPerspectiveWithTheJobsView() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        assertNotNull(window, "a workbench window is open");
        IWorkbenchPage page = window.getActivePage();
        assertEquals(NamdRunnerUi.PERSPECTIVE_ID, page.getPerspective().getId());
        assertEquals("NAMD Jobs", page.getPerspective().getLabel());

        IViewPart view = page.findView(NamdRunnerUi.JOBS_VIEW_ID);
        assertInstanceOf(JobsView.class, view, "the Jobs view is open");
        JobsView jobs = (JobsView) view;
        assertTrue(jobs.isShowingEmptyState(), "with no jobs, the view explains itself instead of an empty table");

        Shell shell = window.getShell();
        assertTrue(shell.getText().startsWith(NamdRunnerWindowAdvisor.WINDOW_TITLE), shell.getText());
        Path png = Screenshots.capture(shell, "workbench-startup");
        assertTrue(Files.size(png) > 1000, "screenshot written: " + png);
    }
}
