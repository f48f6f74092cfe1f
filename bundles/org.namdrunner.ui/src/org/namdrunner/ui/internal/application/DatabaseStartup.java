package org.namdrunner.ui.internal.application;

import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.namdrunner.core.store.StoreException;
import org.namdrunner.persistence.DamagedDatabaseException;
import org.namdrunner.persistence.SqliteJobStore;
import org.namdrunner.ui.NamdRunnerUi;

/**
 * Before the workbench opens: a file at the database path that is damaged or not a NAMDRunner database is never
 * changed. The person reads what is wrong and chooses: restore the newest backup (the file that was there is kept
 * beside it under another name) or quit. Every refusal is in the Error Log as well.
 */
final class DatabaseStartup {

    static final String TITLE = "NAMDRunner cannot open its job database";
    static final String RESTORE = "Restore Latest Backup";
    static final String QUIT = "Quit";

    /** What start-up does next. */
    enum Outcome {
        /** The database opened: start the workbench. */
        OPEN,
        /** The backup is in place: start again, so every service opens it afresh. */
        RESTORED,
        /** The person chose to quit (or there is nothing to restore). */
        QUIT
    }

    private DatabaseStartup() {
    }

    /** Opens and closes the database once; on a refusal asks the person on {@code display}'s thread (the caller's). */
    static Outcome check(Display display, Path database) {
        StoreException problem = problem(database);
        if (problem == null) {
            return Outcome.OPEN;
        }
        ILog.of(DatabaseStartup.class).log(new Status(IStatus.ERROR, NamdRunnerUi.PLUGIN_ID, problem.getMessage(), problem));
        Optional<Path> backup = problem instanceof DamagedDatabaseException d ? d.latestBackup() : Optional.empty();
        String[] buttons = backup.isPresent() ? new String[] { RESTORE, QUIT } : new String[] { QUIT };
        String text = problem.getMessage() + (backup.isPresent() ? "" : "\n\nNAMDRunner will not change or replace this "
                + "file. Move it away (or set another database in the launcher's -Dnamdrunner.db) and start again.");
        Shell parent = new Shell(display);
        int choice;
        try {
            choice = new MessageDialog(parent, TITLE, null, text, MessageDialog.ERROR, 0, buttons).open();
        } finally {
            parent.dispose();
        }
        if (backup.isEmpty() || choice != 0) {
            return Outcome.QUIT;
        }
        try {
            Optional<Path> kept = SqliteJobStore.restoreBackup(database, backup.get());
            ILog.of(DatabaseStartup.class).info("The job database " + database + " was restored from " + backup.get()
                    + kept.map(k -> "; the file that was there is kept as " + k).orElse(""));
            return Outcome.RESTORED;
        } catch (StoreException e) {
            MessageDialog.openError(null, TITLE, "The backup could not be restored: " + e.getMessage());
            ILog.of(DatabaseStartup.class).log(e.getStatus());
            return Outcome.QUIT;
        }
    }

    /** Why the database cannot be opened, or null when it opens. */
    static StoreException problem(Path database) {
        try (SqliteJobStore store = SqliteJobStore.open(database)) {
            return null;
        } catch (StoreException e) {
            return e;
        }
    }
}
