package org.namdrunner.core.lifecycle;

import java.util.Map;

import org.namdrunner.core.model.Resources;

/**
 * What a person asks for when continuing a job that ran out of walltime.
 *
 * @param jobId              the job in TIMEOUT
 * @param name               the new job's name, or null for {@code <name>_contN}
 * @param resources          what the new job asks SLURM for, or null for the old job's resources
 * @param parameterOverrides type parameters that replace the old job's (e.g. a new output frequency)
 */
public record ContinuationRequest(String jobId, String name, Resources resources, Map<String, String> parameterOverrides) {

    public ContinuationRequest {
        parameterOverrides = parameterOverrides == null ? Map.of() : Map.copyOf(parameterOverrides);
    }

    /** Same name pattern, same resources, same parameters. */
    public static ContinuationRequest of(String jobId) {
        return new ContinuationRequest(jobId, null, null, Map.of());
    }
}
