package org.namdrunner.core.model;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What a finished job used of what it asked for, as SLURM's accounting reported it (one sacct per sync, see the
 * scheduler bundle): the figures {@code seff} shows. A value the cluster did not report is {@code null} (a job
 * cancelled while pending has no steps, so no MaxRSS; accounting without a gatherer reports no CPU time).
 *
 * @param elapsed         run time of the allocation (sacct {@code Elapsed})
 * @param totalCpu        CPU time of all its steps, user plus system (sacct {@code TotalCPU}), may be null
 * @param allocatedCpus   cores allocated (sacct {@code AllocCPUS}), 0 when unknown
 * @param nodes           nodes allocated, 0 when unknown
 * @param maxRssBytes     the largest resident set of any step (sacct {@code MaxRSS} over {@code .batch}, {@code .extern},
 *                        {@code .0}…), may be null
 * @param requestedMemoryBytes memory asked for, for the whole job (sacct {@code ReqMem}, per node or per core turned
 *                        into the total), may be null
 * @param timeLimit       walltime asked for (sacct {@code Timelimit}), may be null (UNLIMITED)
 * @param gpus            GPUs allocated (sacct {@code AllocTRES gres/gpu}), 0 when none or unknown
 */
public record JobUsage(Duration elapsed, Duration totalCpu, int allocatedCpus, int nodes, Long maxRssBytes,
        Long requestedMemoryBytes, Duration timeLimit, int gpus) {

    public JobUsage {
        Objects.requireNonNull(elapsed, "elapsed");
        if (elapsed.isNegative() || totalCpu != null && totalCpu.isNegative() || allocatedCpus < 0 || nodes < 0 || gpus < 0
                || maxRssBytes != null && maxRssBytes < 0 || requestedMemoryBytes != null && requestedMemoryBytes < 0) {
            throw new InvalidInputException("usage", "A job's usage cannot hold negative values.");
        }
    }

    /** CPU time used over CPU time allocated (elapsed × cores), as seff computes it; empty when either is unknown or zero. */
    public OptionalDouble cpuEfficiency() {
        if (totalCpu == null || allocatedCpus == 0 || elapsed.isZero()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(totalCpu.toMillis() / (double) (elapsed.toMillis() * allocatedCpus));
    }

    /** The largest resident set over the memory asked for; empty when either is unknown. */
    public OptionalDouble memoryEfficiency() {
        if (maxRssBytes == null || requestedMemoryBytes == null || requestedMemoryBytes == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(maxRssBytes / (double) requestedMemoryBytes);
    }

    /** Run time over the walltime asked for; empty when there was no limit. */
    public OptionalDouble walltimeFraction() {
        if (timeLimit == null || timeLimit.isZero()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(elapsed.toMillis() / (double) timeLimit.toMillis());
    }
}
