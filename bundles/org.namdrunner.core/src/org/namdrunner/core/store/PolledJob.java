package org.namdrunner.core.store;

import java.time.Instant;
import java.util.Objects;

import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.scheduler.JobIdentity;
import org.namdrunner.core.scheduler.JobTag;
import org.namdrunner.core.validation.InputRules;

/**
 * The few stored fields of an active job that a status sync compares with what the scheduler reports: enough to
 * tell that a report changes nothing (the common case), without reading and building the whole {@link Job}. A
 * sync reads the whole job only for the reports that do change it. The same rules as {@link Job} apply: a valid
 * job id, a SLURM id of the form {@code 123} or {@code 123_4}, empty text kept as {@code null}.
 *
 * @param id           the job id
 * @param status       the stored status
 * @param slurmId      the SLURM job id (never null: jobs without one are not polled)
 * @param slurmState   the raw state last reported, or null
 * @param slurmReason  the reason last reported, or null
 * @param submittedAt  the stored submit time, or null
 * @param startedAt    the stored start time, or null
 * @param missingSince since when neither squeue nor sacct knew the job, or null
 * @param name         the job's name (its SLURM job name), checked against what SLURM reports
 * @param scratchDir   the job's scratch folder (its SLURM working directory), or null
 */
public record PolledJob(String id, JobStatus status, String slurmId, String slurmState, String slurmReason,
        Instant submittedAt, Instant startedAt, Instant missingSince, String name, String scratchDir) {

    public PolledJob {
        InputRules.checkJobId(id);
        Objects.requireNonNull(status, "status");
        if (!isSlurmId(slurmId)) {
            throw new InvalidInputException("slurmId", "'" + InputRules.printable(String.valueOf(slurmId)) + "' is not a SLURM job id.");
        }
        Objects.requireNonNull(name, "name");
        scratchDir = emptyToNull(scratchDir);
        slurmState = emptyToNull(slurmState);
        slurmReason = emptyToNull(slurmReason);
    }

    /** The polled fields of a job that has a SLURM id. */
    public static PolledJob of(Job job) {
        return new PolledJob(job.id(), job.status(), job.slurmId().orElse(null), job.slurmState().orElse(null),
                job.slurmReason().orElse(null), job.submittedAt().orElse(null), job.startedAt().orElse(null),
                job.missingSince().orElse(null), job.name(), job.scratchDir().orElse(null));
    }

    /** Whether a start time is stored. */
    public boolean started() {
        return startedAt != null;
    }

    /** What SLURM must show for a report to be about this job, or null without a scratch folder. */
    public JobIdentity identity() {
        return scratchDir == null ? null : new JobIdentity(new JobTag(id), name, scratchDir);
    }

    /** {@code \d{1,12}(_\d{1,9})?} with ASCII digits, the rule of {@link Job}, checked by hand (a sync reads 1,000s). */
    static boolean isSlurmId(String s) {
        if (s == null) {
            return false;
        }
        int digits = digitsFrom(s, 0);
        if (digits < 1 || digits > 12) {
            return false;
        }
        if (digits == s.length()) {
            return true;
        }
        int index = s.charAt(digits) == '_' ? digitsFrom(s, digits + 1) : 0;
        return index >= 1 && index <= 9 && digits + 1 + index == s.length();
    }

    private static int digitsFrom(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
