package org.namdrunner.app;

import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.RemotePaths;
import org.namdrunner.core.jobtype.JobType;
import org.namdrunner.core.lifecycle.JobFolders;
import org.namdrunner.core.model.Job;

/** Where a job's log is on the cluster: in its scratch folder while it runs, in its outputs once collected. */
public final class JobLogs {

    private JobLogs() {
    }

    public static Optional<String> remotePath(Job job, JobType type) {
        String log = type.logFile(job);
        String collected = JobFolders.OUTPUTS + "/" + log;
        if (job.outputFiles().contains(collected) && job.projectDir().isPresent()) {
            return Optional.of(RemotePaths.join(job.projectDir().get(), JobFolders.OUTPUTS, log));
        }
        return job.scratchDir().map(dir -> RemotePaths.join(dir, log));
    }

    /**
     * Reads what is new in the job's log through its {@link LogWatch} (kept in {@code progress}, so every reader of one
     * job shares one offset) and, while the job runs, keeps its summary as the job's progress. This is the one place
     * where progress reads reach the connection: with {@code mayLogIn} false (every background refresh) nothing is read
     * unless the session is already open, so a refresh never starts a login. Empty when nothing was read.
     */
    public static Optional<LogView> refresh(LogProgress progress, ClusterConnection connection, Job job, JobType type,
            boolean plots, boolean mayLogIn, IProgressMonitor monitor) throws ClusterException {
        String path = remotePath(job, type).orElse(null);
        if (path == null || (!mayLogIn && !connection.isConnected())) {
            return Optional.empty();
        }
        LogView view = progress.watch(job.id(), path, () -> type.followLog(job)).refresh(connection, plots, monitor);
        if (job.status().isActive()) {
            progress.put(job.id(), view.summary());
        }
        return Optional.of(view);
    }
}
