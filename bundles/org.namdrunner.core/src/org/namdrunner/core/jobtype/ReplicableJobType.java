package org.namdrunner.core.jobtype;

import java.util.Map;

/**
 * A job type whose jobs can run as a set of replicas: copies of one job side by side, each with its own random seed, so
 * the runs are independent samples of the same system ({@code JobService.replicas()}). Pure like {@link JobType}.
 */
public interface ReplicableJobType extends JobType {

    /** Parameter: how many replicas to make ("1" or absent: a single job). It belongs to the set, not to a replica. */
    String REPLICAS = "replicas";

    /** Parameter: the first replica's seed; replica k gets this + k − 1. Absent or blank: chosen at random for the set. */
    String FIRST_SEED = "firstSeed";

    /** The largest seed a replica gets: seeds are kept to positive 32-bit integers, which every MD code takes. */
    long MAX_SEED = Integer.MAX_VALUE;

    /**
     * The parameters of one replica: the set's parameters (without {@link #REPLICAS} and {@link #FIRST_SEED}) with this
     * replica's own seed in them, so its files differ only where the seed is used.
     */
    Map<String, String> replica(Map<String, String> parameters, int index, long seed);
}
