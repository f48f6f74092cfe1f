package org.namdrunner.core.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.validation.InputRules;

/**
 * Everything the workbench knows about one cluster: how to log in, how to prepare a shell for SLURM, which
 * partitions/QoS/accounts exist, and where job folders go. All of it is data a person can edit, because
 * clusters rename partitions and QoS from year to year.
 *
 * @param id               stable id, e.g. {@code alpine}
 * @param name             display name
 * @param host             login host
 * @param port             SSH port
 * @param user             user name on the cluster (may be empty: ~/.ssh/config or the local user decides)
 * @param authMethod       how to log in
 * @param keyFile          private key path for {@link AuthMethod#KEY}, may be empty
 * @param transferHost     host for bulk transfers (SFTP), empty to use {@code host}
 * @param commandPrefix    shell text run before every SLURM command, e.g.
 *                         {@code source /etc/profile && module load slurm/alpine}; empty on a plain cluster
 * @param moduleLines      lines a job script runs before the program, e.g. {@code module load namd/3.0.1_cpu}
 * @param partitions       partitions a person may choose, first is the default
 * @param qos              QoS names a person may choose
 * @param accounts         accounts a person may choose
 * @param projectsRoot     long-term root; job folders go to {@code <projectsRoot>/namdrunner_jobs/<id>}
 * @param scratchRoot      scratch root; jobs run in {@code <scratchRoot>/namdrunner_jobs/<id>}
 * @param coresPerNode     cores of one node, to derive {@code --nodes}
 * @param memoryPerNodeMb  usable memory of one node in MB, to check requests
 * @param maxWalltime      the longest walltime any QoS allows
 * @param pollInterval     minimum time between automatic status polls
 * @param limits           each QoS's longest walltime and the QoS each partition accepts ({@link ClusterLimits#NONE}
 *                         when unknown, as for profiles stored before limits existed)
 * @param preemptionRequeue on a site that requeues preempted jobs ({@code PreemptMode=REQUEUE}): how long after SLURM's
 *                         preemption time a PREEMPTED job is still watched for its requeue before PREEMPTED counts as
 *                         final; {@link Duration#ZERO} (the default) where preemption ends a job
 * @param gpu              the partitions with GPUs, how to request them and a GPU job's module lines ({@link GpuSetup#NONE}
 *                         for a cluster without GPUs, as for profiles stored before GPUs were known)
 */
