package org.namdrunner.ui.internal.handlers;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;
import org.namdrunner.app.Backend;
import org.namdrunner.ui.internal.wizards.NewJobWizard;

/** Opens the New Job wizard. */
public final class NewJobHandler extends BackendHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        Shell shell = HandlerUtil.getActiveShell(event);
        Backend b = backend(event, "New Job").orElse(null);
        if (b == null) {
            return null;
        }
        WizardDialog dialog = new WizardDialog(shell, new NewJobWizard(b));
        dialog.setPageSize(640, 460);
        dialog.open();
        return null;
    }
}
