package org.namdrunner.ui.internal.editor;

import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.RemoteChunk;
import org.namdrunner.core.cluster.RemotePaths;
import org.namdrunner.core.lifecycle.JobFolders;
import org.namdrunner.core.model.Job;

/**
 * A job's SLURM output files ({@code <name>_<slurm id>.out/.err}, as the batch script names them): in its results
 * folder once collected, else in its working folder; and the cause lines at their ends, read with ranged reads.
 */
final class SlurmOutput {

    /** How much of the end of each file is read for the quotes. */
    static final int TAIL = 16 * 1024;

    /** The two files' names and their paths on the cluster. */
    record Files(String errName, String errPath, String outName, String outPath) {
    }

    private SlurmOutput() {
    }

    static Optional<Files> of(Job job) {
        if (job.slurmId().isEmpty()) {
            return Optional.empty();
        }
        String base = job.name() + "_" + job.slurmId().get();
        try {
            return Optional.of(new Files(base + ".err", path(job, base + ".err"), base + ".out", path(job, base + ".out")));
        } catch (RuntimeException e) {
            return Optional.empty(); // a folder our path rules refuse: nothing is read
        }
    }

    private static String path(Job job, String name) {
        if (job.outputFiles().contains(JobFolders.OUTPUTS + "/" + name) && job.projectDir().isPresent()) {
            return RemotePaths.join(job.projectDir().get(), JobFolders.OUTPUTS, name);
        }
        return RemotePaths.join(job.scratchDir().or(job::projectDir).orElseThrow(), name);
    }

    /** The cause lines of the two files' ends and of the program's log ({@code logPath}, may be null); a missing file counts as empty. */
    static List<FailureQuotes.Quote> quotes(ClusterConnection c, Files f, String logPath, IProgressMonitor m) throws ClusterException {
        List<FailureQuotes.Source> sources = new java.util.ArrayList<>(List.of(new FailureQuotes.Source(f.errName(), tail(c, f.errPath(), m)),
                new FailureQuotes.Source(f.outName(), tail(c, f.outPath(), m))));
        if (logPath != null) {
            sources.add(new FailureQuotes.Source(logPath.substring(logPath.lastIndexOf('/') + 1), tail(c, logPath, m)));
        }
        return FailureQuotes.of(sources);
    }

    /** The last {@link #TAIL} bytes of a file (from its first whole line), or "" when it does not exist. */
    static String tail(ClusterConnection c, String path, IProgressMonitor m) throws ClusterException {
        RemoteChunk sized;
        try {
            sized = c.readRange(path, 0, 0, m);
        } catch (ClusterException e) {
            if (e.isTransient()) {
                throw e;
            }
            return "";
        }
        TextWindow w = new TextWindow();
        return w.open(c.readRange(path, Math.max(0, sized.fileSize() - TAIL), TAIL, m));
    }
}
