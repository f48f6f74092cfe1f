package org.namdrunner.ui.internal.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.eclipse.ui.handlers.HandlerUtil;
import org.namdrunner.ui.NamdRunnerUi;

/** Opens the preferences on the cluster profiles. */
public final class ClusterPreferencesHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        // the one workbench Preferences dialog, opened on Clusters: no filter, so every page (NAMD Templates too) is there
        PreferencesUtil.createPreferenceDialogOn(HandlerUtil.getActiveShell(event), NamdRunnerUi.CLUSTERS_PREFERENCE_PAGE_ID, null, null)
                .open();
        return null;
    }
}
