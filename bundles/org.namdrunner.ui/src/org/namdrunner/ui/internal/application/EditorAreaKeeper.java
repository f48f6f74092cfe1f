package org.namdrunner.ui.internal.application;

import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.IWorkbenchPartReference;

/** Gives the Jobs view the whole window again once the last job editor is closed. */
final class EditorAreaKeeper implements IPartListener2 {

    @Override
    public void partClosed(IWorkbenchPartReference ref) {
        if (!(ref instanceof IEditorReference) || PlatformUI.getWorkbench().isClosing()) {
            // File > Exit closes every editor while the window goes away: there is no area left to hide
            return;
        }
        IWorkbenchPage page = ref.getPage();
        var closingWindow = page == null ? null : page.getWorkbenchWindow();
        org.eclipse.swt.widgets.Shell shell = closingWindow == null ? null : closingWindow.getShell();
        if (shell == null || shell.isDisposed()) {
            return;
        }
        shell.getDisplay().asyncExec(() -> {
            if (shell.isDisposed() || PlatformUI.getWorkbench().isClosing()) {
                return;
            }
            // a page whose window closed meanwhile has no window any more (the NPE File > Exit used to log)
            var window = page.getWorkbenchWindow();
            if (window != null && window.getActivePage() == page && page.getEditorReferences().length == 0) {
                page.setEditorAreaVisible(false);
            }
        });
    }
}
