package org.namdrunner.ui.internal.handlers;

import org.eclipse.core.commands.ExecutionEvent;

/** Syncs every cluster that has waiting or running jobs now, bypassing the poll interval. */
public final class SyncAllHandler extends BackendHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        backend(event, "Sync All").ifPresent(b -> Operations.syncAll(b).schedule());
        return null;
    }
}
