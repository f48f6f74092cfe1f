package org.namdrunner.core.scheduler;

import java.util.List;
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
 * @param resultsDir where the job itself copies its results when it ends, however it ends (the project's
 *                   {@code outputs} folder), so no copy of trajectories runs on a login node; empty: no copy
 * @param resultPaths result files in subfolders of the scratch folder, copied to the same paths below
 *                   {@code resultsDir} (the top-level files are always copied)
 */
public record BatchScriptRequest(String jobName, Resources resources, ClusterProfile profile, String scratchDir, String body,
        String resultsDir, List<String> resultPaths) {

    public BatchScriptRequest {
        InputRules.checkJobName(jobName);
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(scratchDir, "scratchDir");
        Objects.requireNonNull(body, "body");
        resultsDir = resultsDir == null ? "" : resultsDir;
        resultPaths = List.copyOf(resultPaths == null ? List.of() : resultPaths);
        resultPaths.forEach(InputRules::checkRelativePath);
    }

    /** Written last into {@code resultsDir} by the job's own copy: the results there are complete. */
    public static final String RESULTS_COPIED = ".namdrunner_results_copied";

    /** A script that copies nothing at its end (the caller collects results itself). */
    public BatchScriptRequest(String jobName, Resources resources, ClusterProfile profile, String scratchDir, String body) {
        this(jobName, resources, profile, scratchDir, body, "", List.of());
    }
}
