package org.namdrunner.slurm.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.scheduler.SchedulerJobState;
import org.namdrunner.core.scheduler.SchedulerJobState.Origin;

/**
 * Reads {@code sacct -X --parsable2 --noheader --format=JobID,State,ExitCode,Start,End,Elapsed,Reason}.
 * Step rows ({@code 123.batch}) are ignored, so output without {@code -X} reads the same. Times are local
 * times of the cluster, read in {@code zone}. Never throws.
 */
public final class SacctParser {

    public static final String FORMAT = "JobID,State,ExitCode,Start,End,Elapsed,Reason";
    private static final int FIELDS = 7;
    private static final String COMMAND = "sacct";

    private final ZoneId zone;

    public SacctParser(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public ParsedRows parse(String stdout) {
        List<SchedulerJobState> states = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int rejected = 0;
        int steps = 0;
        String[] lines = OutputRow.linesOf(stdout);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String firstField = lines[i].split("\\|", 2)[0].strip();
            if (SlurmJobIds.isStepId(firstField)) {
                steps++;
                continue;
            }
            OutputRow row = new OutputRow(COMMAND, i + 1, lines[i], problems);
            SchedulerJobState state = read(row);
            if (state == null) {
                rejected++;
            } else {
                states.add(state);
            }
        }
        return new ParsedRows(states, problems, rejected, steps);
    }

    private SchedulerJobState read(OutputRow row) {
        String[] f = row.text().split("\\|", -1);
        if (f.length < FIELDS) {
            row.reject("expected " + FIELDS + " fields separated by '|', found " + f.length);
            return null;
        }
        String id = f[0].strip();
        if (!SlurmJobIds.isJobId(id)) {
            row.reject("'" + SlurmValues.shortened(id) + "' is not a SLURM job id");
            return null;
        }
        JobStatus status = row.statusOrReject(id, f[1]);
        if (status == null) {
            return null;
        }
        String reason = SlurmValues.text(String.join("|", Arrays.copyOfRange(f, 6, f.length)));
        return new SchedulerJobState(id, status, f[1].strip(), reason, row.exitCode(f[2]),
                row.instant("start time", f[3], zone), row.instant("end time", f[4], zone),
                row.duration("elapsed time", f[5]), null, null, null, null, null, Origin.ACCOUNTING);
    }
}
