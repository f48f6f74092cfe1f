package org.namdrunner.ui;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.namdrunner.core.model.InvalidInputException;

/**
 * Turns what went wrong into a status whose message a researcher can act on; the exception stays attached for the
 * Error Log. A cancellation (a cancelled {@code SubMonitor.split} throws {@link OperationCanceledException}) is not a
 * problem: it becomes {@link Status#CANCEL_STATUS}, which the workbench neither shows nor logs.
 */
public final class Problems {

    private Problems() {
    }

    public static IStatus of(String what, Throwable e) {
        if (e instanceof OperationCanceledException
                || e instanceof CoreException ce && ce.getStatus().getSeverity() == IStatus.CANCEL) {
            return Status.CANCEL_STATUS;
        }
        String reason = e instanceof InvalidInputException || e instanceof CoreException ? e.getMessage() : describe(e);
        return new Status(IStatus.ERROR, NamdRunnerUi.PLUGIN_ID, what + ": " + reason, e);
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return "an unexpected error happened (" + e.getClass().getSimpleName() + (m == null ? "" : ": " + m)
                + "). Details are in the Error Log (Window > Error Log).";
    }
}
