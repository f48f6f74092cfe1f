package org.namdrunner.core.model;

/** Who caused a status change. */
public enum StatusSource {
    /** Reported by the scheduler (squeue or sacct). */
    SLURM("slurm"),
    /** A person's action: submit, cancel. */
    USER("user"),
    /** Decided by the workbench itself, e.g. a job that went missing for too long becomes UNKNOWN. */
    LOCAL("local");

    private final String key;

    StatusSource(String key) {
        this.key = key;
    }

    /** The word stored in the database. */
    public String key() {
        return key;
    }

    public static StatusSource fromKey(String key) {
        for (StatusSource s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown status source '" + key + "'");
    }
}
