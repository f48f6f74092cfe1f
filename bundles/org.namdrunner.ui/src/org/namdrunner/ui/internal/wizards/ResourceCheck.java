package org.namdrunner.ui.internal.wizards;

import java.util.ArrayList;
import java.util.List;

import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.GpuRequests;
import org.namdrunner.core.cluster.ResourceLimits;
import org.namdrunner.core.model.Resources;
import org.namdrunner.ui.internal.views.JobTimes;

/** Checks a resource request against what a cluster offers, in words a researcher can act on. */
public final class ResourceCheck {

    /** @param errors what SLURM would refuse; @param notes what is allowed but worth knowing */
    public record Result(List<String> errors, List<String> notes) {
    }

    private ResourceCheck() {
    }

    public static Result check(Resources r, ClusterProfile p) {
        List<String> errors = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        long memMb = r.memory().toMegabytes();
        if (memMb > p.memoryPerNodeMb()) {
            errors.add("Memory: " + r.memory() + " per node is more than a node of " + p.name() + " has ("
                    + gb(p.memoryPerNodeMb()) + "). Ask for at most " + gb(p.memoryPerNodeMb()) + ".");
        }
        if (r.walltime().compareTo(p.maxWalltime()) > 0) {
            errors.add("Walltime: " + Walltime.format(r.walltime()) + " is longer than " + p.name() + " allows ("
                    + JobTimes.duration(p.maxWalltime()) + "). Split the run and continue from the restart files.");
        }
        if (!r.partition().isEmpty() && !p.partitions().isEmpty() && !p.partitions().contains(r.partition())) {
            errors.add("Partition: '" + r.partition() + "' is not one of " + String.join(", ", p.partitions()) + ".");
        }
        if (!r.qos().isEmpty() && !p.qos().isEmpty() && !p.qos().contains(r.qos())) {
            errors.add("QoS: '" + r.qos() + "' is not one of " + String.join(", ", p.qos()) + ".");
        }
        errors.addAll(ResourceLimits.qosProblems(p, r));
        GpuRequests.problem(p, r).ifPresent(m -> errors.add("GPUs: " + m));
        GpuRequests.note(p, r).ifPresent(notes::add);
        if (!r.account().isEmpty() && !p.accounts().isEmpty() && !p.accounts().contains(r.account())) {
            notes.add("Account '" + r.account() + "' is not in the cluster profile; SLURM refuses it if you cannot use it.");
        }
        int nodes = (r.cores() + p.coresPerNode() - 1) / p.coresPerNode();
        if (nodes > 1) {
            notes.add(r.cores() + " cores need " + nodes + " nodes of " + p.coresPerNode() + " cores; memory is per node.");
        }
        return new Result(errors, notes);
    }

    static String gb(long mb) {
        return mb % 1024 == 0 ? (mb / 1024) + "GB" : mb >= 1024 ? String.format("%.1fGB", mb / 1024.0) : mb + "MB";
    }
}
