package org.namdrunner.core.model;

import org.namdrunner.core.validation.InputRules;

/**
 * A job's place in a set of replicas: copies of one job that run side by side, each with its own random seed
 * (docs/lifecycle.md, "Replicas"). Unlike the stages of a chain, no replica waits for another.
 *
 * @param setId the set's id (a job id form, shared by every replica of the set)
 * @param index this replica's number, 1 to {@code count}
 * @param count how many replicas the set was made with
 */
public record ReplicaLink(String setId, int index, int count) {

    /** More copies than a person would run by hand; a job array is the tool beyond that. */
    public static final int MAX_REPLICAS = 100;

    public ReplicaLink {
        InputRules.checkJobId(setId);
        if (count < 2 || count > MAX_REPLICAS) {
            throw new InvalidInputException("replicas", "A replica set has 2 to " + MAX_REPLICAS + " replicas, not " + count + ".");
        }
        if (index < 1 || index > count) {
            throw new InvalidInputException("replicaIndex", "A replica's number must be between 1 and " + count + ", not " + index + ".");
        }
    }

    /** "replica 2 of 5". */
    public String describe() {
        return "replica " + index + " of " + count;
    }
}
