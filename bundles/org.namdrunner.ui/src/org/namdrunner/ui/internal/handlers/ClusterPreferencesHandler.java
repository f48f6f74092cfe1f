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
        PreferencesUtil.createPreferenceDialogOn(HandlerUtil.getActiveShell(event), NamdRunnerUi.CLUSTERS_PREFERENCE_PAGE_ID,
                new String[] { NamdRunnerUi.CLUSTERS_PREFERENCE_PAGE_ID, NamdRunnerUi.SYNC_PREFERENCE_PAGE_ID }, null).open();
        return null;
    }
}
