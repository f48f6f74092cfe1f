package org.namdrunner.ui.internal.views;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.store.JobSummary;
import org.namdrunner.core.validation.InputRules;

/**
 * The row of a set of replicas in the Jobs table ({@link ChainRows}): the set is running while any replica runs,
 * waiting while any waits, and done only when every replica ended, COMPLETED only when all completed; otherwise it
 * shows the first replica that did not. Its progress counts the replicas by what they do.
 */
final class ReplicaSetRow {

    private ReplicaSetRow() {
    }

    /** The replica whose status is the set's. */
    static int counting(List<JobSummary> replicas) {
        int waiting = -1;
        int unsuccessful = -1;
        for (int i = 0; i < replicas.size(); i++) {
            JobStatus s = replicas.get(i).status();
            if (s == JobStatus.RUNNING) {
                return i;
            }
            if (!s.isTerminal() && waiting < 0) {
                waiting = i;
            }
            if (s.isTerminal() && s != JobStatus.COMPLETED && unsuccessful < 0) {
                unsuccessful = i;
            }
        }
        return waiting >= 0 ? waiting : unsuccessful >= 0 ? unsuccessful : replicas.size() - 1;
    }

    static JobSummary row(String rowId, List<JobSummary> replicas, int counting) {
        JobSummary first = replicas.get(0);
        JobSummary now = replicas.get(counting);
        String suffix = "_r" + first.replica().index();
        String name = first.name().endsWith(suffix) && first.name().length() > suffix.length()
                ? first.name().substring(0, first.name().length() - suffix.length()) : first.name() + "_replicas";
        Instant submitted = null;
        Instant started = null;
        Instant ended = null;
        boolean allEnded = true;
        Duration walltime = Duration.ZERO;
        for (JobSummary r : replicas) {
            submitted = earliest(submitted, r.submittedAt());
            started = earliest(started, r.startedAt());
            allEnded &= r.status().isTerminal();
            ended = r.completedAt() != null && (ended == null || r.completedAt().isAfter(ended)) ? r.completedAt() : ended;
            walltime = r.walltime().compareTo(walltime) > 0 ? r.walltime() : walltime;
        }
        // no SLURM id of its own: the set is several SLURM jobs, each on its replica's row
        return new JobSummary(rowId, InputRules.checkJobName(name), first.jobTypeId(), first.clusterProfileId(), now.status(),
                null, now.slurmState(), now.slurmReason(), first.createdAt(), submitted, started, allEnded ? ended : null,
                null, walltime, now.errorMessage(), null, null);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    /** "2 running · 1 waiting · 2 completed", in the order of the statuses; "5 of 5 completed" at the end. */
    static String progress(List<JobSummary> replicas) {
        Map<JobStatus, Integer> counts = new EnumMap<>(JobStatus.class);
        replicas.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        int n = replicas.size();
        if (counts.getOrDefault(JobStatus.COMPLETED, 0) == n) {
            return n + " of " + n + " completed";
        }
        StringBuilder out = new StringBuilder();
        counts.forEach((status, count) -> out.append(out.length() == 0 ? "" : " \u00B7 ").append(count).append(' ')
                .append(status.label().toLowerCase(java.util.Locale.ROOT)));
        return out.toString();
    }
}
