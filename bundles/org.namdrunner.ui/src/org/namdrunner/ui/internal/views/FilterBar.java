package org.namdrunner.ui.internal.views;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.ui.internal.views.JobQuery.StatusGroup;

/** Status, cluster and search text above the Jobs table, and the count of what is shown. */
final class FilterBar {

    static final String SEARCH_HINT = "Search name, SLURM ID, cluster…";
    static final String ALL_CLUSTERS = "All clusters";

    private final Composite control;
    private final Combo status;
    private final Combo cluster;
    private final Text search;
    private final Label count;
    private final List<String> clusterIds = new ArrayList<>();
    private final Consumer<JobQuery> onChange;
    private static final int SEARCH_DELAY_MILLIS = 150;
    private int typed;

    FilterBar(Composite parent, Consumer<JobQuery> onChange) {
        this.onChange = onChange;
        control = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(4).margins(4, 4).applyTo(control);
        status = new Combo(control, SWT.READ_ONLY);
        for (StatusGroup g : StatusGroup.values()) {
            status.add(g.label());
        }
        status.select(0);
        cluster = new Combo(control, SWT.READ_ONLY);
        setClusters(List.of());
        search = new Text(control, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        search.setMessage(SEARCH_HINT);
        GridDataFactory.fillDefaults().grab(true, false).hint(260, SWT.DEFAULT).applyTo(search);
        count = new Label(control, SWT.RIGHT);
        GridDataFactory.fillDefaults().align(SWT.END, SWT.CENTER).hint(160, SWT.DEFAULT).applyTo(count);
        status.addListener(SWT.Selection, e -> changed());
        cluster.addListener(SWT.Selection, e -> changed());
        search.addListener(SWT.Modify, e -> searchTyped());
    }

    Composite control() {
        return control;
    }

    void setClusters(List<ClusterProfile> profiles) {
        String selected = selectedCluster();
        cluster.removeAll();
        clusterIds.clear();
        cluster.add(ALL_CLUSTERS);
        clusterIds.add(null);
        for (ClusterProfile p : profiles) {
            cluster.add(p.name());
            clusterIds.add(p.id());
        }
        int i = clusterIds.indexOf(selected);
        cluster.select(Math.max(0, i));
        control.layout(true);
    }

    private String selectedCluster() {
        int i = cluster.getSelectionIndex();
        return i <= 0 || i >= clusterIds.size() ? null : clusterIds.get(i);
    }

    JobQuery query() {
        return new JobQuery(StatusGroup.values()[Math.max(0, status.getSelectionIndex())], selectedCluster(), search.getText());
    }

    void showCount(int shown, int total) {
        count.setText(shown == total ? total + (total == 1 ? " job" : " jobs") : shown + " of " + total + " jobs");
    }

    /** Filters once typing pauses, not on every key, so 10,000 rows do not make typing stutter. */
    private void searchTyped() {
        int mine = ++typed;
        control.getDisplay().timerExec(SEARCH_DELAY_MILLIS, () -> {
            if (mine == typed && !control.isDisposed()) {
                changed();
            }
        });
    }

    private void changed() {
        onChange.accept(query());
    }
}
