package org.namdrunner.core.lifecycle;

import java.util.Map;

import org.namdrunner.core.model.Resources;
import org.namdrunner.core.validation.InputRules;

/**
 * One stage of a chain as a person asks for it.
 *
 * @param label      the stage's name, e.g. {@code minimization}, {@code step4_equilibration} (a plain name; the stage's job
 *                   is named {@code <chain name>_<label>})
 * @param parameters the job type's parameters for this stage, added to (and overriding) the chain's
 * @param resources  what this stage asks for; null: the chain's
 */
public record ChainStage(String label, Map<String, String> parameters, Resources resources) {

    public ChainStage {
        InputRules.checkName("label", "stage name", label);
        parameters = Map.copyOf(parameters);
    }

    public ChainStage(String label, Map<String, String> parameters) {
        this(label, parameters, null);
    }
}
