package org.namdrunner.slurm.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ExecResult;
import org.namdrunner.core.cluster.LoginShell;
import org.namdrunner.core.scheduler.JobIdentity;
import org.namdrunner.core.scheduler.SchedulerJobState;

/**
 * Finds this user's SLURM jobs that carry a job's identity, whatever their ids: {@code squeue --me --name} (the
 * controller's jobs, comment included), then {@code sacct --name} of the time since the submission (finished ones).
 * Only rows whose comment, name and working directory fit ({@link JobIdentity#mismatches}) are returned; squeue's
 * row wins over sacct's for the same id. sacct that fails (no accounting) leaves squeue's answer.
 */
public final class TagSearch {

    private final ClusterConnection connection;
    private final SlurmCommands commands;
    private final ZoneId zone;

    public TagSearch(ClusterConnection connection, ZoneId zone) {
        this.connection = connection;
        this.commands = new SlurmCommands(connection.profile());
        this.zone = zone;
    }

    public List<SchedulerJobState> run(JobIdentity identity, Instant submittedAfter, IProgressMonitor monitor) throws ClusterException {
        Map<String, SchedulerJobState> found = new LinkedHashMap<>();
        ExecResult queue = LoginShell.commandOutput(connection.exec(commands.squeueByName(identity.jobName()), StatusQuery.TIMEOUT, monitor));
        if (!queue.succeeded()) {
            throw failure("squeue", queue);
        }
        keep(SqueueParser.parse(queue.stdout(), zone), identity, found);
        long seconds = Duration.between(submittedAfter, Instant.now()).getSeconds() + 3600;   // the cluster's clock may lag
        ExecResult accounting = LoginShell.commandOutput(connection.exec(commands.sacctByName(identity.jobName(), seconds),
                StatusQuery.TIMEOUT, monitor));
        if (accounting.succeeded()) {
            keep(new SacctParser(zone).parse(accounting.stdout()), identity, found);
        }
        return new ArrayList<>(found.values());
    }

    private static void keep(ParsedRows rows, JobIdentity identity, Map<String, SchedulerJobState> found) {
        for (SchedulerJobState s : rows.states()) {
            if (identity.mismatches(s).isEmpty()) {
                found.putIfAbsent(s.slurmId(), s);
            }
        }
    }

    private ClusterException failure(String command, ExecResult result) {
        if (SlurmFailures.isUnreachable(result)) {
            return SlurmFailures.unreachable(command, result, connection.profile());
        }
        if (SlurmFailures.isCommandMissing(result)) {
            return SlurmFailures.commandMissing(command, result, connection.profile());
        }
        return ClusterException.permanent(command + " failed (exit code " + result.exitCode() + "): '"
                + SlurmValues.shortened(SlurmFailures.slurmText(result)) + "'");
    }
}
