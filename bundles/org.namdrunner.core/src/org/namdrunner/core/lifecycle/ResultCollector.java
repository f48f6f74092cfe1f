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
import org.namdrunner.core.scheduler.BatchScriptRequest;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.store.JobStore;
import org.namdrunner.core.store.JobUpdate;
import org.namdrunner.core.store.StoreException;
import org.namdrunner.core.validation.InputRules;

/**
 * After a job finished: its script has copied what it wrote into the project's outputs folder (only SLURM's
 * .out/.err are refreshed here); for a job whose script did not get that far, copies it now. Records the
 * result files (including SLURM's {@code <name>_<id>.out/.err}) and, for a failed job, takes the cause from
 * the job type's log (e.g. a NAMD {@code FATAL ERROR:} line).
 */
final class ResultCollector {

    private static final long LOG_TAIL_BYTES = 256 * 1024;

    private ResultCollector() {
    }

    /** The type's result files in subfolders that pass the path rules (a type's mistake must not stop collecting). */
    static List<String> declaredResults(JobType type, Job job) {
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

    private static List<String> slurmLogs(Job job) {
        if (job.slurmId().isEmpty()) {
            return List.of();
        }
        String base = job.name() + "_" + job.slurmId().get();
        try {
            return List.of(InputRules.checkRelativePath(base + ".out"), InputRules.checkRelativePath(base + ".err"));
        } catch (InvalidInputException e) {
            return List.of();
        }
    }

    static void collect(JobStore store, ClusterConnection c, JobType type, Job job, Clock clock, IProgressMonitor monitor)
            throws StoreException {
        String outputs = RemotePaths.join(job.projectDir().orElseThrow(), JobFolders.OUTPUTS);
        Job.Builder b = job.toBuilder();
        try {
            String scratch = job.scratchDir().orElseThrow();
            List<String> named = declaredResults(type, job);
            boolean copiedByJob = RemoteFiles.listFiles(c, outputs, monitor).contains(BatchScriptRequest.RESULTS_COPIED);
            if (copiedByJob) {
                // the job copied its results at its end; only SLURM's own small .out/.err may have grown since
                RemoteFiles.copyNamedFiles(c, scratch, outputs, slurmLogs(job), monitor);
            } else {
                // a job that never ran its script to the end (cancelled while pending, node failure, older script)
                RemoteFiles.copyTopLevelFiles(c, scratch, outputs, monitor);
            }
            List<String> files = new ArrayList<>();
            for (String name : RemoteFiles.listFiles(c, outputs, monitor)) {
                if (!name.equals(BatchScriptRequest.RESULTS_COPIED)) {
                    files.add(JobFolders.OUTPUTS + "/" + name);
                }
            }
            List<String> present = copiedByJob ? RemoteFiles.existing(c, outputs, named, monitor)
                    : RemoteFiles.copyNamedFiles(c, scratch, outputs, named, monitor);
            for (String path : present) {
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
