package org.namdrunner.ui.internal.application;

import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPartReference;

/** Gives the Jobs view the whole window again once the last job editor is closed. */
final class EditorAreaKeeper implements IPartListener2 {

    @Override
    public void partClosed(IWorkbenchPartReference ref) {
        if (ref instanceof IEditorReference) {
            IWorkbenchPage page = ref.getPage();
            page.getWorkbenchWindow().getShell().getDisplay().asyncExec(() -> {
                if (page.getWorkbenchWindow().getActivePage() == page && page.getEditorReferences().length == 0) {
                    page.setEditorAreaVisible(false);
                }
            });
        }
    }
}
