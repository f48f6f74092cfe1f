package org.namdrunner.ui.internal.editor;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.ui.internal.editor.FilesPage.Row;

/**
 * What the Files page does with the selected files: Open (the read-only viewer; also on double-click), Download
 * (each file on its own), Open Folder (the local download folder of the job) and Copy Remote Path. As buttons and
 * as the table's context menu.
 */
final class FileActions {

    static final String OPEN = "Open";
    static final String DOWNLOAD = "Download";
    static final String OPEN_FOLDER = "Open Folder";
    static final String COPY_PATH = "Copy Remote Path";

    private final FilesPage page;
    private FileDownloads lastDownload;

    FileActions(FilesPage page) {
        this.page = page;
    }

    void buttons(FormToolkit tk, Composite parent) {
        Composite row = tk.createComposite(parent);
        row.setLayout(new org.eclipse.swt.layout.RowLayout());
        tk.createButton(row, OPEN, SWT.PUSH).addListener(SWT.Selection, e -> open(page.selectedRows()));
        tk.createButton(row, DOWNLOAD, SWT.PUSH).addListener(SWT.Selection, e -> download(page.selectedRows()));
        tk.createButton(row, OPEN_FOLDER, SWT.PUSH).addListener(SWT.Selection, e -> openFolder());
        tk.createButton(row, COPY_PATH, SWT.PUSH).addListener(SWT.Selection, e -> copyRemotePath(page.selectedRows()));
    }

    void attach(TableViewer table) {
        table.addDoubleClickListener(e -> open(page.selectedRows()));
        MenuManager menu = new MenuManager();
        menu.add(action(OPEN, () -> open(page.selectedRows())));
        menu.add(action(DOWNLOAD, () -> download(page.selectedRows())));
        menu.add(new Separator());
        menu.add(action(COPY_PATH, () -> copyRemotePath(page.selectedRows())));
        menu.add(action(OPEN_FOLDER, this::openFolder));
        table.getControl().setMenu(menu.createContextMenu(table.getControl()));
    }

    private static Action action(String label, Runnable run) {
        return new Action(label) {
            @Override
            public void run() {
                run.run();
            }
        };
    }

    private Shell shell() {
        return page.getSite().getShell();
    }

    private ClusterProfile profile() {
        JobSnapshot s = page.snapshot();
        return s == null ? null : s.profile().orElse(null);
    }

    private static List<Row> known(List<Row> rows) {
        return rows.stream().filter(r -> r.remote() != null).toList();
    }

    void open(List<Row> rows) {
        ClusterProfile profile = profile();
        List<Row> files = known(rows);
        if (profile == null || files.isEmpty()) {
            MessageDialog.openInformation(shell(), OPEN, profile == null ? "The cluster profile of this job is gone; its files cannot be read."
                    : "Select a file whose place on the cluster is known (Refresh from cluster lists them).");
            return;
        }
        JobSnapshot s = page.snapshot();
        for (Row r : files.subList(0, Math.min(files.size(), 8))) {
            try {
                RemoteFileViewer.open(page.getSite().getPage(), new RemoteFileInput(s.job().id(), s.job().name(), profile, r.remote(), r.path()));
            } catch (PartInitException e) {
                MessageDialog.openError(shell(), OPEN, "Could not open " + r.path() + ": " + e.getMessage());
            }
        }
    }

    FileDownloads download(List<Row> rows) {
        ClusterProfile profile = profile();
        if (profile == null) {
            MessageDialog.openInformation(shell(), DOWNLOAD, "The cluster profile of this job is gone; its files cannot be downloaded.");
            return null;
        }
        List<FileDownloads.Item> items = known(rows).stream().map(r -> new FileDownloads.Item(r.remote(), r.path())).toList();
        lastDownload = FileDownloads.start(shell(), page.jobEditor().backend(), page.snapshot().job().name(), profile, items);
        return lastDownload;
    }

    void openFolder() {
        JobSnapshot s = page.snapshot();
        if (s != null) {
            LocalFolder.reveal(shell(), LocalFolder.forJob(s.job().name()));
        }
    }

    /** Puts the remote paths of the selected files on the clipboard, one a line; returns what it put there. */
    String copyRemotePath(List<Row> rows) {
        String paths = known(rows).stream().map(Row::remote).filter(Objects::nonNull).collect(Collectors.joining("\n"));
        if (paths.isEmpty()) {
            MessageDialog.openInformation(shell(), COPY_PATH, "Select a file whose place on the cluster is known first.");
            return "";
        }
        Clipboard clipboard = new Clipboard(shell().getDisplay());
        try {
            clipboard.setContents(new Object[] { paths }, new Transfer[] { TextTransfer.getInstance() });
        } finally {
            clipboard.dispose();
        }
        return paths;
    }
}
