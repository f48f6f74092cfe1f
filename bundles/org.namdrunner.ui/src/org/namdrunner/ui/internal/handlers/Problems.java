package org.namdrunner.ui.internal.handlers;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.ui.NamdRunnerUi;

/** Turns what went wrong into a status whose message a researcher can act on; the exception stays attached for the Error Log. */
public final class Problems {

    private Problems() {
    }

    public static IStatus of(String what, Throwable e) {
        if (e instanceof CoreException ce && ce.getStatus().getSeverity() == IStatus.CANCEL) {
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
