package org.namdrunner.core.cluster;

import java.util.Optional;

import org.namdrunner.core.model.JobUsage;
import org.namdrunner.core.model.Resources;
import org.namdrunner.core.model.UsageAdvice;

/**
 * Service units in words, by a profile's {@link BillingRule}: the most a job can cost before it is submitted (its cores and
 * GPUs for its whole walltime), and what a finished job cost (what it was allocated for as long as it ran). Empty when the
 * profile has no billing rule.
 */
public final class CostEstimate {

    private CostEstimate() {
    }

    /** The upper bound before submission, e.g. "at most 1536.0 SU (64 cores × 24 h at 1 SU per core-hour)". */
    public static Optional<String> beforeSubmission(BillingRule rule, Resources r) {
        if (rule == null || !rule.isKnown()) {
            return Optional.empty();
        }
        double su = rule.serviceUnits(r.partition(), r.cores(), r.gpus(), r.walltime());
        StringBuilder how = new StringBuilder().append(r.cores()).append(r.cores() == 1 ? " core" : " cores");
        if (r.gpus() > 0) {
            how.append(" + ").append(r.gpus()).append(r.gpus() == 1 ? " GPU" : " GPUs");
        }
        how.append(" × ").append(UsageAdvice.duration(r.walltime())).append(" at ").append(number(rule.suPerCoreHour()))
                .append(" SU per core-hour");
        if (r.gpus() > 0) {
            how.append(" and ").append(number(rule.gpuRate(r.partition()))).append(" per GPU-hour");
        }
        return Optional.of("Service units: at most " + UsageAdvice.serviceUnits(su) + " (" + how
                + "); a job that ends early is charged only for the time it ran.");
    }

    /** What a finished job cost: its allocation for its run time. */
    public static Optional<Double> used(BillingRule rule, Resources r, JobUsage u) {
        if (rule == null || !rule.isKnown() || u == null) {
            return Optional.empty();
        }
        int cores = u.allocatedCpus() > 0 ? u.allocatedCpus() : r.cores();
        int gpus = u.gpus() > 0 ? u.gpus() : 0;
        return Optional.of(rule.serviceUnits(r.partition(), cores, gpus, u.elapsed()));
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
