package org.namdrunner.app;

import java.util.Optional;

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
}
