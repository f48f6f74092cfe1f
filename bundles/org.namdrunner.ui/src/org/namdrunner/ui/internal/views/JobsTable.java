package org.namdrunner.ui.internal.views;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.DecorationOverlayIcon;
import org.eclipse.jface.viewers.IDecoration;
import org.eclipse.jface.viewers.ILazyContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.namdrunner.core.store.JobSummary;

/**
 * A virtual table of jobs: only the rows on screen are ever labelled, so 10,000 jobs cost what 30 do. Its elements are {@link JobSummary}s; they adapt to the whole job
 * (read from the store) for the handlers. Keeps
 * the selection (by job id) across reloads, filtering and sorting.
 */
public final class JobsTable {

    /** A TableViewer that can tell its listeners the selection after rows were replaced underneath it. */
    private static final class Viewer2 extends TableViewer {
        Viewer2(Composite parent, int style) {
            super(parent, style);
        }

        void fireSelection() {
            fireSelectionChanged(new SelectionChangedEvent(this, getSelection()));
        }
    }

    private final Viewer2 viewer;
    private final JobRows rows = new JobRows();
    private final LocalResourceManager resources;
    private RowContext context = RowContext.PLAIN;
    private Consumer<JobRows> rowsListener = r -> { };

    public JobsTable(Composite parent) {
        viewer = new Viewer2(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.VIRTUAL | SWT.BORDER);
        resources = new LocalResourceManager(JFaceResources.getResources(), viewer.getTable());
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        viewer.setContentProvider(new ILazyContentProvider() {
            @Override
            public void updateElement(int index) {
                List<JobSummary> v = rows.visible();
                if (index < v.size()) {
                    viewer.replace(v.get(index), index);
                }
            }

            @Override
            public void inputChanged(Viewer v, Object oldInput, Object newInput) {
            }
        });
        for (JobColumn c : JobColumn.values()) {
            addColumn(c);
        }
        ColumnViewerToolTipSupport.enableFor(viewer);
        if (org.eclipse.ui.PlatformUI.isWorkbenchRunning()) {
            // a theme switch changes the status colours: repaint with the new ones
            var themes = org.eclipse.ui.PlatformUI.getWorkbench().getThemeManager();
            org.eclipse.swt.widgets.Display display = table.getDisplay();
            org.eclipse.jface.util.IPropertyChangeListener repaint = e -> {
                if (!display.isDisposed()) {
                    display.asyncExec(() -> {
                        if (!table.isDisposed()) {
                            repaint();
                        }
                    });
                }
            };
            themes.addPropertyChangeListener(repaint);
            table.addListener(SWT.Dispose, e -> themes.removePropertyChangeListener(repaint));
        }
        viewer.setInput(rows);
        viewer.setItemCount(0);
    }

    private void addColumn(JobColumn c) {
        TableViewerColumn col = new TableViewerColumn(viewer, c == JobColumn.SLURM_ID ? SWT.RIGHT : SWT.LEFT);
        TableColumn tc = col.getColumn();
        tc.setText(c.title());
        tc.setWidth(c.width());
        tc.setMoveable(true);
        tc.setData(c);
        tc.addListener(SWT.Selection, e -> {
            rows.sortBy(c);
            refreshRows();
        });
        col.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return rows.chains().text(c, (JobSummary) element, context, Instant.now());
            }

            @Override
            public Image getImage(Object element) {
                return c == JobColumn.STATUS ? statusImage((JobSummary) element) : null;
            }

            @Override
            public Color getForeground(Object element) {
                if (c != JobColumn.STATUS) {
                    return null;
                }
                JobSummary j = (JobSummary) element;
                return JobColumn.showsStale(j, context) ? StatusStyle.themed(StatusStyle.STALE) : StatusStyle.colour(j.status());
            }

