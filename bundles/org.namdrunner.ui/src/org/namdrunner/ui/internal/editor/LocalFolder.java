package org.namdrunner.ui.internal.editor;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Shell;
import org.namdrunner.core.validation.InputRules;
import org.namdrunner.ui.NamdRunnerUi;
import org.namdrunner.ui.internal.handlers.DownloadHandler;

/**
 * Where a job's single-file downloads go: the folder Download results last used (else a "NAMDRunner downloads" folder
 * in the home folder), in a sub-folder named after the job, keeping each file's path in the job's folder.
 */
final class LocalFolder {

    static final String WORKING_FOLDER = "working_folder";

    private LocalFolder() {
    }

    static Path forJob(String jobName) {
        String root = InstanceScope.INSTANCE.getNode(NamdRunnerUi.PLUGIN_ID).get(DownloadHandler.LAST_FOLDER,
                Path.of(System.getProperty("user.home"), "NAMDRunner downloads").toString());
        return Path.of(root).resolve(InputRules.checkRelativePath(jobName));
    }

    /** Where one file of the Files page goes below {@link #forJob}: its path there, checked. */
    static Path forFile(Path jobFolder, String label) {
        String relative = label.startsWith(FilesPage.WORKING_PREFIX)
                ? WORKING_FOLDER + "/" + label.substring(FilesPage.WORKING_PREFIX.length())
                : label;
        return jobFolder.resolve(InputRules.checkRelativePath(relative));
    }

    /** Opens the folder in the desktop's file manager (SWT's Program, else AWT's Desktop); says so when neither can. */
    static void reveal(Shell shell, Path folder) {
        if (!Files.isDirectory(folder)) {
            MessageDialog.openInformation(shell, "Open Folder", "Nothing was downloaded for this job yet, so there is no folder "
                    + folder + ". Download a file first.");
            return;
        }
        if (Program.launch(folder.toString())) {
            return;
        }
        try {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                Desktop.getDesktop().open(folder.toFile());
                return;
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // told below
        }
        MessageDialog.openInformation(shell, "Open Folder", "This desktop has no file manager NAMDRunner can start. The folder is:\n" + folder);
    }
}
