package org.namdrunner.core.model;

/**
 * A value typed or imported by a person is not acceptable. The message says what is wrong in words the
 * person can act on; {@link #field()} names the field so a form can point at it.
 */
public class InvalidInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The name of the offending field, e.g. "name" or "walltime". */
    public String field() {
        return field;
    }
}
