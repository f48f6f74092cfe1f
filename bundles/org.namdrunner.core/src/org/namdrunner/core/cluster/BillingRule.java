package org.namdrunner.core.cluster;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.SchedulerNames;

/**
 * How a cluster bills a job in service units (SU), as data of a profile. Alpine (CURC 2026): 1 SU per allocated
 * core-hour, plus a rate per GPU-hour that depends on the GPU type (the partition). SUs are charged for what was
 * allocated for as long as it ran, not for what the program used.
 *
 * @param suPerCoreHour     SUs per allocated core-hour; 0 with no rule known
 * @param suPerGpuHour      SUs per GPU-hour on a partition without its own rate
 * @param partitionGpuRates partition → SUs per GPU-hour there (the GPU type's rate)
 * @param partitionWeights  partition → a factor on its core-hours (a partition billed at another rate); 1 when absent
 */
public record BillingRule(double suPerCoreHour, double suPerGpuHour, Map<String, Double> partitionGpuRates,
        Map<String, Double> partitionWeights) {

    /** No rule known: SUs are not shown. */
    public static final BillingRule NONE = new BillingRule(0, 0, Map.of(), Map.of());

    public BillingRule {
        if (!(suPerCoreHour >= 0) || !(suPerGpuHour >= 0) || Double.isInfinite(suPerCoreHour) || Double.isInfinite(suPerGpuHour)) {
            throw new InvalidInputException("billing", "Service-unit rates must be numbers of zero or more.");
        }
        partitionGpuRates = checked("GPU-hour rate", partitionGpuRates);
        partitionWeights = checked("weight", partitionWeights);
    }

    private static Map<String, Double> checked(String what, Map<String, Double> in) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : (in == null ? Map.<String, Double>of() : in).entrySet()) {
            String name = SchedulerNames.check("partition", e.getKey());
            Double v = e.getValue();
            if (name.isEmpty() || v == null || !(v >= 0) || v.isInfinite()) {
                throw new InvalidInputException("billing", "The " + what + " of partition '" + name + "' must be a number of zero or more.");
            }
            out.put(name, v);
        }
        return Collections.unmodifiableMap(out);
    }

    public boolean isKnown() {
        return suPerCoreHour > 0 || suPerGpuHour > 0 || !partitionGpuRates.isEmpty();
    }

    /** SUs per GPU-hour on a partition. */
    public double gpuRate(String partition) {
        return partitionGpuRates.getOrDefault(partition == null ? "" : partition, suPerGpuHour);
    }

    /** The SUs of {@code cores} cores and {@code gpus} GPUs held for {@code time} on {@code partition}. */
    public double serviceUnits(String partition, int cores, int gpus, Duration time) {
        double hours = time.toMillis() / 3_600_000.0;
        double weight = partitionWeights.getOrDefault(partition == null ? "" : partition, 1.0);
        return cores * hours * suPerCoreHour * weight + gpus * hours * gpuRate(partition);
    }
}
