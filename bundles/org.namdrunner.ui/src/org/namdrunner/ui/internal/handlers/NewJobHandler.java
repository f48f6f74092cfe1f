package org.namdrunner.ui.internal.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;
import org.namdrunner.ui.internal.services.Backend;
import org.namdrunner.ui.internal.wizards.NewJobWizard;

/** Opens the New Job wizard. */
public final class NewJobHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        Shell shell = HandlerUtil.getActiveShell(event);
        Backend b = Backend.current().orElse(null);
        if (b == null) {
            MessageDialog.openInformation(shell, "New Job", "NAMDRunner is still starting; try again in a moment.");
            return null;
        }
        WizardDialog dialog = new WizardDialog(shell, new NewJobWizard(b));
        dialog.setPageSize(640, 460);
        dialog.open();
        return null;
    }
}
