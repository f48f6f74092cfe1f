package org.namdrunner.ui.internal.status;

import java.util.List;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.menus.WorkbenchWindowControlContribution;
import org.namdrunner.ui.internal.handlers.Operations;
import org.namdrunner.app.Backend;
import org.namdrunner.app.ClusterState;
import org.namdrunner.app.SyncCoordinator;
import org.namdrunner.ui.internal.services.BackendTracker;
import org.namdrunner.ui.internal.views.JobTimes;

/**
 * The status-line item: whether a cluster is connected and when it was last synced, or that the last sync
 * failed. Double-click syncs every cluster with active jobs.
 */
public final class ConnectionStatusControl extends WorkbenchWindowControlContribution {

    public static final String NOT_CONNECTED = "Not connected";
    /** Wide enough for "CU Boulder Alpine (2026): connected · synced 2026-11-28 14:03". */
    private static final int WIDTH = 420;

    private CLabel label;
    private LocalResourceManager images;
    /** Captured on the UI thread: the listener runs on background jobs, where widgets must not be asked. */
    private volatile Display display;
    private Backend backend;
    private BackendTracker tracker;
    private final SyncCoordinator.Listener listener = new SyncCoordinator.Listener() {
        @Override
        public void clusterChanged(ClusterState state) {
            Display d = display;
            if (d != null && !d.isDisposed()) {
                d.asyncExec(ConnectionStatusControl.this::refresh);
            }
        }
    };

    public ConnectionStatusControl() {
        super("org.namdrunner.ui.connectionStatus");
    }

    @Override
    protected Control createControl(Composite parent) {
        // a fixed width: the status line sizes its items once, so a longer text later would be cut off
        Composite box = new Composite(parent, SWT.NONE);
        org.eclipse.jface.layout.GridLayoutFactory.fillDefaults().margins(4, 0).applyTo(box);
        label = new CLabel(box, SWT.SHADOW_NONE);
        images = new LocalResourceManager(JFaceResources.getResources(), label);
        org.eclipse.jface.layout.GridDataFactory.fillDefaults().grab(true, true).hint(WIDTH, SWT.DEFAULT).applyTo(label);
        label.setText("Starting…");
        display = parent.getDisplay();
        label.addListener(SWT.MouseDoubleClick, e -> {
            if (backend != null) {
                Operations.syncAll(backend).schedule();
            }
        });
        tracker = new BackendTracker();
        tracker.whenReadyOnUi(display, b -> {
            if (!label.isDisposed()) {
                backend = b;
                b.sync().addListener(listener);
                refresh();
            }
        });
        label.addListener(SWT.Dispose, e -> {
            if (backend != null) {
                backend.sync().removeListener(listener);
            }
            tracker.close();
        });
        return box;
    }


    private void refresh() {
        if (label == null || label.isDisposed() || backend == null) {
            return;
        }
        Summary s = summarize(backend.sync().states(), backend.profiles()::displayName);
        label.setImage(images.create(ImageDescriptor.createFromURL(getClass().getResource("/icons/" + s.icon()))));
        label.setText(s.text());
        label.setToolTipText(s.tooltip());
        label.getParent().layout(true, true);
    }

    /** What to show for the clusters' states. */
    record Summary(String text, String icon, String tooltip) {
    }

    static Summary summarize(List<ClusterState> states, java.util.function.UnaryOperator<String> nameOf) {
        StringBuilder tip = new StringBuilder();
        ClusterState syncing = null;
        ClusterState stale = null;
        ClusterState connected = null;
        ClusterState latest = null;
        ClusterState troubled = null;
        for (ClusterState s : states) {
            if (!s.stale() && !s.problems().isEmpty() && troubled == null) {
                troubled = s;
            }
            if (s.syncing()) {
                syncing = s;
            }
            if (s.stale()) {
                stale = s;
            }
            if (s.connected() && connected == null) {
                connected = s;
            }
            if (s.lastSuccess() != null && (latest == null || s.lastSuccess().isAfter(latest.lastSuccess()))) {
                latest = s;
            }
            if (s.connected() || s.lastSuccess() != null || s.stale()) {
                tip.append(tip.length() == 0 ? "" : "\n").append(nameOf.apply(s.profileId())).append(": ")
                        .append(s.connected() ? "connected" : "not connected")
                        .append(s.lastSuccess() == null ? "" : ", last sync " + JobTimes.shortTime(s.lastSuccess()))
                        .append(s.stale() ? ", last sync failed: " + s.lastError() : "");
                if (!s.stale()) {
                    s.problems().stream().limit(5).forEach(p -> tip.append("\n  • ").append(p));
                }
            }
        }
        String tooltip = (tip.length() == 0 ? "No cluster has been synced yet." : tip.toString()) + "\nDouble-click to sync now.";
        if (syncing != null) {
            return new Summary("Syncing " + nameOf.apply(syncing.profileId()) + "…", "tool/sync.png", tooltip);
        }
        if (stale != null) {
            return new Summary(nameOf.apply(stale.profileId()) + ": sync failed" + (stale.lastFailure() == null ? "" : " " + JobTimes.shortTime(stale.lastFailure())),
                    "status/stale.png", tooltip);
        }
        if (troubled != null) {
            int n = troubled.problems().size();
            return new Summary(nameOf.apply(troubled.profileId()) + ": " + n + (n == 1 ? " sync problem" : " sync problems")
                    + " (details in the Error Log)", "status/stale.png", tooltip);
        }
        if (connected != null) {
            return new Summary(nameOf.apply(connected.profileId()) + ": connected" + (connected.lastSuccess() == null ? ""
                    : " · synced " + JobTimes.shortTime(connected.lastSuccess())), "tool/cluster.png", tooltip);
        }
        return new Summary(NOT_CONNECTED + (latest == null ? "" : " · last sync " + JobTimes.shortTime(latest.lastSuccess())),
                "tool/disconnected.png", tooltip);
    }
}
