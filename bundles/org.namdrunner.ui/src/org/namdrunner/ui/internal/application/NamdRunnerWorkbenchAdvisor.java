package org.namdrunner.ui.internal.application;

import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.namdrunner.ui.NamdRunnerUi;
import org.namdrunner.ui.internal.status.StartupHooks;

/** Opens the NAMD Jobs perspective first and starts the background sync once the window is up. */
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

    @Override
    public void postStartup() {
        hooks.workbenchStarted(getWorkbenchConfigurer().getWorkbench().getDisplay());
    }

    @Override
    public boolean preShutdown() {
        hooks.close();
        return true;
    }
}
