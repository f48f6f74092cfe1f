package org.namdrunner.update.internal;

import org.eclipse.core.runtime.IStatus;

/** One line for an {@link IStatus} and its children, for the headless update's messages. */
final class StatusText {

    private StatusText() {
    }

    static String of(IStatus status) {
        StringBuilder text = new StringBuilder(status.getMessage());
        for (IStatus child : status.getChildren()) {
            text.append("; ").append(of(child));
        }
        if (status.getException() != null && status.getChildren().length == 0) {
            text.append(" (").append(status.getException()).append(')');
        }
        return text.toString();
    }
}
