package org.namdrunner.persistence;

import java.time.Instant;

import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.StatusChange;
import org.namdrunner.core.model.StatusSource;

/** Rebuilds stored history rows; a row whose move today's table would refuse is shown as a fresh start. */
final class HistoryRows {

    private HistoryRows() {
    }

    static StatusChange of(String jobId, JobStatus from, JobStatus to, Instant at, StatusSource source, String detail) {
        if (from != null && !from.canMoveTo(to)) {
            return new StatusChange(jobId, null, to, at, source, detail + " (recorded as " + from + " -> " + to + ")");
        }
        return new StatusChange(jobId, from, to, at, source, detail);
    }
}
