package org.namdrunner.core.store;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;

/** The job store could not do what was asked; nothing of the failed operation was written. */
public class StoreException extends CoreException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(Status.error(message, cause));
    }

    public StoreException(String message) {
        super(Status.error(message));
    }

    public StoreException(IStatus status) {
        super(status);
    }
}
