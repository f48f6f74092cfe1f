package org.namdrunner.core.jobtype;

import java.util.List;

import org.namdrunner.core.jobtype.JobType.LogSummary;

/**
 * A job type's reader of one growing log, fed piece by piece so that following a log of hundreds of MB costs only the
 * bytes written since the last look. The reader of the file (the app layer) hands over whole lines only, in the order
 * they stand in the log, and says where it skipped a stretch it did not read (the middle of a long log that was never
 * read). It keeps what it found (the last step, the totals from the log's head, the plotted series) between calls.
 * Not thread-safe: one reader at a time.
 */
public interface LogFollower {

    /** Complete lines (each ending in a line break) that follow what was fed before, or follow a {@link #skipped gap}. */
    void lines(CharSequence text);

    /** Lines between the last ones fed and the next ones were not read; a parser must not join lines across it. */
    default void skipped() {
    }

    /** What the lines so far say about progress and failure. */
    LogSummary summary();

    /** Values over steps that the job type plots (energies, temperature, …); empty for a job type that plots nothing. */
    default List<SampledSeries> series() {
        return List.of();
    }
}
