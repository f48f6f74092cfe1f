package org.namdrunner.ui.internal.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;

/** Syncs every cluster that has waiting or running jobs now, bypassing the poll interval. */
public final class SyncAllHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        Operations.syncAll().schedule();
        return null;
    }
}
