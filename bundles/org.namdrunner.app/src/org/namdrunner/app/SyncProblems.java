package org.namdrunner.app;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.Status;
import org.namdrunner.core.lifecycle.SyncReport;
import org.namdrunner.core.model.ErrorInfo;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.store.JobStore;
import org.namdrunner.core.store.JobUpdate;
import org.namdrunner.core.store.StoreException;

/**
 * Makes every problem of a sync reach the person, in three places: the cluster's {@link ClusterState#problems()}
 * (the status line), the Error Log (one warning per cluster whenever the set of problems changes, so a poll every
 * minute does not repeat it), and a note on each job a problem is about. Flagged jobs (a SLURM id that now names
 * another job) already carry their note from the sync; here the jobs that neither squeue nor SLURM's accounting could
 * account for get theirs.
 */
public final class SyncProblems {

    /** The error type of the notes written here. */
    public static final String NOTE_TYPE = "SYNC";
    static final String BUNDLE = "org.namdrunner.app";

    private final JobStore store;
    private final Clock clock;
    private final Map<String, List<String>> logged = new ConcurrentHashMap<>();

    public SyncProblems(JobStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** What the status line shows for a report: its problems, or the error that stopped the poll. */
    public static List<String> of(SyncReport report) {
        if (!report.succeeded()) {
            return report.status().getSeverity() == IStatus.CANCEL ? List.of() : List.of(report.status().getMessage());
        }
        return report.problems();
    }

    /** Logs and notes the report's problems; any thread. */
    public void take(SyncReport report, String clusterName) {
        List<String> problems = of(report);
        String id = report.profileId();
        if (problems.isEmpty()) {
            logged.remove(id);
        } else if (!problems.equals(logged.put(id, problems))) {
            ILog.of(SyncProblems.class).log(status(clusterName, problems));
        }
        if (report.succeeded() && problems.stream().anyMatch(SyncProblems::accountingUnreachable)) {
            noteUnaccounted(report.missing());
        }
    }

    /** The Error Log entry: a warning whose children are the problems, each in its own words. */
    public static IStatus status(String clusterName, List<String> problems) {
        MultiStatus s = new MultiStatus(BUNDLE, 0, "Sync of " + clusterName + ": " + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + " (" + problems.getFirst() + ")", null);
        for (String p : problems) {
            s.add(new Status(IStatus.WARNING, BUNDLE, p));
        }
        return s;
    }

    private static boolean accountingUnreachable(String problem) {
        return problem.contains("accounting could not be reached") || problem.startsWith("sacct failed");
    }

    private void noteUnaccounted(List<String> jobIds) {
        Instant now = clock.instant();
        String note = "SLURM's accounting could not be reached and squeue no longer lists this job, so how it ended is "
                + "not known yet. Its status is kept and it is asked about at every sync; the job's own record or SLURM's "
                + "accounting, once it answers, will settle it.";
        List<JobUpdate> updates = new ArrayList<>();
        try {
            for (String id : jobIds) {
                Job job = store.find(id).orElse(null);
                if (job == null || job.error().map(e -> e.message().contains(note)).orElse(false)) {
                    continue;   // written once, not at every poll
                }
                ErrorInfo old = job.error().orElse(null);
                ErrorInfo info = old == null ? new ErrorInfo(NOTE_TYPE, note, "", now)
                        : new ErrorInfo(old.type(), old.message() + "\n" + note, old.exitCode(), now);
                updates.add(JobUpdate.fieldsOnly(job.toBuilder().error(info).updatedAt(now).build()));
            }
            if (!updates.isEmpty()) {
                store.apply(updates);
            }
        } catch (StoreException e) {
            ILog.of(SyncProblems.class).log(e.getStatus());
        }
    }
}