            @Override
            public String getToolTipText(Object element) {
                return c == JobColumn.STATUS ? statusTip((JobSummary) element) : null;
            }
        });
    }

    private Image statusImage(JobSummary j) {
        ImageDescriptor icon = StatusStyle.icon(j.status());
        if (JobColumn.showsStale(j, context)) {
            icon = new DecorationOverlayIcon(icon, StatusStyle.image("icons/status/stale_ovr.png"), IDecoration.BOTTOM_RIGHT);
        }
        return resources.create(icon);
    }

    private String statusTip(JobSummary j) {
        StringBuilder sb = new StringBuilder(j.status().label());
        if (j.slurmState() != null) {
            sb.append("\nSLURM: ").append(j.slurmState());
        }
        if (j.slurmReason() != null && !j.slurmReason().isBlank() && !"None".equals(j.slurmReason())) {
            sb.append(", reason ").append(ChainRows.reasonWords(j.slurmReason()));
        }
        if (j.errorMessage() != null) {
            sb.append("\n").append(j.errorMessage());
        }
        if (JobColumn.showsStale(j, context)) {
            sb.append("\nThe last sync of this cluster failed, so this status may be out of date.");
        }
        return sb.toString();
    }

    public void setContext(RowContext ctx) {
        context = ctx;
    }

    /** Told after every change of the rows (for the "12 of 40 jobs" count). */
    public void onRowsChanged(Consumer<JobRows> listener) {
        rowsListener = listener;
    }

    public void setJobs(List<JobSummary> jobs) {
        rows.setJobs(jobs);
        refreshRows();
    }

    /** Replaces, adds or removes the changed jobs (see {@link JobRows#patch}). UI thread. */
    public void patchJobs(Set<String> changedIds, List<JobSummary> found) {
        rows.patch(changedIds, found);
        refreshRows();
    }

    public void setQuery(JobQuery q) {
        rows.setQuery(q);
        refreshRows();
    }

    /** Folds or unfolds the row of a chain or a replica set; false (nothing done) for a job's row. UI thread. */
    public boolean toggleGroup(JobSummary row) {
        if (!rows.chains().toggle(row)) {
            return false;
        }
        refreshRows();
        return true;
    }

    /** Filters and sorts again, keeping the selected jobs selected. UI thread. */
    public void refreshRows() {
        List<String> selected = selectedIds();
        rows.recompute(context, Instant.now());
        Table table = viewer.getTable();
        table.setRedraw(false);
        try {
            viewer.setItemCount(rows.visible().size());
            viewer.refresh();
            List<Integer> indices = new ArrayList<>();
            for (String id : selected) {
                int i = rows.indexOf(id);
                if (i >= 0) {
                    indices.add(i);
                    viewer.replace(rows.visible().get(i), i);
                }
            }
            table.setSelection(indices.stream().mapToInt(Integer::intValue).toArray());
            for (TableColumn tc : table.getColumns()) {
                if (tc.getData() == rows.sortColumn()) {
                    table.setSortColumn(tc);
                    table.setSortDirection(rows.ascending() ? SWT.UP : SWT.DOWN);
                }
            }
        } finally {
            table.setRedraw(true);
        }
        viewer.fireSelection();
        rowsListener.accept(rows);
    }

    /** Relabels the rows on screen (elapsed times, progress, staleness) without re-filtering. */
    public void repaint() {
        viewer.refresh();
    }

    private List<String> selectedIds() {
        List<String> ids = new ArrayList<>();
        for (Object o : viewer.getStructuredSelection()) {
            if (o instanceof JobSummary j) {
                ids.add(j.id());
            }
        }
        return ids;
    }

    public List<JobSummary> selectedJobs() {
        List<JobSummary> jobs = new ArrayList<>();
        IStructuredSelection s = viewer.getStructuredSelection();
        for (Object o : s) {
            if (o instanceof JobSummary j) {
                jobs.add(j);
            }
        }
        return jobs;
    }

    public JobRows rows() {
        return rows;
    }

    public TableViewer viewer() {
        return viewer;
    }
}
