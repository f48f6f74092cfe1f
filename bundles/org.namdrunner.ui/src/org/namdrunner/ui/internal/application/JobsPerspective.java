package org.namdrunner.ui.internal.application;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.eclipse.ui.IPlaceholderFolderLayout;
import org.namdrunner.ui.NamdRunnerUi;

/**
 * "NAMD Jobs": the Jobs view fills the window until a job is opened; job editors then open below it. The
 * Progress view and the Error Log open at the bottom when asked for.
 */
public class JobsPerspective implements IPerspectiveFactory {

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editors = layout.getEditorArea();
        layout.setEditorAreaVisible(false);
        layout.addStandaloneView(NamdRunnerUi.JOBS_VIEW_ID, true, IPageLayout.TOP, 0.4f, editors);
        layout.getViewLayout(NamdRunnerUi.JOBS_VIEW_ID).setCloseable(false);
        IPlaceholderFolderLayout bottom = layout.createPlaceholderFolder("org.namdrunner.ui.bottom", IPageLayout.BOTTOM, 0.7f, editors);
        bottom.addPlaceholder(NamdRunnerUi.PROGRESS_VIEW_ID);
        bottom.addPlaceholder(NamdRunnerUi.ERROR_LOG_VIEW_ID);
        layout.addShowViewShortcut(NamdRunnerUi.JOBS_VIEW_ID);
        layout.addShowViewShortcut(NamdRunnerUi.PROGRESS_VIEW_ID);
        layout.addShowViewShortcut(NamdRunnerUi.ERROR_LOG_VIEW_ID);
        layout.addNewWizardShortcut(NamdRunnerUi.NEW_JOB_WIZARD_ID);
    }
}
