package org.namdrunner.slurm.internal;

/** A field of SLURM output that is present but cannot be read; the message says what was expected. */
public final class UnreadableValueException extends Exception {

    private static final long serialVersionUID = 1L;

    UnreadableValueException(String message) {
        super(message, null, false, false);
    }
}
