package org.namdrunner.app;

import java.util.List;

import org.namdrunner.core.jobtype.JobType.LogSummary;

/**
 * What is known of a job's log after the last read: the job type's summary, the end of the log as text, the plotted
 * series (copies), the log's size and how much of it was ever sent over the connection.
 */
public record LogView(LogSummary summary, String text, List<Series> series, long logSize, long bytesRead, int restarts) {

    /** One plotted value over steps, at most a few thousand points however long the run. */
    public record Series(String name, double[] steps, double[] values) {
    }

    public LogView {
        series = List.copyOf(series);
    }
}
