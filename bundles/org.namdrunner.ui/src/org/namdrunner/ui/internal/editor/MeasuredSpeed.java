package org.namdrunner.ui.internal.editor;

import java.time.Duration;
import java.util.Optional;

import org.namdrunner.app.PerformanceHistory;
import org.namdrunner.core.jobtype.JobType;
import org.namdrunner.core.lifecycle.TypeParameters;
import org.namdrunner.core.model.Job;

/**
 * The evidence for a job's walltime: the speed measured in its log and how long all its steps take at that speed
 * (the job type's answer; empty when the type cannot tell). Computed in the editor's background read.
 *
 * @param nsPerDay the measured speed
 * @param runTime  every step of the job at that speed, without margin
 */
public record MeasuredSpeed(double nsPerDay, Optional<Duration> runTime) {

    /** What the history knows of the job, with its type's run time; empty when the job's speed was never measured. */
    static Optional<MeasuredSpeed> of(Job job, Optional<JobType> type, PerformanceHistory history) {
        return history.of(job.id()).map(m -> new MeasuredSpeed(m.nsPerDay(),
                type.flatMap(t -> t.runTimeAt(TypeParameters.read(job.typeParameters()), m.nsPerDay()))));
    }

    /** The walltime to ask for at this speed ({@link JobType#walltimeWithMargin}). */
    public static Duration suggested(Duration runTime, Duration max) {
        return JobType.walltimeWithMargin(runTime, max);
    }
}
