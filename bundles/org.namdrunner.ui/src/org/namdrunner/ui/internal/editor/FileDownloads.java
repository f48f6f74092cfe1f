package org.namdrunner.ui.internal.editor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.notifications.NotificationPopup;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Shell;
import org.namdrunner.app.Backend;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.ui.NamdRunnerUi;
import org.namdrunner.ui.Problems;
import org.namdrunner.ui.internal.handlers.BackgroundOperation;

/**
 * Downloads single files of a job, one after the other, as an Eclipse job: through the connection's resumable
 * download (transfer host, .part kept, checksum checked), so the Progress view shows each file's rate and time left
 * and Cancel stops it (a later download goes on from the .part). When done, a notification offers Open Folder.
 */
final class FileDownloads extends Job {

    static final String DONE_TITLE = "Download finished";

    /** One file: its path on the cluster and as the Files page shows it. */
    record Item(String remotePath, String label) {
    }

    private final Backend backend;
    private final ClusterProfile profile;
    private final List<Item> items;
    private final Path folder;
    private final Display display;
    private volatile List<Path> done = List.of();

    FileDownloads(Backend backend, String jobName, ClusterProfile profile, List<Item> items, Display display) {
        super(items.size() == 1 ? "Downloading " + items.get(0).label() + " of " + jobName
                : "Downloading " + items.size() + " files of " + jobName);
        this.backend = backend;
        this.profile = profile;
        this.items = List.copyOf(items);
        this.folder = LocalFolder.forJob(jobName);
        this.display = display;
        setUser(true);
    }

    /** Starts the download of {@code items} (UI thread); tells the person when there is nothing to download. */
    static FileDownloads start(Shell shell, Backend backend, String jobName, ClusterProfile profile, List<Item> items) {
        if (backend == null || items.isEmpty()) {
            MessageDialog.openInformation(shell, "Download", items.isEmpty() ? "Select the files to download first."
                    : "NAMDRunner is still starting; try again in a moment.");
            return null;
        }
        FileDownloads job = new FileDownloads(backend, jobName, profile, items, shell.getDisplay());
        job.schedule();
        return job;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == BackgroundOperation.FAMILY;
    }

    Path folder() {
        return folder;
    }

    /** The local files written by the finished run. */
    List<Path> downloaded() {
        return done;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor sub = SubMonitor.convert(monitor, getName(), items.size() * 100);
        List<Path> written = new ArrayList<>();
        MultiStatus problems = new MultiStatus(NamdRunnerUi.PLUGIN_ID, 0, "Some files could not be downloaded.", null);
        ClusterConnection c = SessionPolicy.forUser(backend, profile);
        for (Item item : items) {
            if (sub.isCanceled()) {
                return Status.CANCEL_STATUS;
            }
            try {
                Path target = LocalFolder.forFile(folder, item.label());
                java.nio.file.Files.createDirectories(target.getParent());
                c.download(item.remotePath(), target, sub.split(100));
                written.add(target);
            } catch (Exception e) {
                IStatus s = Problems.of("Could not download " + item.label(), e);
                if (s.getSeverity() == IStatus.CANCEL) {
                    return s;
                }
                problems.add(s);
            }
        }
        done = List.copyOf(written);
        if (!written.isEmpty()) {
            notifyDone(written.size() == 1 ? written.get(0).getFileName() + " is in " + written.get(0).getParent() + "."
                    : written.size() + " files are in " + folder + ".");
        }
        return problems.isOK() ? Status.OK_STATUS : problems;
    }

    private void notifyDone(String text) {
        if (display.isDisposed()) {
            return;
        }
        display.asyncExec(() -> {
            if (!display.isDisposed()) {
                NotificationPopup.forDisplay(display).title(DONE_TITLE, true).content(parent -> content(parent, text)).delay(10000).open();
            }
        });
    }

    private Composite content(Composite parent, String text) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(c);
        Label l = new Label(c, SWT.WRAP);
        l.setText(text);
        GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(l);
        Link open = new Link(c, SWT.NONE);
        open.setText("<a>Open Folder</a>");
        open.addListener(SWT.Selection, e -> LocalFolder.reveal(c.getShell(), folder));
        return c;
    }
}
