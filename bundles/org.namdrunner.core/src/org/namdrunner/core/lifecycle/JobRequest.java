package org.namdrunner.core.lifecycle;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

import org.namdrunner.core.model.Resources;

/**
 * What a person asks for when creating a job.
 *
 * @param name       the job name
 * @param jobTypeId  the job type
 * @param profileId  the cluster profile
 * @param resources  what to ask the scheduler for
 * @param parameters the job type's parameters
 * @param inputs     local input files by the job type's input key
 */
public record JobRequest(String name, String jobTypeId, String profileId, Resources resources,
        Map<String, String> parameters, Map<String, Path> inputs) {

    public JobRequest {
        Objects.requireNonNull(resources, "resources");
        parameters = Map.copyOf(parameters);
        inputs = Map.copyOf(inputs);
    }
}
