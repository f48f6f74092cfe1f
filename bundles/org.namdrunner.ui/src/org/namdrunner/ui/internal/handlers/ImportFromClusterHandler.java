package org.namdrunner.ui.internal.handlers;

import java.util.List;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.dialogs.ListDialog;
import org.eclipse.ui.handlers.HandlerUtil;
import org.namdrunner.app.Backend;
import org.namdrunner.core.cluster.ClusterProfile;

/**
 * File &gt; Import Jobs from Cluster…: the person picks a cluster profile; an {@link ImportFromClusterJob} (Progress
 * view, cancelable) signs in if needed, which is fine here because the person asked, and imports what it finds.
 */
public final class ImportFromClusterHandler extends BackendHandler {

    public static final String TITLE = "Import Jobs from Cluster";
    static final String MESSAGE = "Pick the cluster to read. NAMDRunner signs in if it is not connected (this may ask for "
            + "your password and a Duo approval).";

    @Override
    public Object execute(ExecutionEvent event) {
        // the window's shell: the active one may be a dialog that closed meanwhile (a host-key question, say)
        var window = HandlerUtil.getActiveWorkbenchWindow(event);
        Shell shell = window != null ? window.getShell() : HandlerUtil.getActiveShell(event);
        backend(event, TITLE).ifPresent(b -> choose(shell, b));
        return null;
    }

    static void choose(Shell shell, Backend b) {
        List<ClusterProfile> profiles = b.profiles().all();
        ListDialog d = new ListDialog(shell);
        d.setTitle(TITLE);
        d.setMessage(MESSAGE);
        d.setContentProvider(ArrayContentProvider.getInstance());
        d.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object o) {
                ClusterProfile p = (ClusterProfile) o;
                return p.name() + " — " + (p.user().isEmpty() ? "" : p.user() + "@") + p.host() + ", " + p.projectsRoot();
            }
        });
        d.setInput(profiles);
        if (!profiles.isEmpty()) {
            d.setInitialSelections(profiles.getFirst());
        }
        d.setWidthInChars(90);
        d.setHelpAvailable(false);
        if (d.open() != Window.OK || d.getResult() == null || d.getResult().length == 0) {
            return;
        }
        new ImportFromClusterJob(b, (ClusterProfile) d.getResult()[0], Display.getCurrent()).schedule();
    }
}
