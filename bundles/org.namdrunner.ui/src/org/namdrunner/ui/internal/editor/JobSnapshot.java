package org.namdrunner.ui.internal.editor;

import java.util.List;
import java.util.Optional;

import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.jobtype.JobType;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.StatusChange;

/**
 * One job as the editor shows it, read in the background in one go.
 *
 * @param job     the stored job
 * @param history its status history, oldest first
 * @param profile its cluster profile, if it still exists
 * @param type    its job type, if installed
 */
public record JobSnapshot(Job job, List<StatusChange> history, Optional<ClusterProfile> profile, Optional<JobType> type) {

    public JobSnapshot {
        history = List.copyOf(history);
    }

    public String clusterName() {
        return profile.map(ClusterProfile::name).orElse(job.clusterProfileId());
    }

    public String typeName() {
        return type.map(JobType::name).orElse(job.jobTypeId());
    }
}