public record ClusterProfile(String id, String name, String host, int port, String user, AuthMethod authMethod,
        String keyFile, String transferHost, String commandPrefix, List<String> moduleLines, List<String> partitions,
        List<String> qos, List<String> accounts, String projectsRoot, String scratchRoot, int coresPerNode,
        long memoryPerNodeMb, Duration maxWalltime, Duration pollInterval, ClusterLimits limits, Duration preemptionRequeue,
        GpuSetup gpu) {

    /** The ways a cluster accepts a login. */
    public enum AuthMethod {
        /** A private key file (with or without passphrase), or ssh-agent. */
        KEY,
        /** A password typed by the person. */
        PASSWORD,
        /** Keyboard-interactive: password and then e.g. a Duo push prompt. */
        KEYBOARD_INTERACTIVE
    }

    public static final String JOBS_FOLDER = "namdrunner_jobs";

    /** A profile without QoS/partition limits (the form every profile had before {@link ClusterLimits}). */
    public ClusterProfile(String id, String name, String host, int port, String user, AuthMethod authMethod,
            String keyFile, String transferHost, String commandPrefix, List<String> moduleLines, List<String> partitions,
            List<String> qos, List<String> accounts, String projectsRoot, String scratchRoot, int coresPerNode,
            long memoryPerNodeMb, Duration maxWalltime, Duration pollInterval) {
        this(id, name, host, port, user, authMethod, keyFile, transferHost, commandPrefix, moduleLines, partitions, qos,
                accounts, projectsRoot, scratchRoot, coresPerNode, memoryPerNodeMb, maxWalltime, pollInterval, ClusterLimits.NONE);
    }

    /** A profile of a site where preemption ends a job, without GPUs (the form every profile had before both). */
    public ClusterProfile(String id, String name, String host, int port, String user, AuthMethod authMethod,
            String keyFile, String transferHost, String commandPrefix, List<String> moduleLines, List<String> partitions,
            List<String> qos, List<String> accounts, String projectsRoot, String scratchRoot, int coresPerNode,
            long memoryPerNodeMb, Duration maxWalltime, Duration pollInterval, ClusterLimits limits) {
        this(id, name, host, port, user, authMethod, keyFile, transferHost, commandPrefix, moduleLines, partitions, qos,
                accounts, projectsRoot, scratchRoot, coresPerNode, memoryPerNodeMb, maxWalltime, pollInterval, limits, Duration.ZERO,
                GpuSetup.NONE);
    }

    /** A profile with a requeue window for preempted jobs and without GPUs. */
    public ClusterProfile(String id, String name, String host, int port, String user, AuthMethod authMethod,
            String keyFile, String transferHost, String commandPrefix, List<String> moduleLines, List<String> partitions,
            List<String> qos, List<String> accounts, String projectsRoot, String scratchRoot, int coresPerNode,
            long memoryPerNodeMb, Duration maxWalltime, Duration pollInterval, ClusterLimits limits, Duration preemptionRequeue) {
        this(id, name, host, port, user, authMethod, keyFile, transferHost, commandPrefix, moduleLines, partitions, qos,
                accounts, projectsRoot, scratchRoot, coresPerNode, memoryPerNodeMb, maxWalltime, pollInterval, limits, preemptionRequeue,
                GpuSetup.NONE);
    }

    /** A profile with GPUs, where preemption ends a job. */
    public ClusterProfile(String id, String name, String host, int port, String user, AuthMethod authMethod,
            String keyFile, String transferHost, String commandPrefix, List<String> moduleLines, List<String> partitions,
            List<String> qos, List<String> accounts, String projectsRoot, String scratchRoot, int coresPerNode,
            long memoryPerNodeMb, Duration maxWalltime, Duration pollInterval, ClusterLimits limits, GpuSetup gpu) {
        this(id, name, host, port, user, authMethod, keyFile, transferHost, commandPrefix, moduleLines, partitions, qos,
                accounts, projectsRoot, scratchRoot, coresPerNode, memoryPerNodeMb, maxWalltime, pollInterval, limits, Duration.ZERO, gpu);
    }

    public ClusterProfile {
        InputRules.checkName("id", "profile id", id);
        Objects.requireNonNull(name, "name");
        if (host == null || !host.matches("[A-Za-z0-9][A-Za-z0-9.-]{0,253}")) {
            throw new InvalidInputException("host", "The host '" + (host == null ? "" : InputRules.printable(host))
                    + "' is not a host name or address.");
        }
        if (port < 1 || port > 65535) {
            throw new InvalidInputException("port", "The SSH port must be between 1 and 65535, not " + port + ".");
        }
        user = user == null ? "" : user;
        if (!user.isEmpty()) {
            InputRules.checkUserName("user", user);
        }
        Objects.requireNonNull(authMethod, "authMethod");
        keyFile = keyFile == null ? "" : keyFile;
        transferHost = transferHost == null ? "" : transferHost;
        if (!transferHost.isEmpty() && !transferHost.matches("[A-Za-z0-9][A-Za-z0-9.-]{0,253}")) {
            throw new InvalidInputException("transferHost", "The transfer host '" + InputRules.printable(transferHost)
                    + "' is not a host name or address.");
        }
        commandPrefix = commandPrefix == null ? "" : commandPrefix.strip();
        if (commandPrefix.indexOf('\n') >= 0 || commandPrefix.indexOf('\0') >= 0) {
            throw new InvalidInputException("commandPrefix", "The command prefix must be one line.");
        }
        moduleLines = List.copyOf(moduleLines == null ? List.of() : moduleLines);
        for (String line : moduleLines) {
            if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0 || line.indexOf('\0') >= 0) {
                throw new InvalidInputException("moduleLines", "Each module line must be a single line.");
            }
        }
        partitions = List.copyOf(partitions == null ? List.of() : partitions);
        qos = List.copyOf(qos == null ? List.of() : qos);
        accounts = List.copyOf(accounts == null ? List.of() : accounts);
        projectsRoot = RemotePaths.checkAbsolute("projectsRoot", projectsRoot);
        scratchRoot = RemotePaths.checkAbsolute("scratchRoot", scratchRoot);
        if (coresPerNode < 1) {
            throw new InvalidInputException("coresPerNode", "Cores per node must be at least 1.");
        }
        if (memoryPerNodeMb < 1) {
            throw new InvalidInputException("memoryPerNodeMb", "Memory per node must be at least 1 MB.");
        }
        Objects.requireNonNull(maxWalltime, "maxWalltime");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (pollInterval.compareTo(Duration.ofSeconds(5)) < 0) {
            throw new InvalidInputException("pollInterval", "The poll interval must be at least 5 seconds.");
        }
        limits = limits == null ? ClusterLimits.NONE : limits;
        preemptionRequeue = preemptionRequeue == null ? Duration.ZERO : preemptionRequeue;
        if (preemptionRequeue.isNegative()) {
            throw new InvalidInputException("preemptionRequeue", "The time a preempted job is watched for its requeue cannot be negative.");
        }
        gpu = gpu == null ? GpuSetup.NONE : gpu;
    }

    /** The same profile with other limits. */
    public ClusterProfile withLimits(ClusterLimits newLimits) {
        return new ClusterProfile(id, name, host, port, user, authMethod, keyFile, transferHost, commandPrefix, moduleLines,
                partitions, qos, accounts, projectsRoot, scratchRoot, coresPerNode, memoryPerNodeMb, maxWalltime, pollInterval,
                newLimits, preemptionRequeue, gpu);
    }

    /** The same profile with another requeue window for preempted jobs. */
    public ClusterProfile withPreemptionRequeue(Duration window) {
        return new ClusterProfile(id, name, host, port, user, authMethod, keyFile, transferHost, commandPrefix, moduleLines,
                partitions, qos, accounts, projectsRoot, scratchRoot, coresPerNode, memoryPerNodeMb, maxWalltime, pollInterval,
                limits, window, gpu);
    }

    /** The same profile with another GPU setup. */
    public ClusterProfile withGpu(GpuSetup newGpu) {
        return new ClusterProfile(id, name, host, port, user, authMethod, keyFile, transferHost, commandPrefix, moduleLines,
                partitions, qos, accounts, projectsRoot, scratchRoot, coresPerNode, memoryPerNodeMb, maxWalltime, pollInterval,
                limits, preemptionRequeue, newGpu);
    }

    /** The module lines of a job with {@code gpus} GPUs: the GPU ones when it has GPUs and the profile names them. */
    public List<String> moduleLinesFor(int gpus) {
        return gpus > 0 && !gpu.moduleLines().isEmpty() ? gpu.moduleLines() : moduleLines;
    }

    /** The host for SFTP transfers: the transfer host when one is set, else the login host. */
    public String effectiveTransferHost() {
        return transferHost.isEmpty() ? host : transferHost;
    }

    /** {@code <projectsRoot>/namdrunner_jobs/<jobId>}. */
    public String projectDirFor(String jobId) {
        return RemotePaths.join(projectsRoot, JOBS_FOLDER, InputRules.checkJobId(jobId));
    }

    /** {@code <scratchRoot>/namdrunner_jobs/<jobId>}. */
    public String scratchDirFor(String jobId) {
        return RemotePaths.join(scratchRoot, JOBS_FOLDER, InputRules.checkJobId(jobId));
    }
}
