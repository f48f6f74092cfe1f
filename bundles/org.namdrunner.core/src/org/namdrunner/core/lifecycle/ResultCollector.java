package org.namdrunner.core.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.RemotePaths;
import org.namdrunner.core.jobtype.JobType;
import org.namdrunner.core.model.ErrorInfo;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.store.JobStore;
import org.namdrunner.core.store.JobUpdate;
import org.namdrunner.core.store.StoreException;
import org.namdrunner.core.validation.InputRules;

/**
 * After a job finished: copies what it wrote in scratch into the project's outputs folder, records the
 * result files (including SLURM's {@code <name>_<id>.out/.err}) and, for a failed job, takes the cause from
 * the job type's log (e.g. a NAMD {@code FATAL ERROR:} line).
 */
final class ResultCollector {

    private static final long LOG_TAIL_BYTES = 256 * 1024;

    private ResultCollector() {
    }

    /** The type's result files in subfolders that pass the path rules (a type's mistake must not stop collecting). */
    private static List<String> declaredResults(JobType type, Job job) {
        if (type == null) {
            return List.of();
        }
        List<String> paths = new ArrayList<>();
        for (String path : type.resultFiles(job, TypeParameters.read(job.typeParameters()))) {
            try {
                if (path != null && path.contains("/") && !paths.contains(path)) {
                    paths.add(InputRules.checkRelativePath(path));
                }
            } catch (InvalidInputException e) {
                // ignored, as JobType.resultFiles documents
            }
        }
        return paths;
    }

    static void collect(JobStore store, ClusterConnection c, JobType type, Job job, Clock clock, IProgressMonitor monitor)
            throws StoreException {
        String outputs = RemotePaths.join(job.projectDir().orElseThrow(), JobFolders.OUTPUTS);
        Job.Builder b = job.toBuilder();
        try {
            RemoteFiles.copyTopLevelFiles(c, job.scratchDir().orElseThrow(), outputs, monitor);
            List<String> files = new ArrayList<>();
            for (String name : RemoteFiles.listFiles(c, outputs, monitor)) {
                files.add(JobFolders.OUTPUTS + "/" + name);
            }
            for (String path : RemoteFiles.copyNamedFiles(c, job.scratchDir().orElseThrow(), outputs, declaredResults(type, job), monitor)) {
                if (!files.contains(JobFolders.OUTPUTS + "/" + path)) {
                    files.add(JobFolders.OUTPUTS + "/" + path);
                }
            }
            b.outputFiles(files);
            if (type != null && job.status().isFailure()) {
                String logName = type.logFile(job);
                if (files.contains(JobFolders.OUTPUTS + "/" + logName)) {
                    String tail = c.readFile(RemotePaths.join(outputs, logName), LOG_TAIL_BYTES, monitor);
                    String cause = type.parseLog(tail).failureCause();
                    if (cause != null && !cause.isBlank()) {
                        ErrorInfo old = job.error().orElse(null);
                        String message = cause + (old == null ? "" : "\n" + old.message());
                        b.error(new ErrorInfo(job.status().name(), message, old == null ? "" : old.exitCode(), clock.instant()));
                    }
                }
            }
        } catch (ClusterException | RuntimeException e) {
            Instant now = clock.instant();
            ErrorInfo old = job.error().orElse(null);
            String note = "Results not copied yet (" + e.getMessage() + "); use Download results to try again.";
            b.error(new ErrorInfo(old == null ? "RESULTS" : old.type(), old == null ? note : old.message() + "\n" + note,
                    old == null ? "" : old.exitCode(), now));
        }
        Job updated = b.updatedAt(clock.instant()).build();
        if (!updated.equals(job)) {
            store.apply(List.of(JobUpdate.fieldsOnly(updated)));
        }
    }
}
