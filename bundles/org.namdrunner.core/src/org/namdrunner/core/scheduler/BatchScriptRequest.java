package org.namdrunner.core.scheduler;

import java.util.Objects;

import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.model.Resources;
import org.namdrunner.core.validation.InputRules;

/**
 * What a batch script is made from.
 *
 * @param jobName    the SLURM job name (a checked job name); output goes to {@code <jobName>_%j.out/.err}
 * @param resources  what to ask for
 * @param profile    the cluster: module lines, cores per node
 * @param scratchDir where the job runs (the script changes into it)
 * @param body       the job type's commands, run after the module lines
 */
public record BatchScriptRequest(String jobName, Resources resources, ClusterProfile profile, String scratchDir, String body) {

    public BatchScriptRequest {
        InputRules.checkJobName(jobName);
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(scratchDir, "scratchDir");
        Objects.requireNonNull(body, "body");
    }
}
