package org.namdrunner.ui.internal.editor;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.forms.IManagedForm;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.RemotePaths;
import org.namdrunner.core.lifecycle.JobFolders;
import org.namdrunner.core.model.Job;
import org.namdrunner.ui.Problems;
import org.namdrunner.app.Backend;
import org.namdrunner.app.ClusterReads;
import org.namdrunner.app.RemoteListing;
import org.namdrunner.ui.widgets.TableColumns;

/**
 * The job's files on the cluster with their sizes: inputs, generated scripts and results in the project folder,
 * and while it runs, what it writes in its working folder. Read from the cluster when the page is first shown
 * and on Refresh; until then the inputs and results the store knows are listed without sizes.
 */
final class FilesPage extends JobFormPage {

    static final String ID = "files";

    /** How a file of the working folder is labelled (it is not below the project folder). */
    static final String WORKING_PREFIX = "(working folder) ";

    /** A row: where (as shown), kind, size (or -1 when unknown), and the file's absolute path on the cluster (null when unknown). */
    record Row(String path, String kind, long size, String remote) {
    }

    private TableViewer table;
    private FileActions actions;
    private Label state;
    private final BackgroundRead reader = new BackgroundRead();
    private boolean readOnce;

    FilesPage(JobEditor editor) {
        super(editor, ID, "Files");
    }

    @Override
    void build(IManagedForm form) {
        var tk = form.getToolkit();
        Composite body = form.getForm().getBody();
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(body);
        state = tk.createLabel(body, "", SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(state);
        Button refresh = tk.createButton(body, "Refresh from cluster", SWT.PUSH);
        refresh.addListener(SWT.Selection, e -> read(ClusterReads.Trigger.PERSON));
        actions = new FileActions(this);
        actions.buttons(tk, body);
        table = new TableViewer(body, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
        table.getTable().setHeaderVisible(true);
        table.getTable().setLinesVisible(true);
        table.setContentProvider(ArrayContentProvider.getInstance());
        TableColumns<Row> columns = new TableColumns<>(table, Row.class);
        columns.add("File", 360, Row::path);
        columns.add("Size", 90, SWT.RIGHT, r -> r.size() < 0 ? "" : RemoteListing.size(r.size()), null);
        columns.add("Kind", 140, Row::kind);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, true).hint(600, 300).applyTo(table.getControl());
        tk.adapt(table.getTable());
        actions.attach(table);
    }

    @Override
    void update(JobSnapshot s) {
        if (!readOnce) {
            List<Row> known = new ArrayList<>();
            String dir = s.job().projectDir().orElse(null);
            s.job().inputFiles().forEach(f -> known.add(new Row(f, kind(f), -1, remote(dir, f))));
            s.job().outputFiles().forEach(f -> known.add(new Row(f, kind(f), -1, remote(dir, f))));
            table.setInput(known);
            readOnce = true;
            read(ClusterReads.Trigger.BACKGROUND);
        }
    }

    static String kind(String path) {
        if (path.startsWith(JobFolders.INPUTS + "/")) {
            return "Input";
        }
        if (path.startsWith(JobFolders.OUTPUTS + "/")) {
            return "Result";
        }
        if (path.startsWith(JobFolders.SCRIPTS + "/") || path.endsWith(".namd") || path.endsWith(".sbatch")) {
            return "Generated script";
        }
        return path.equals(JobFolders.JOB_INFO) ? "Job record" : "Other";
    }

    /** The absolute path of a listed file, or null when the folder is unknown or the name is not a safe path. */
    static String remote(String dir, String relative) {
        if (dir == null) {
            return null;
        }
        try {
            return RemotePaths.join(dir, relative);
        } catch (RuntimeException e) {
            return null; // a name read back from the cluster that our path rules refuse is listed, not opened
        }
    }

    /** The rows selected in the table. */
    List<Row> selectedRows() {
        return table.getStructuredSelection().stream().map(Row.class::cast).toList();
    }

    void select(List<Row> rows) {
        table.setSelection(new org.eclipse.jface.viewers.StructuredSelection(rows), true);
    }

    /** Shows or hides the table's context menu below the selected row (for tests and screenshots). */
    void showTableMenu(boolean on) {
        org.eclipse.swt.widgets.Menu m = table.getControl().getMenu();
        if (on) {
            var t = table.getTable();
            var b = t.getSelectionCount() > 0 ? t.getSelection()[0].getBounds() : new org.eclipse.swt.graphics.Rectangle(0, 0, 0, 0);
            m.setLocation(t.toDisplay(b.x + 60, b.y + b.height));
        }
        m.setVisible(on);
    }

    FileActions actions() {
        return actions;
    }

    void read(ClusterReads.Trigger trigger) {
        JobSnapshot s = snapshot();
        Backend b = jobEditor().backend();
        ClusterProfile profile = s == null ? null : s.profile().orElse(null);
        if (b == null || profile == null || s.job().projectDir().isEmpty()) {
            state.setText(s != null && s.profile().isEmpty() ? "The cluster profile of this job is gone; its files cannot be read." : "");
            return;
        }
        state.setText("Reading the job's folders on " + profile.name() + "…");
        Job job = s.job();
        reader.start("Listing the files of " + job.name(), table.getControl(), monitor -> {
            List<Row> rows = new ArrayList<>();
            String message;
            try {
                for (RemoteListing.RemoteFile f : b.reads().listFolder(profile, job.projectDir().get(), trigger, monitor)) {
                    rows.add(new Row(f.path(), kind(f.path()), f.size(), remote(job.projectDir().get(), f.path())));
                }
                if (job.status().isActive() && job.scratchDir().isPresent()) {
                    for (RemoteListing.RemoteFile f : b.reads().listFolder(profile, job.scratchDir().get(), trigger, monitor)) {
                        if (!f.path().contains("/")) {
                            rows.add(new Row(WORKING_PREFIX + f.path(), "Being written", f.size(), remote(job.scratchDir().get(), f.path())));
                        }
                    }
                }
                message = rows.size() + " files, " + RemoteListing.size(rows.stream().mapToLong(Row::size).sum()) + " in all.";
            } catch (Exception e) {
                message = Problems.of("The files could not be listed", e).getMessage();
                rows = null;
            }
            return new Listing(rows, message);
        }, listing -> {
            if (listing.rows() != null) {
                table.setInput(listing.rows());
            }
            state.setText(listing.message());
            state.getParent().layout(true);
        });
    }

    /** What one read found: the rows (null when the listing failed) and the line that says so. */
    private record Listing(List<Row> rows, String message) {
    }

    /** What the table shows (for tests). */
    @SuppressWarnings("unchecked")
    List<Row> rows() {
        Object in = table.getInput();
        return in instanceof List<?> l ? (List<Row>) l : List.of();
    }

    String stateText() {
        return state.getText();
    }

    @Override
    public void dispose() {
        reader.cancel();
        super.dispose();
    }
}
