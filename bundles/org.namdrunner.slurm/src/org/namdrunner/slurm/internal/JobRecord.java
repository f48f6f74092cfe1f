package org.namdrunner.slurm.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.scheduler.SchedulerJobState;
import org.namdrunner.core.scheduler.SchedulerJobState.Origin;

/**
 * The job's own record of how it ended, for clusters where SLURM cannot say any more (no accounting, slurmdbd down,
 * the controller has forgotten the job): the batch script writes {@value #FILE} in its working directory when it
 * exits, however it exits short of SIGKILL, with SLURM's job id, its exit status, the signal it trapped (15 for
 * scancel, walltime and preemption, which all send SIGTERM first) and its start and end in epoch seconds. The sync reads
 * these files for the jobs squeue no longer lists, inside the sacct command (no third command per poll).
 */
public final class JobRecord {

    public static final String FILE = ".namdrunner_exit";

    /** The script lines: the start time, and the function the EXIT trap calls first (it sees the script's exit status). */
    static final String SCRIPT = "# NAMDRunner: the job records how it ended, for clusters whose accounting cannot tell\n"
            + "namdrunner_start=$(date +%s)\n"
            + "namdrunner_signal=0\n"
            + "namdrunner_record_exit() {\n"
            + "    namdrunner_rc=$?\n"
            + "    printf 'slurm_job_id=%s exit=%s signal=%s start=%s end=%s\\n' \"${SLURM_JOB_ID:-}\" \"$namdrunner_rc\" "
            + "\"$namdrunner_signal\" \"$namdrunner_start\" \"$(date +%s)\" > " + FILE + "\n"
            + "    return $namdrunner_rc\n"
            + "}\n";

    private static final Pattern LINE = Pattern.compile(
            "slurm_job_id=(\\d{1,12}) exit=(\\d{1,3}) signal=(\\d{1,3}) start=(\\d{1,12}) end=(\\d{1,12})");

    private JobRecord() {
    }

    /**
     * What a record line says about {@code slurmId}, or empty when the line is not a record of that job (another run in
     * the same folder, a damaged file).
     */
    public static Optional<SchedulerJobState> read(String slurmId, String line, Map<String, String> workDirs) {
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches() || !m.group(1).equals(slurmId)) {
            return Optional.empty();
        }
        int exit = Integer.parseInt(m.group(2));
        int signal = Integer.parseInt(m.group(3));
        Instant start = Instant.ofEpochSecond(Long.parseLong(m.group(4)));
        Instant end = Instant.ofEpochSecond(Long.parseLong(m.group(5)));
        JobStatus status;
        String reason;
        if (signal != 0) {
            status = JobStatus.CANCELLED;
            reason = "the job script was stopped by signal " + signal
                    + " (scancel, its walltime or preemption send SIGTERM; without accounting SLURM cannot say which)";
        } else if (exit == 0) {
            status = JobStatus.COMPLETED;
            reason = "the job script exited 0";
        } else {
            status = JobStatus.FAILED;
            reason = "the job script exited " + exit;
        }
        String raw = status.name() + " (job record)";
        return Optional.of(new SchedulerJobState(slurmId, status, raw, reason, exit + ":" + signal, null, start, end,
                end.isBefore(start) ? null : Duration.between(start, end), null, null, null, null, workDirs.get(slurmId), null,
                null, Origin.JOB_RECORD));
    }
}
