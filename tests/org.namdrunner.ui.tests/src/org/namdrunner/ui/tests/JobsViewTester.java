package org.namdrunner.ui.tests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.PartInitException;
import org.namdrunner.core.store.JobSummary;
import org.namdrunner.ui.NamdRunnerUi;
import org.namdrunner.ui.internal.views.JobColumn;
import org.namdrunner.ui.internal.views.JobsView;

/** The Jobs view as a person sees it: rows of text, found by job name. */
public final class JobsViewTester {

    private final JobsView view;

    private JobsViewTester(JobsView view) {
        this.view = view;
    }

    public static JobsViewTester open() {
        JobsView v = Ui.sync(() -> {
            try {
                return (JobsView) Workbench.page().showView(NamdRunnerUi.JOBS_VIEW_ID);
            } catch (PartInitException e) {
                throw new AssertionError(e);
            }
        });
        Ui.waitUntil("the Jobs view to read the job list", Duration.ofSeconds(60), v::isLoaded);
        return new JobsViewTester(v);
    }

    public JobsView view() {
        return view;
    }

    /** The cell texts of the job's row, by column, or empty when the row is not shown. UI thread not needed. */
    public Optional<List<String>> row(String jobName) {
        return Ui.sync(() -> {
            Table t = view.viewer().getTable();
            int i = indexOf(jobName);
            if (i < 0) {
                return Optional.empty();
            }
            TableItem item = t.getItem(i);
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < t.getColumnCount(); c++) {
                cells.add(item.getText(c));
            }
            return Optional.of(cells);
        });
    }

    public String cell(String jobName, JobColumn column) {
        return row(jobName).map(r -> r.get(column.ordinal())).orElse(null);
    }

    private int indexOf(String jobName) {
        List<JobSummary> visible = view.table().rows().visible();
        for (int i = 0; i < visible.size(); i++) {
            if (visible.get(i).name().equals(jobName)) {
                return i;
            }
        }
        return -1;
    }

    /** Selects the job's row as a click would, and makes the view active so its commands apply. */
    public void select(String jobName) {
        Ui.run(() -> {
            Workbench.page().activate(view);
            int i = indexOf(jobName);
            if (i < 0) {
                throw new AssertionError("No row for " + jobName);
            }
            Table t = view.viewer().getTable();
            t.setSelection(i);
            t.notifyListeners(org.eclipse.swt.SWT.Selection, selectionEvent(t.getItem(i)));
        });
    }

    /** Selects the row and opens it as a double-click or Enter would. */
    public void openRow(String jobName) {
        select(jobName);
        Ui.run(() -> {
            Table t = view.viewer().getTable();
            t.notifyListeners(org.eclipse.swt.SWT.DefaultSelection, selectionEvent(t.getItem(t.getSelectionIndex())));
        });
    }

    private static org.eclipse.swt.widgets.Event selectionEvent(TableItem item) {
        org.eclipse.swt.widgets.Event e = new org.eclipse.swt.widgets.Event();
        e.item = item;
        return e;
    }

    public void waitForRow(String jobName, Duration deadline) {
        Ui.waitUntil("a row for " + jobName, deadline, () -> indexOf(jobName) >= 0);
    }

    /** Waits until the job's row shows {@code expected} in the column; fails with what it showed. */
    public void waitForCell(String jobName, JobColumn column, String expected, Duration deadline) {
        try {
            Ui.waitUntil(jobName + "'s " + column + " to be '" + expected + "'", deadline, () -> expected.equals(cell(jobName, column)));
        } catch (AssertionError e) {
            throw new AssertionError("It shows '" + cell(jobName, column) + "'. " + e.getMessage(), e);
        }
    }

    public void waitForNoRow(String jobName, Duration deadline) {
        Ui.waitUntil("the row of " + jobName + " to go", deadline, () -> indexOf(jobName) < 0);
    }

    public String status(String jobName) {
        return cell(jobName, JobColumn.STATUS);
    }
}
