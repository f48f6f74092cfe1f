package org.namdrunner.ui.internal.views;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.namdrunner.app.ClusterState;

/**
 * A yellow strip above the table while the last sync of a cluster with active jobs failed: says since when the
 * statuses are old and why, with a link to try again.
 */
final class StaleBanner {

    /** One cluster whose statuses may be out of date. */
    record Entry(String profileId, String clusterName, ClusterState state) {
    }

    private final Composite control;
    private final Link text;

    StaleBanner(Composite parent, Consumer<String> syncNow) {
        control = new Composite(parent, SWT.NONE);
        LocalResourceManager res = new LocalResourceManager(JFaceResources.getResources(), control);
        control.setBackground(StatusStyle.themed(StatusStyle.BANNER_BACKGROUND));
        GridLayoutFactory.fillDefaults().numColumns(2).margins(8, 6).applyTo(control);
        Label icon = new Label(control, SWT.NONE);
        icon.setImage(res.create(StatusStyle.image("icons/status/stale.png")));
        icon.setBackground(control.getBackground());
        GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(icon);
        text = new Link(control, SWT.WRAP);
        text.setBackground(control.getBackground());
        text.setForeground(StatusStyle.themed(StatusStyle.BANNER_FOREGROUND));
        GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(text);
        text.addListener(SWT.Selection, e -> syncNow.accept(e.text));
    }

    Composite control() {
        return control;
    }

    String text() {
        return text.getText();
    }

    /** Shows the entries; hides the banner when there are none. Returns whether it is visible. */
    boolean show(List<Entry> entries) {
        boolean visible = !entries.isEmpty();
        if (visible) {
            StringBuilder sb = new StringBuilder();
            for (Entry e : entries) {
                if (sb.length() > 0) {
                    sb.append('\n');
                }
                ClusterState s = e.state();
                sb.append("Statuses on ").append(e.clusterName()).append(" may be out of date: the last sync");
                if (s.lastFailure() != null) {
                    sb.append(" at ").append(JobTimes.shortTime(s.lastFailure()));
                }
                String why = escape(s.lastError()).strip();
                sb.append(" failed: ").append(why).append(why.endsWith(".") ? "" : ".");
                sb.append(s.lastSuccess() == null ? " It has never been synced." : " Last good sync: " + JobTimes.shortTime(s.lastSuccess()) + ".");
                sb.append(" <a href=\"").append(e.profileId()).append("\">Sync now</a>");
            }
            text.setText(sb.toString());
        }
        GridDataFactory.fillDefaults().grab(true, false).exclude(!visible).applyTo(control);
        control.setVisible(visible);
        return visible;
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&&").replace("<", "‹").replace(">", "›");
    }
}
