package org.namdrunner.ui.tests;

import java.time.Duration;

import org.eclipse.core.commands.Command;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.namdrunner.ui.internal.handlers.BackgroundOperation;
import org.namdrunner.app.Backend;
import org.namdrunner.ui.internal.services.BackendTracker;

/** The running workbench, as the tests reach it. */
public final class Workbench {

    private Workbench() {
    }

    public static IWorkbenchWindow window() {
        return Ui.sync(() -> {
            IWorkbenchWindow w = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
            return w != null ? w : PlatformUI.getWorkbench().getWorkbenchWindows()[0];
        });
    }

    public static IWorkbenchPage page() {
        return Ui.sync(() -> window().getActivePage());
    }

    /** The tests' own view of the Backend service, open for the whole test run. */
    private static final BackendTracker BACKEND = new BackendTracker();

    /** Waits for the services (database, SSH, SLURM) to be up. */
    public static Backend backend() {
        Ui.waitUntil("the NAMDRunner services to start", Duration.ofSeconds(60), () -> BACKEND.current().isPresent());
        return BACKEND.current().orElseThrow();
    }

    /** Runs a command as the menu would, on the UI thread; use {@link #executeAsync} when it opens a dialog. */
    public static void execute(String commandId) {
        Ui.run(() -> {
            try {
                window().getService(IHandlerService.class).executeCommand(commandId, null);
            } catch (Exception e) {
                throw new AssertionError("Command " + commandId + " failed: " + e, e);
            }
        });
    }

    public static void executeAsync(String commandId) {
        Ui.async(() -> {
            try {
                window().getService(IHandlerService.class).executeCommand(commandId, null);
            } catch (Exception e) {
                throw new IllegalStateException("Command " + commandId + " failed: " + e, e);
            }
        });
    }

    /** Whether the command can run now (as its menu item would show). */
    public static boolean isEnabled(String commandId) {
        return Ui.sync(() -> {
            Command c = window().getService(ICommandService.class).getCommand(commandId);
            IHandlerService hs = window().getService(IHandlerService.class);
            c.setEnabled(hs.getCurrentState());
            return c.isEnabled();
        });
    }

    /** Waits until no operation started by a command is running. */
    public static void waitForOperations(Duration deadline) {
        Ui.waitUntil("background operations to finish", deadline, () -> Job.getJobManager().find(BackgroundOperation.FAMILY).length == 0);
    }

}
