package org.namdrunner.core.model;

import java.time.Duration;
import java.util.Objects;

/**
 * What a job asks the scheduler for. Partition, QoS, account and constraint are profile data (they change
 * between clusters and years), so they are plain strings here and checked against the profile elsewhere.
 *
 * @param cores      MPI tasks (SLURM ntasks), at least 1
 * @param memory     memory per node, always with a unit
 * @param walltime   time limit, at least one minute
 * @param partition  partition name, may be empty for the cluster default
 * @param qos        QoS name, may be empty
 * @param account    account name, may be empty
 * @param gpus       GPUs per node, 0 for none
 * @param constraint node feature constraint (e.g. {@code ib}), may be empty
 */
public record Resources(int cores, MemorySize memory, Duration walltime, String partition, String qos,
        String account, int gpus, String constraint) {

    public static final int MAX_CORES = 100_000;

    public Resources {
        if (cores < 1 || cores > MAX_CORES) {
            throw new InvalidInputException("cores", "Cores must be between 1 and " + MAX_CORES + ", not " + cores + ".");
        }
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(walltime, "walltime");
        if (walltime.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new InvalidInputException("walltime", "Walltime must be at least one minute.");
        }
        if (gpus < 0) {
            throw new InvalidInputException("gpus", "GPUs cannot be negative.");
        }
        partition = SchedulerNames.check("partition", partition);
        qos = SchedulerNames.check("qos", qos);
        account = SchedulerNames.check("account", account);
        constraint = SchedulerNames.checkConstraint(constraint);
    }

    /** A small default: one core, 1 GB, one hour, the cluster's default partition. */
    public static Resources minimal() {
        return new Resources(1, MemorySize.gigabytes(1), Duration.ofHours(1), "", "", "", 0, "");
    }

    public Resources withCores(int newCores) {
        return new Resources(newCores, memory, walltime, partition, qos, account, gpus, constraint);
    }

    public Resources withWalltime(Duration newWalltime) {
        return new Resources(cores, memory, newWalltime, partition, qos, account, gpus, constraint);
    }

    public Resources withMemory(MemorySize newMemory) {
        return new Resources(cores, newMemory, walltime, partition, qos, account, gpus, constraint);
    }

    public Resources withPartition(String newPartition) {
        return new Resources(cores, memory, walltime, newPartition, qos, account, gpus, constraint);
    }

    public Resources withQos(String newQos) {
        return new Resources(cores, memory, walltime, partition, newQos, account, gpus, constraint);
    }

    public Resources withAccount(String newAccount) {
        return new Resources(cores, memory, walltime, partition, qos, newAccount, gpus, constraint);
    }

    /** The walltime as SLURM's {@code D-HH:MM:SS}. */
    public String walltimeForSlurm() {
        long seconds = walltime.toSeconds();
        long days = seconds / 86_400;
        long h = (seconds % 86_400) / 3600;
        long m = (seconds % 3600) / 60;
        long s = seconds % 60;
        String hms = String.format("%02d:%02d:%02d", h, m, s);
        return days > 0 ? days + "-" + hms : hms;
    }
}
