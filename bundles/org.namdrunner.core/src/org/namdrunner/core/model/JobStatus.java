package org.namdrunner.core.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a job stands in its life. The legal moves between states are one table, {@link #canMoveTo}.
 * Terminal states never change again; {@link #UNKNOWN} (a job nobody could find for a while) may become
 * anything once evidence arrives.
 */
public enum JobStatus {
    /** Stored locally and staged on the cluster, not yet handed to the scheduler. */
    CREATED("Created"),
    /** sbatch is under way. */
    SUBMITTING("Submitting"),
    PENDING("Pending"),
    RUNNING("Running"),
    SUSPENDED("Suspended"),
    COMPLETED("Completed"),
    FAILED("Failed"),
    CANCELLED("Cancelled"),
    TIMEOUT("Timed out"),
    OUT_OF_MEMORY("Out of memory"),
    NODE_FAIL("Node failure"),
    PREEMPTED("Preempted"),
    BOOT_FAIL("Boot failure"),
    DEADLINE("Deadline reached"),
    /** The cluster has not reported the job for longer than the grace period; it is still checked. */
    UNKNOWN("Unknown");

    private static final Set<JobStatus> TERMINAL = Collections.unmodifiableSet(EnumSet.of(COMPLETED, FAILED,
            CANCELLED, TIMEOUT, OUT_OF_MEMORY, NODE_FAIL, PREEMPTED, BOOT_FAIL, DEADLINE));

    private static final Map<JobStatus, Set<JobStatus>> TRANSITIONS = new EnumMap<>(JobStatus.class);

    static {
        Set<JobStatus> scheduled = EnumSet.of(PENDING, RUNNING, SUSPENDED, UNKNOWN);
        scheduled.addAll(TERMINAL);

        TRANSITIONS.put(CREATED, EnumSet.of(SUBMITTING, PENDING));
        // a rejected sbatch rolls back to CREATED; anything else is what the scheduler reported first
        Set<JobStatus> fromSubmitting = EnumSet.copyOf(scheduled);
        fromSubmitting.add(CREATED);
        TRANSITIONS.put(SUBMITTING, fromSubmitting);
        TRANSITIONS.put(PENDING, without(scheduled, PENDING));
        // RUNNING -> PENDING happens for real when SLURM requeues a job (preemption, node failure)
        TRANSITIONS.put(RUNNING, without(scheduled, RUNNING));
        TRANSITIONS.put(SUSPENDED, without(scheduled, SUSPENDED));
        TRANSITIONS.put(UNKNOWN, without(EnumSet.allOf(JobStatus.class), UNKNOWN));
        for (JobStatus t : TERMINAL) {
            TRANSITIONS.put(t, EnumSet.noneOf(JobStatus.class));
        }
    }

    private static Set<JobStatus> without(Set<JobStatus> set, JobStatus removed) {
        EnumSet<JobStatus> copy = EnumSet.copyOf(set);
        copy.remove(removed);
        return copy;
    }

    private final String label;

    JobStatus(String label) {
        this.label = label;
    }

    /** A short human label, e.g. "Out of memory". */
    public String label() {
        return label;
    }

    /** True when the job has finished for good (successfully or not). */
    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }

    /** True for a terminal state that is not a success. */
    public boolean isFailure() {
        return isTerminal() && this != COMPLETED;
    }

    /** True when the scheduler may still change this job: it has been handed over and is not finished. */
    public boolean isActive() {
        return this == PENDING || this == RUNNING || this == SUSPENDED || this == UNKNOWN || this == SUBMITTING;
    }

    /** Whether a job in this state may move to {@code next}. Staying in the same state is not a move. */
    public boolean canMoveTo(JobStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    /** The states this one may move to, for documentation and tests. */
    public Set<JobStatus> successors() {
        return Collections.unmodifiableSet(TRANSITIONS.get(this));
    }

    /** Every terminal state. */
    public static Set<JobStatus> terminalStates() {
        return TERMINAL;
    }
}
