package org.namdrunner.core.store;

import java.util.EnumSet;
import java.util.Set;

import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;

/**
 * Which jobs to list.
 *
 * @param statuses         only these statuses; empty means all
 * @param clusterProfileId only this cluster; {@code null} means all
 */
public record JobFilter(Set<JobStatus> statuses, String clusterProfileId) {

    public JobFilter {
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
    }

    public static JobFilter all() {
        return new JobFilter(Set.of(), null);
    }

    public static JobFilter withStatus(Set<JobStatus> statuses) {
        return new JobFilter(statuses, null);
    }

    public JobFilter onCluster(String profileId) {
        return new JobFilter(statuses, profileId);
    }

    public boolean matches(Job job) {
        return (statuses.isEmpty() || statuses.contains(job.status()))
                && (clusterProfileId == null || clusterProfileId.equals(job.clusterProfileId()));
    }
}
