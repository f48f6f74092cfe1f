package org.namdrunner.help.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

/** Help &gt; User Guide: shows the guide in its view. */
public final class UserGuideHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        try {
            HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage().showView(UserGuideView.ID);
        } catch (PartInitException e) {
            throw new ExecutionException("The user guide could not be opened: " + e.getMessage(), e);
        }
        return null;
    }
}
