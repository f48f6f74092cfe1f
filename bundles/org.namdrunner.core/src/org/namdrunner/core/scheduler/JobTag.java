package org.namdrunner.core.scheduler;

import java.util.Optional;

import org.namdrunner.core.validation.InputRules;

/**
 * NAMDRunner's mark on a submission: {@code namdrunner:<job id>}, handed to SLURM as the job's comment
 * ({@code sbatch --comment}), shown by squeue ({@code %k}) and by sacct ({@code Comment}, where the cluster stores
 * comments: {@code AccountingStoreFlags=job_comment}). It ties a SLURM job to the job it was submitted for.
 *
 * @param jobId NAMDRunner's job id (letters, digits, '_' and '-')
 */
public record JobTag(String jobId) {

    public static final String PREFIX = "namdrunner:";

    public JobTag {
        InputRules.checkJobId(jobId);
    }

    /** The comment text SLURM keeps. */
    public String text() {
        return PREFIX + jobId;
    }

    /** The tag in a comment SLURM reported, or empty when the comment is not one of ours. */
    public static Optional<JobTag> parse(String comment) {
        if (comment == null || !comment.strip().startsWith(PREFIX)) {
            return Optional.empty();
        }
        String id = comment.strip().substring(PREFIX.length());
        return InputRules.isJobId(id) ? Optional.of(new JobTag(id)) : Optional.empty();
    }

    @Override
    public String toString() {
        return text();
    }
}
