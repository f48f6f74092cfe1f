package org.namdrunner.core.model;

import org.namdrunner.core.validation.InputRules;

/**
 * A job's place in a chain of stages (minimization → equilibration → production, and the continuations and extensions
 * that follow): the chain's id (the id of its first stage), the stage's number from 1, and the stage's name.
 *
 * @param chainId the chain, i.e. the id of its first stage
 * @param stage   the stage's number, 1 for the first
 * @param label   the stage's name, e.g. {@code minimization}, {@code step5_production} (a plain name)
 */
public record ChainLink(String chainId, int stage, String label) {

    /** More stages than any protocol has; a chain that grows past this by continuations is refused. */
    public static final int MAX_STAGES = 999;

    public ChainLink {
        InputRules.checkJobId(chainId);
        if (stage < 1 || stage > MAX_STAGES) {
            throw new InvalidInputException("chainStage", "A stage number must be between 1 and " + MAX_STAGES + ", not " + stage + ".");
        }
        InputRules.checkName("chainLabel", "stage name", label);
    }

    /** The next stage of the same chain with another name. */
    public ChainLink next(String nextLabel) {
        return new ChainLink(chainId, stage + 1, nextLabel);
    }

    /** "stage 2 (equilibration)". */
    public String describe() {
        return "stage " + stage + " (" + label + ")";
    }
}
