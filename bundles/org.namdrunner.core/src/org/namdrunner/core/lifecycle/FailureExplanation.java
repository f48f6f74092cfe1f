package org.namdrunner.core.lifecycle;

import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.scheduler.SchedulerJobState;

/** The cause of a failed job in plain words, with what to do next. */
public final class FailureExplanation {

    private FailureExplanation() {
    }

    public static String of(JobStatus status, SchedulerJobState reported) {
        String exit = reported.exitCode() == null || reported.exitCode().isBlank() ? "" : " (exit code " + reported.exitCode() + ")";
        return switch (status) {
            case TIMEOUT -> "The job reached its walltime limit and was stopped. Ask for more walltime, "
                    + "or continue from the last restart files.";
            case OUT_OF_MEMORY -> "The job ran out of memory and was stopped. Ask for more memory or more nodes.";
            case NODE_FAIL -> "A compute node failed while the job ran. Nothing in the job is wrong: resubmit it.";
            case PREEMPTED -> "The job was preempted by a higher-priority job. Resubmit it, or use a QoS that is not preemptible.";
            case BOOT_FAIL -> "The compute node could not be booted for the job. Resubmit it.";
            case DEADLINE -> "The job could not finish before its deadline.";
            case CANCELLED -> "The job was cancelled" + (reported.rawState().contains(" by ") ? " (" + reported.rawState().toLowerCase().replace("cancelled ", "") + ")" : "") + ".";
            case FAILED -> "The job's program ended with an error" + exit + ". Look at the log for the cause.";
            default -> "The job ended as " + reported.rawState() + exit + ".";
        };
    }
}
