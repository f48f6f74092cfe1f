package org.namdrunner.ui.internal.status;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.notifications.NotificationPopup;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.statushandlers.StatusManager;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.ui.internal.handlers.OpenHandler;
import org.namdrunner.app.Backend;
import org.namdrunner.app.SyncCoordinator;
import org.namdrunner.app.SyncPreferences;
import org.namdrunner.ui.internal.views.JobTimes;

/**
 * Small popups in the corner: a job reached its final state, results were downloaded. A sync a person asked
 * for that failed is reported as an error dialog instead.
 */
public final class Notifications implements SyncCoordinator.Listener {

    public static final String FINISHED_TITLE = "Job finished";
    public static final String FAILED_TITLE = "Job did not complete";

    private final Display display;
    private final Backend backend;

    /** @param backend for the names of clusters, or null when the popup names none */
    public Notifications(Display display, Backend backend) {
        this.display = display;
        this.backend = backend;
    }

    @Override
    public void jobsFinished(List<Job> jobs) {
        if (!SyncPreferences.notifyFinished()) {
            return;
        }
        for (Job j : jobs) {
            String cluster = backend == null ? j.clusterProfileId() : backend.profiles().displayName(j.clusterProfileId());
            asyncOpen(j.status() == JobStatus.COMPLETED ? FINISHED_TITLE : FAILED_TITLE, message(j, cluster), j);
        }
    }

    static String message(Job j, String cluster) {
        String ran = j.startedAt().map(s -> " after " + JobTimes.duration(java.time.Duration.between(s,
                j.completedAt().orElse(Instant.now())))).orElse("");
        return switch (j.status()) {
            case COMPLETED -> j.name() + " completed on " + cluster + ran + ".";
            case CANCELLED -> j.name() + " was cancelled on " + cluster + ".";
            default -> j.name() + " ended on " + cluster + ": " + j.status().label().toLowerCase() + ran
                    + ". Open it to see why and what to do.";
        };
    }

    public static final String SYNC_FAILED_TITLE = "Sync failed";

    @Override
    public void manualSyncFailed(String profileId, IStatus status) {
        StatusManager.getManager().handle(status, StatusManager.LOG);
        String cluster = backend == null ? profileId : backend.profiles().displayName(profileId);
        display.asyncExec(() -> {
            if (!display.isDisposed()) {
                ErrorDialog.openError(display.getActiveShell(), SYNC_FAILED_TITLE, "The jobs on " + cluster + " could not be synced. "
                        + "Their statuses may be out of date until a sync works again.", status);
            }
        });
    }

    /** Tells the person where the results of a job went. Any thread. */
    public static void resultsDownloaded(Display display, Path folder) {
        new Notifications(display, null).asyncOpen("Results downloaded", "The results are in " + folder + ".", null, folder);
    }

    private void asyncOpen(String title, String text, Job job) {
        asyncOpen(title, text, job, null);
    }

    private void asyncOpen(String title, String text, Job job, Path folder) {
        if (display.isDisposed()) {
            return;
        }
        display.asyncExec(() -> {
            if (display.isDisposed()) {
                return;
            }
            NotificationPopup.forDisplay(display).title(title, true).content(parent -> content(parent, text, job, folder))
                    .delay(job == null ? 6000 : 12000).open();
        });
    }

    private static Composite content(Composite parent, String text, Job job, Path folder) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(c);
        Label l = new Label(c, SWT.WRAP);
        l.setText(text);
        GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(l);
        if (job != null) {
            Link open = new Link(c, SWT.NONE);
            open.setText("<a>Open " + job.name() + "</a>");
            open.addListener(SWT.Selection, e -> {
                IWorkbenchWindow w = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
                if (w == null && PlatformUI.getWorkbench().getWorkbenchWindowCount() > 0) {
                    w = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
                }
                if (w != null && w.getActivePage() != null) {
                    OpenHandler.open(w.getActivePage(), job);
                }
            });
        }
        if (folder != null) {
            Link reveal = new Link(c, SWT.NONE);
            reveal.setText("<a>Open Folder</a>");
            reveal.addListener(SWT.Selection, e -> org.eclipse.swt.program.Program.launch(folder.toString()));
        }
        return c;
    }
}
