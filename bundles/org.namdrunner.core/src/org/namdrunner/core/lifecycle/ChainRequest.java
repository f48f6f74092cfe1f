package org.namdrunner.core.lifecycle;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Resources;
import org.namdrunner.core.validation.InputRules;

/**
 * A chain of stages (e.g. minimization → equilibration → production) asked for at once: the inputs are uploaded once,
 * for the first stage; every later stage starts from the files the stage before it left on the cluster.
 *
 * @param name       the chain's name; stage k's job is {@code <name>_<label>}
 * @param jobTypeId  a job type that can chain ({@link org.namdrunner.core.jobtype.ChainableJobType})
 * @param profileId  the cluster profile
 * @param resources  what each stage asks for unless the stage says otherwise
 * @param parameters the job type's parameters shared by every stage
 * @param inputs     local input files by the job type's input key (uploaded once)
 * @param stages     the stages in order, at least one
 */
public record ChainRequest(String name, String jobTypeId, String profileId, Resources resources, Map<String, String> parameters,
        Map<String, Path> inputs, List<ChainStage> stages) {

    /** More stages than a protocol needs; continuations may add more later. */
    public static final int MAX_STAGES = 50;

    public ChainRequest {
        InputRules.checkJobName(name);
        Objects.requireNonNull(resources, "resources");
        parameters = Map.copyOf(parameters);
        inputs = Map.copyOf(inputs);
        stages = List.copyOf(stages);
        if (stages.isEmpty() || stages.size() > MAX_STAGES) {
            throw new InvalidInputException("stages", "A chain has 1 to " + MAX_STAGES + " stages, not " + stages.size() + ".");
        }
        Set<String> labels = new HashSet<>();
        for (ChainStage s : stages) {
            if (!labels.add(s.label())) {
                throw new InvalidInputException("stages", "Two stages are called '" + s.label() + "'; give each stage its own name.");
            }
        }
    }

    /** The job name of stage {@code index} (0-based): {@code <name>_<label>}, the name cut to fit 64 characters. */
    public String stageName(int index) {
        String suffix = "_" + stages.get(index).label();
        if (suffix.length() >= InputRules.MAX_NAME_LENGTH) {
            throw new InvalidInputException("stages", "The stage name '" + stages.get(index).label() + "' is too long.");
        }
        String base = name.length() + suffix.length() > InputRules.MAX_NAME_LENGTH
                ? name.substring(0, InputRules.MAX_NAME_LENGTH - suffix.length()) : name;
        return InputRules.checkJobName(base + suffix);
    }
}
