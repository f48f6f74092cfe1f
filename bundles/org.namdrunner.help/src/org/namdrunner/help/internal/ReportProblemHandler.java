package org.namdrunner.help.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.handlers.HandlerUtil;

/** Help &gt; Report a Problem. */
public final class ReportProblemHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        new ReportProblemDialog(HandlerUtil.getActiveShellChecked(event)).open();
        return null;
    }
}
