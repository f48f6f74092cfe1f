package org.namdrunner.core.lifecycle;

import java.util.Objects;
import java.util.random.RandomGenerator;

import org.namdrunner.core.jobtype.ReplicableJobType;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.ReplicaLink;
import org.namdrunner.core.validation.InputRules;

/**
 * A set of replicas asked for at once: {@code count} copies of one job, replica k with seed {@code firstSeed + k − 1}.
 * The inputs are uploaded once, for the first replica; the others get a copy made on the cluster.
 *
 * @param job       the job every replica is a copy of (its name is the set's name)
 * @param count     how many replicas, 2 to {@value ReplicaLink#MAX_REPLICAS}
 * @param firstSeed the first replica's seed, 1 to {@link ReplicableJobType#MAX_SEED} − count + 1
 */
public record ReplicaRequest(JobRequest job, int count, long firstSeed) {

    public ReplicaRequest {
        Objects.requireNonNull(job, "job");
        InputRules.checkJobName(job.name());
        if (count < 2 || count > ReplicaLink.MAX_REPLICAS) {
            throw new InvalidInputException(ReplicableJobType.REPLICAS, "A replica set has 2 to " + ReplicaLink.MAX_REPLICAS
                    + " replicas, not " + count + ".");
        }
        if (firstSeed < 1 || firstSeed > ReplicableJobType.MAX_SEED - count + 1) {
            throw new InvalidInputException(ReplicableJobType.FIRST_SEED, "The first seed must be between 1 and "
                    + (ReplicableJobType.MAX_SEED - count + 1) + " for " + count + " replicas, not " + firstSeed + ".");
        }
    }

    /**
     * The set a request's parameters ask for ({@link ReplicableJobType#REPLICAS} above 1), or null for a single job. The
     * first seed is {@link ReplicableJobType#FIRST_SEED}, or drawn from {@code random} when it is blank or absent.
     *
     * @throws InvalidInputException naming the replica count or first seed that is not acceptable
     */
    public static ReplicaRequest of(JobRequest request, RandomGenerator random) {
        String rawCount = request.parameters().get(ReplicableJobType.REPLICAS);
        if (rawCount == null || rawCount.isBlank()) {
            return null;
        }
        int count = count(rawCount);
        if (count == 1) {
            return null;
        }
        String rawSeed = request.parameters().get(ReplicableJobType.FIRST_SEED);
        long firstSeed = rawSeed == null || rawSeed.isBlank()
                ? random.nextLong(1, ReplicableJobType.MAX_SEED - count + 2)
                : firstSeed(rawSeed, count);
        return new ReplicaRequest(request, count, firstSeed);
    }

    /** A typed number of replicas, 1 to {@value ReplicaLink#MAX_REPLICAS} (1: a single job). */
    public static int count(String raw) {
        return (int) whole(raw, ReplicaLink.MAX_REPLICAS, () -> new InvalidInputException(ReplicableJobType.REPLICAS,
                "Replicas must be a whole number from 1 to " + ReplicaLink.MAX_REPLICAS + ", not '" + InputRules.printable(raw) + "'."));
    }

    /** A typed first seed of {@code count} replicas: every seed of the set must stay within {@link ReplicableJobType#MAX_SEED}. */
    public static long firstSeed(String raw, int count) {
        long max = ReplicableJobType.MAX_SEED - count + 1;
        return whole(raw, max, () -> new InvalidInputException(ReplicableJobType.FIRST_SEED, "The first seed must be a whole number "
                + "from 1 to " + max + " for " + count + " replicas, not '" + InputRules.printable(raw) + "'."));
    }

    private static long whole(String raw, long max, java.util.function.Supplier<InvalidInputException> refusal) {
        try {
            long n = Long.parseLong(raw.strip());
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw refusal.get();
    }

    /** Replica k's seed (k from 1). */
    public long seed(int index) {
        return firstSeed + index - 1;
    }

    /** Replica k's job name: {@code <name>_r<k>}, the name cut to fit 64 characters. */
    public String replicaName(int index) {
        String suffix = "_r" + index;
        String name = job.name();
        String base = name.length() + suffix.length() > InputRules.MAX_NAME_LENGTH
                ? name.substring(0, InputRules.MAX_NAME_LENGTH - suffix.length()) : name;
        return InputRules.checkJobName(base + suffix);
    }
}
