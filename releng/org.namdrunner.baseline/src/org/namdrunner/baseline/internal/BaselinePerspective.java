package org.namdrunner.baseline.internal;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** The one empty view, filling the window (no editor area), like the NAMD Jobs perspective's Jobs view. */
public class BaselinePerspective implements IPerspectiveFactory {

    static final String ID = "org.namdrunner.baseline.perspective";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        layout.addStandaloneView(EmptyView.ID, false, IPageLayout.LEFT, 1.0f, layout.getEditorArea());
    }
}
