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
 * @param speed   the speed measured in its log, if known (evidence for walltime advice)
 */
public record JobSnapshot(Job job, List<StatusChange> history, Optional<ClusterProfile> profile, Optional<JobType> type,
        Optional<MeasuredSpeed> speed) {

    public JobSnapshot {
        history = List.copyOf(history);
        speed = speed == null ? Optional.empty() : speed;
    }

    public JobSnapshot(Job job, List<StatusChange> history, Optional<ClusterProfile> profile, Optional<JobType> type) {
        this(job, history, profile, type, Optional.empty());
    }

    public String clusterName() {
        return profile.map(ClusterProfile::name).orElse(job.clusterProfileId());
    }

    public String typeName() {
        return type.map(JobType::name).orElse(job.jobTypeId());
    }
}
