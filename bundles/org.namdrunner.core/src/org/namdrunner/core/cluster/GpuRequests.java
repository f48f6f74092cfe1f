package org.namdrunner.core.cluster;

import java.util.Optional;

import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Resources;

/**
 * Checks a request's GPUs against the profile's {@link GpuSetup} before anything reaches the cluster: GPUs on a
 * partition without GPUs, or more than one of its nodes has, are refused by sbatch ("Invalid generic resource (gres)
 * specification", or a job that pends forever). A profile that names no GPU partition checks nothing (it was stored
 * before GPUs were known, or the site is not described).
 */
public final class GpuRequests {

    private GpuRequests() {
    }

    /** Throws, naming the field {@code gpus}, for a request the profile says cannot be satisfied. */
    public static void check(ClusterProfile profile, Resources r) {
        problem(profile, r).ifPresent(message -> {
            throw new InvalidInputException("gpus", message);
        });
    }

    /** What is wrong with the request's GPUs, in words; empty when it fits. */
    public static Optional<String> problem(ClusterProfile profile, Resources r) {
        GpuSetup gpu = profile.gpu();
        if (r.gpus() == 0 || gpu.gpusPerNode().isEmpty()) {
            return Optional.empty();
        }
        String partition = partitionOf(profile, r);
        int perNode = gpu.gpusOn(partition);
        if (perNode == 0) {
            return Optional.of("The partition '" + partition + "' of " + profile.name() + " has no GPUs. Pick a GPU partition ("
                    + gpu.describe() + " GPUs per node) or ask for 0 GPUs.");
        }
        if (r.gpus() > perNode) {
            return Optional.of("A node of the partition '" + partition + "' has " + perNode + " GPU" + (perNode == 1 ? "" : "s")
                    + "; ask for at most " + perNode + " GPUs per node.");
        }
        return Optional.empty();
    }

    /** A note for a job without GPUs on a GPU partition (allowed, but the GPUs stay idle and it is billed as one). */
    public static Optional<String> note(ClusterProfile profile, Resources r) {
        String partition = partitionOf(profile, r);
        if (r.gpus() == 0 && profile.gpu().hasGpus(partition)) {
            return Optional.of("'" + partition + "' is a GPU partition (" + profile.gpu().gpusOn(partition)
                    + " per node): ask for GPUs, or pick a CPU partition.");
        }
        return Optional.empty();
    }

    /** The partition the job runs on: its own, else the profile's default (the first). */
    public static String partitionOf(ClusterProfile profile, Resources r) {
        return !r.partition().isEmpty() ? r.partition() : profile.partitions().isEmpty() ? "" : profile.partitions().get(0);
    }
}
