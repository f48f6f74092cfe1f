package org.namdrunner.ui.internal.application;

import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.namdrunner.ui.NamdRunnerUi;

/** Opens the NAMD Jobs perspective first. */
public class NamdRunnerWorkbenchAdvisor extends WorkbenchAdvisor {

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new NamdRunnerWindowAdvisor(configurer);
    }

    @Override
    public String getInitialWindowPerspectiveId() {
        return NamdRunnerUi.PERSPECTIVE_ID;
    }
}
