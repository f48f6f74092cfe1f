package org.namdrunner.ui.internal.handlers;

import java.util.Optional;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.handlers.HandlerUtil;
import org.namdrunner.app.Backend;
import org.namdrunner.ui.internal.services.BackendTracker;

/** A handler that needs the application's services: tracks the {@link Backend} from creation until the workbench disposes it. */
public abstract class BackendHandler extends AbstractHandler {

    public static final String STARTING = "NAMDRunner is still starting; try again in a moment.";

    private final BackendTracker backend = new BackendTracker();

    /** The backend, or empty after telling the person it is not there yet. */
    protected Optional<Backend> backend(ExecutionEvent event, String title) {
        Optional<Backend> b = backend.current();
        if (b.isEmpty()) {
            MessageDialog.openInformation(HandlerUtil.getActiveShell(event), title, STARTING);
        }
        return b;
    }

    @Override
    public void dispose() {
        backend.close();
        super.dispose();
    }
}
