package org.namdrunner.core.cluster;

/** Whether trying the same thing again later can help. */
public enum FailureKind {
    /** A timeout, a dropped connection, a controller that did not answer: retry with backoff. */
    TRANSIENT,
    /** Wrong password, changed host key, invalid partition, permission denied: retrying cannot help. */
    PERMANENT,
    /** The person cancelled the operation. */
    CANCELLED
}
