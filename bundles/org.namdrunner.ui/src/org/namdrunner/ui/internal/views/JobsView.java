package org.namdrunner.ui.internal.views;

import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.part.ViewPart;
import org.namdrunner.core.model.Job;

/**
 * The researcher's list of jobs. Shows a short explanation instead of an empty table while there are no
 * jobs.
 */
public class JobsView extends ViewPart {

    public static final String EMPTY_TITLE = "No jobs yet";
    public static final String EMPTY_HINT = "Jobs you create and submit to a cluster appear here, with their status "
            + "kept up to date from SLURM.\nClosing NAMDRunner loses nothing: every job and its history is stored on "
            + "this computer.";

    private Composite stack;
    private StackLayout stackLayout;
    private Composite emptyState;
    private TableViewer viewer;

    @Override
    public void createPartControl(Composite parent) {
        stack = new Composite(parent, SWT.NONE);
        stackLayout = new StackLayout();
        stack.setLayout(stackLayout);
        emptyState = createEmptyState(stack);
        viewer = createTable(stack);
        setJobs(List.of());
        StartupTiming.reportFirstPaint(emptyState, viewer.getControl());
    }

    private Composite createEmptyState(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().margins(24, 24).applyTo(c);
        Label title = new Label(c, SWT.NONE);
        title.setText(EMPTY_TITLE);
        title.setFont(JFaceResources.getHeaderFont());
        Label hint = new Label(c, SWT.WRAP);
        hint.setText(EMPTY_HINT);
        GridDataFactory.fillDefaults().grab(true, false).hint(520, SWT.DEFAULT).applyTo(hint);
        return c;
    }

    private TableViewer createTable(Composite parent) {
        TableViewer v = new TableViewer(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.VIRTUAL);
        Table table = v.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        column(v, "Name", 200, j -> j.name());
        column(v, "Type", 90, Job::jobTypeId);
        column(v, "Status", 110, j -> j.status().label());
        column(v, "SLURM ID", 90, j -> j.slurmId().orElse(""));
        column(v, "Cluster", 110, Job::clusterProfileId);
        column(v, "Submitted", 150, j -> j.submittedAt().map(Object::toString).orElse(""));
        v.setContentProvider(ArrayContentProvider.getInstance());
        getSite().setSelectionProvider(v);
        return v;
    }

    private static void column(TableViewer v, String title, int width, java.util.function.Function<Job, String> text) {
        TableViewerColumn col = new TableViewerColumn(v, SWT.LEFT);
        col.getColumn().setText(title);
        col.getColumn().setWidth(width);
        col.getColumn().setMoveable(true);
        col.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Job) element);
            }
        });
    }

    /** Shows these jobs, or the empty state when there are none. UI thread only. */
    public void setJobs(List<Job> jobs) {
        viewer.setInput(jobs);
        stackLayout.topControl = jobs.isEmpty() ? emptyState : viewer.getControl();
        stack.layout(true, true);
    }

    /** Whether the empty-state explanation is showing (for tests). */
    public boolean isShowingEmptyState() {
        return stackLayout.topControl == emptyState;
    }

    public TableViewer viewer() {
        return viewer;
    }

    @Override
    public void setFocus() {
        stackLayout.topControl.setFocus();
    }
}
