package org.namdrunner.ui.internal.application;

import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

/** Window title, size and the bars a researcher expects. */
public class NamdRunnerWindowAdvisor extends WorkbenchWindowAdvisor {

    public static final String WINDOW_TITLE = "NAMDRunner";

    public NamdRunnerWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        super(configurer);
    }

    @Override
    public ActionBarAdvisor createActionBarAdvisor(IActionBarConfigurer configurer) {
        return new NamdRunnerActionBarAdvisor(configurer);
    }

    @Override
    public void preWindowOpen() {
        IWorkbenchWindowConfigurer configurer = getWindowConfigurer();
        configurer.setInitialSize(new Point(1200, 800));
        configurer.setShowCoolBar(false);
        configurer.setShowStatusLine(true);
        configurer.setShowProgressIndicator(true);
        configurer.setTitle(WINDOW_TITLE);
    }

    @Override
    public void postWindowOpen() {
        getWindowConfigurer().getWindow().getPartService().addPartListener(new EditorAreaKeeper());
    }
}
