package org.namdrunner.core.lifecycle;

import org.namdrunner.core.model.ErrorInfo;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;

/** Why a stage of a chain did not end well, in words short enough to follow "stage 2 (equilibration) …". */
final class StageCause {

    /** The error type of a stage that was cancelled (or is never going to run) because a stage before it failed. */
    static final String TYPE = "CHAIN";

    private StageCause() {
    }

    /** "failed: exit 1 (FATAL ERROR: …)", "failed: FATAL ERROR: …", "ran out of walltime", "was cancelled", … */
    static String of(Job stage) {
        String exit = stage.error().map(ErrorInfo::exitCode).filter(e -> !e.isBlank() && !e.equals("0:0")).map(StageCause::exitWords)
                .orElse("");
        // the log's cause (ResultCollector puts e.g. "FATAL ERROR: Atoms moving too fast" on the first line)
        String cause = stage.error().map(e -> e.message().lines().findFirst().orElse("")).filter(l -> l.contains("ERROR"))
                .map(String::strip).orElse("");
        return switch (stage.status()) {
            case FAILED -> "failed" + (exit.isEmpty() && cause.isEmpty() ? "" : ": ") + exit
                    + (cause.isEmpty() ? "" : (exit.isEmpty() ? cause : " (" + cause + ")"));
            case TIMEOUT -> "ran out of walltime";
            case OUT_OF_MEMORY -> "ran out of memory";
            case NODE_FAIL -> "lost its compute node";
            case CANCELLED -> "was cancelled";
            case PREEMPTED -> "was preempted";
            default -> "ended " + stage.status().label();
        };
    }

    /** SLURM's {@code 1:0} as "exit 1", {@code 0:9} as "signal 9". */
    static String exitWords(String code) {
        String[] p = code.split(":", 2);
        if (p.length == 2 && "0".equals(p[0]) && !"0".equals(p[1])) {
            return "signal " + p[1];
        }
        return "exit " + p[0];
    }

    /** The words for a stage that cannot run because {@code failed} (an earlier stage) did not end well. */
    static String cancelledBecause(Job failed) {
        // a stage cancelled for the same reason passes the first cause on: "stage 2 (equilibration) failed", not "stage 3 was cancelled"
        if (failed.status() == JobStatus.CANCELLED && failed.error().map(e -> TYPE.equals(e.type())).orElse(false)) {
            String m = failed.error().get().message();
            return m.startsWith("Cancelled because ") ? m : "Cancelled because " + failed.chain().map(l -> l.describe()).orElse(failed.name())
                    + " was cancelled.";
        }
        return "Cancelled because " + failed.chain().map(l -> l.describe()).orElse(failed.name()) + " " + of(failed)
                + "; this stage never ran.";
    }
}
