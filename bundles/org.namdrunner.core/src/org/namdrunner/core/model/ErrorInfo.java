package org.namdrunner.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Why a job failed or what went wrong last, kept with the job.
 *
 * @param type     a short classification, e.g. "TIMEOUT", "NAMD", "SUBMIT", "SYNC"
 * @param message  the cause in plain words (may quote a log line such as {@code FATAL ERROR: ...})
 * @param exitCode SLURM's {@code status:signal}, or empty
 * @param at       when it was recorded
 */
public record ErrorInfo(String type, String message, String exitCode, Instant at) {

    public ErrorInfo {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(at, "at");
        exitCode = exitCode == null ? "" : exitCode;
    }
}
