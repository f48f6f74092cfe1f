package org.namdrunner.ui.internal.application;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.namdrunner.ui.NamdRunnerUi;

/** "NAMD Jobs": the Jobs view fills the window; editors open beside it. */
public class JobsPerspective implements IPerspectiveFactory {

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        layout.addStandaloneView(NamdRunnerUi.JOBS_VIEW_ID, true, IPageLayout.LEFT, 1.0f, layout.getEditorArea());
        layout.getViewLayout(NamdRunnerUi.JOBS_VIEW_ID).setCloseable(false);
        layout.addShowViewShortcut(NamdRunnerUi.JOBS_VIEW_ID);
    }
}
