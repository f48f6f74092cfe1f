package org.namdrunner.persistence.internal;

/**
 * Raised inside a transaction when an operation cannot be done for a reason the caller should read as it is
 * (e.g. the job was changed by someone else); the transaction is rolled back and the message becomes the
 * {@link org.namdrunner.core.store.StoreException}'s.
 */
public final class StoreProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreProblem(String message) {
        super(message, null, false, false);
    }
}
