package org.namdrunner.slurm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.namdrunner.core.model.JobStatus;

/**
 * Every job state SLURM prints, by long name (squeue {@code %T}, sacct {@code State}) and compact code
 * (squeue {@code %t}), with the {@link JobStatus} it means for a researcher. A state whose outcome is not
 * known yet (COMPLETING, STAGE_OUT, REQUEUED, ...) never maps to a terminal status. docs/slurm.md gives
 * the reason for every row.
 */
public enum SlurmState {
    PENDING("PD", JobStatus.PENDING),
    /** Nodes allocated but still booting: the program has not started. */
    CONFIGURING("CF", JobStatus.PENDING),
    RUNNING("R", JobStatus.RUNNING),
    /** The program ended but SLURM is still cleaning up; the outcome is not known yet. */
    COMPLETING("CG", JobStatus.RUNNING),
    COMPLETED("CD", JobStatus.COMPLETED),
    FAILED("F", JobStatus.FAILED),
    CANCELLED("CA", JobStatus.CANCELLED),
    TIMEOUT("TO", JobStatus.TIMEOUT),
    NODE_FAIL("NF", JobStatus.NODE_FAIL),
    PREEMPTED("PR", JobStatus.PREEMPTED),
    OUT_OF_MEMORY("OOM", JobStatus.OUT_OF_MEMORY),
    BOOT_FAIL("BF", JobStatus.BOOT_FAIL),
    DEADLINE("DL", JobStatus.DEADLINE),
    /** Put back into the queue; it will run again. */
    REQUEUED("RQ", JobStatus.PENDING),
    /** Requeued and held until someone releases it. */
    REQUEUE_HOLD("RH", JobStatus.PENDING),
    /** Requeued by a federation; it will run again. */
    REQUEUE_FED("RF", JobStatus.PENDING),
    /** A running job changing its size. */
    RESIZING("RS", JobStatus.RUNNING),
    /** Held because its reservation was deleted; waits for a release. */
    RESV_DEL_HOLD("RD", JobStatus.PENDING),
    /** A federation sibling removed because another cluster runs the job: its outcome is not visible here. */
    REVOKED("RV", JobStatus.UNKNOWN),
    SUSPENDED("S", JobStatus.SUSPENDED),
    /** Stopped with SIGSTOP, keeping its CPUs: paused like a suspended job. */
    STOPPED("ST", JobStatus.SUSPENDED),
    /** Requeued in a held special state (set by the site's epilog): it can be released and run again. */
    SPECIAL_EXIT("SE", JobStatus.PENDING),
    /** A signal is being delivered; the job still runs. */
    SIGNALING("SI", JobStatus.RUNNING),
    /** The program ended and files are being staged out; the outcome is not known yet. */
    STAGE_OUT("SO", JobStatus.RUNNING);

    /** A truncated name ({@code OUT_OF_ME+}) is only resolved when at least this much of it is left. */
    private static final int MIN_TRUNCATED_PREFIX = 5;
    /** Long name or code, optionally {@code by <uid>} (sacct on CANCELLED), optionally a truncation mark. */
    private static final Pattern RAW = Pattern.compile("([A-Z][A-Z0-9_]{0,39})(?: by \\d{1,10})?(\\+)?");
    private static final Map<String, SlurmState> BY_NAME = new HashMap<>();

    static {
        for (SlurmState s : values()) {
            BY_NAME.put(s.name(), s);
            BY_NAME.put(s.code, s);
        }
    }

    private final String code;
    private final JobStatus status;

    SlurmState(String code, JobStatus status) {
        this.code = code;
        this.status = status;
    }

    /** The compact code squeue prints with {@code %t}, e.g. {@code PD}. */
    public String code() {
        return code;
    }

    /** What this state means for the job in the workbench. */
    public JobStatus status() {
        return status;
    }

    /**
     * Reads a state as SLURM prints it: a long name or a compact code, with an optional {@code by <uid>}
     * suffix ({@code CANCELLED by 1001}) and an optional {@code +} that marks a truncated field
     * ({@code CANCELLED+}, {@code OUT_OF_ME+}). Empty when the text is not a state this enum knows.
     */
    public static Optional<SlurmState> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        Matcher m = RAW.matcher(raw.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String name = m.group(1);
        SlurmState exact = BY_NAME.get(name);
        if (exact != null || m.group(2) == null) {
            return Optional.ofNullable(exact);
        }
        return uniqueLongNameStartingWith(name);
    }

    /**
     * True when the text has the shape of a SLURM state (an upper-case word, optionally {@code by <uid>} and
     * {@code +}), whether this enum knows it or not: a newer SLURM may add states.
     */
    public static boolean hasStateShape(String raw) {
        return raw != null && RAW.matcher(raw.strip()).matches();
    }

    /** The status for a raw state; {@link JobStatus#UNKNOWN} when the state is not recognised. Never throws. */
    public static JobStatus statusOf(String raw) {
        return parse(raw).map(SlurmState::status).orElse(JobStatus.UNKNOWN);
    }

    private static Optional<SlurmState> uniqueLongNameStartingWith(String prefix) {
        if (prefix.length() < MIN_TRUNCATED_PREFIX) {
            return Optional.empty();
        }
        List<SlurmState> candidates = new ArrayList<>();
        for (SlurmState s : values()) {
            if (s.name().startsWith(prefix)) {
                candidates.add(s);
            }
        }
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }
}
