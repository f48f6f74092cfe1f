package org.namdrunner.ui.internal.views;

import java.util.Locale;
import java.util.function.Predicate;

import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.store.JobSummary;

/**
 * What the filter bar asks for: a group of statuses, a cluster, and words to search for in the name, SLURM
 * id, type, cluster and status.
 *
 * @param group     which statuses
 * @param clusterId only this cluster, or null for all
 * @param text      search text, may be empty
 */
public record JobQuery(StatusGroup group, String clusterId, String text) {

    /** The status choices of the filter bar. */
    public enum StatusGroup {
        ALL("All statuses", s -> true),
        ACTIVE("Waiting or running", JobStatus::isActive),
        NOT_SUBMITTED("Not submitted", s -> s == JobStatus.CREATED),
        COMPLETED("Completed", s -> s == JobStatus.COMPLETED),
        PROBLEMS("Failed or cancelled", s -> s.isFailure() || s == JobStatus.UNKNOWN);

        private final String label;
        private final Predicate<JobStatus> test;

        StatusGroup(String label, Predicate<JobStatus> test) {
            this.label = label;
            this.test = test;
        }

        public String label() {
            return label;
        }

        boolean contains(JobStatus s) {
            return test.test(s);
        }
    }

    public JobQuery {
        text = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }

    private String[] words() {
        return text.isEmpty() ? new String[0] : text.split("\\s+");
    }

    public static JobQuery all() {
        return new JobQuery(StatusGroup.ALL, null, "");
    }

    public boolean isAll() {
        return group == StatusGroup.ALL && clusterId == null && text.isEmpty();
    }

    /** A test for many jobs: the search words are split once. */
    java.util.function.BiPredicate<JobSummary, RowContext> matcher() {
        String[] words = words();
        return (job, ctx) -> matches(job, words, ctx);
    }

    private boolean matches(JobSummary job, String[] words, RowContext ctx) {
        if (!group.contains(job.status()) || (clusterId != null && !clusterId.equals(job.clusterProfileId()))) {
            return false;
        }
        for (String word : words) {
            if (!contains(job.name(), word) && !contains(job.slurmId() == null ? "" : job.slurmId(), word) && !contains(ctx.typeName(job.jobTypeId()), word)
                    && !contains(ctx.clusterName(job.clusterProfileId()), word) && !contains(job.status().label(), word)) {
                return false;
            }
        }
        return true;
    }

    /** Case-insensitive without copying the haystack. */
    private static boolean contains(String haystack, String word) {
        int max = haystack.length() - word.length();
        for (int i = 0; i <= max; i++) {
            if (haystack.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }
}
