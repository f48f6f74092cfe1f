package org.namdrunner.core.cluster;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;

/**
 * A remote operation failed. The message says what happened in words a researcher can act on; the
 * {@link #kind()} tells a {@link RetryPolicy} whether to try again.
 */
public class ClusterException extends CoreException {

    private static final long serialVersionUID = 1L;

    private final FailureKind kind;

    public ClusterException(FailureKind kind, String message, Throwable cause) {
        super(kind == FailureKind.CANCELLED ? Status.CANCEL_STATUS : Status.error(message, cause));
        this.kind = kind;
    }

    public ClusterException(FailureKind kind, String message) {
        this(kind, message, null);
    }

    public static ClusterException transientFailure(String message, Throwable cause) {
        return new ClusterException(FailureKind.TRANSIENT, message, cause);
    }

    public static ClusterException permanent(String message) {
        return new ClusterException(FailureKind.PERMANENT, message, null);
    }

    public static ClusterException cancelled() {
        return new ClusterException(FailureKind.CANCELLED, "Cancelled", null);
    }

    public FailureKind kind() {
        return kind;
    }

    public boolean isTransient() {
        return kind == FailureKind.TRANSIENT;
    }

    @Override
    public String getMessage() {
        IStatus s = getStatus();
        return kind == FailureKind.CANCELLED ? "Cancelled" : s.getMessage();
    }
}
