package org.namdrunner.ui.internal.handlers;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.handlers.HandlerUtil;
import org.namdrunner.app.Backend;
import org.namdrunner.core.model.Job;
import org.namdrunner.ui.NamdRunnerUi;
import org.namdrunner.ui.internal.status.Notifications;

/** Downloads the outputs of the selected finished jobs into a folder the person picks, one sub-folder per job. */
public final class DownloadHandler extends BackendHandler {

    public static final String LAST_FOLDER = "download.lastFolder";

    @Override
    public Object execute(ExecutionEvent event) {
        List<Job> jobs = SelectedJobs.of(event, JobActions::canDownload);
        Backend b = jobs.isEmpty() ? null : backend(event, "Download results").orElse(null);
        if (b == null) {
            return null;
        }
        var prefs = InstanceScope.INSTANCE.getNode(NamdRunnerUi.PLUGIN_ID);
        DirectoryDialog d = new DirectoryDialog(HandlerUtil.getActiveShell(event));
        d.setText("Download results");
        d.setMessage("Results go into a sub-folder named after each job.");
        d.setFilterPath(prefs.get(LAST_FOLDER, System.getProperty("user.home")));
        String folder = d.open();
        if (folder == null) {
            return null;
        }
        prefs.put(LAST_FOLDER, folder);
        Display display = HandlerUtil.getActiveShell(event).getDisplay();
        Operations.download(b, jobs, Path.of(folder), path -> Notifications.resultsDownloaded(display, path)).schedule();
        return null;
    }
}
