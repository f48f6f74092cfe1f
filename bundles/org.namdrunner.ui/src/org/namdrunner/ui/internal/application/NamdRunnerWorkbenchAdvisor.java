package org.namdrunner.ui.internal.application;

import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.namdrunner.ui.NamdRunnerUi;
import org.namdrunner.ui.internal.status.StartupHooks;

/**
 * Opens the NAMD Jobs perspective first, has the job list read for it while the workbench starts, and starts the
 * background sync once the window is up.
 */
public class NamdRunnerWorkbenchAdvisor extends WorkbenchAdvisor {

    private final StartupHooks hooks = new StartupHooks();

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new NamdRunnerWindowAdvisor(configurer);
    }

    @Override
    public String getInitialWindowPerspectiveId() {
        return NamdRunnerUi.PERSPECTIVE_ID;
    }

    /** The database opened: its job list can be read while the workbench starts. */
    void databaseOpened() {
        hooks.readJobListAhead();
    }

    @Override
    public void postStartup() {
        IWorkbench workbench = getWorkbenchConfigurer().getWorkbench();
        if (!hasJobsView(workbench)) {
            hooks.noJobsView();
        }
        hooks.workbenchStarted(workbench.getDisplay());
    }

    /** Whether a restored window has the Jobs view in its layout (shown or behind another tab). */
    private static boolean hasJobsView(IWorkbench workbench) {
        for (IWorkbenchWindow window : workbench.getWorkbenchWindows()) {
            for (IWorkbenchPage page : window.getPages()) {
                if (page.findViewReference(NamdRunnerUi.JOBS_VIEW_ID) != null) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public boolean preShutdown() {
        hooks.close();
        return true;
    }
}
