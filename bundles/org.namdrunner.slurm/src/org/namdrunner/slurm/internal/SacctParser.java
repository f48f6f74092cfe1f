package org.namdrunner.slurm.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.scheduler.SchedulerJobState;
import org.namdrunner.core.scheduler.SchedulerJobState.Origin;

/**
 * Reads {@code sacct -X --parsable2 --noheader
 * --format=JobID,State,ExitCode,Submit,Start,End,Elapsed,JobName,Comment,WorkDir,Reason}. Step rows
 * ({@code 123.batch}) are ignored, so output without {@code -X} reads the same. Times are epoch seconds
 * ({@code SLURM_TIME_FORMAT=%s}) or local times of the cluster, read in {@code zone}. The reason comes last and
 * takes the rest of the row. Comment is empty where the cluster does not store comments. Never throws.
 */
public final class SacctParser {

    public static final String FORMAT = "JobID,State,ExitCode,Submit,Start,End,Elapsed,JobName,Comment,WorkDir,Reason";
    private static final int FIELDS = 11;
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
        String[] f = row.text().split("\\|", FIELDS);
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
        return new SchedulerJobState(id, status, f[1].strip(), SlurmValues.text(f[10]), row.exitCode(f[2]),
                row.instant("submit time", f[3], zone), row.instant("start time", f[4], zone), row.instant("end time", f[5], zone),
                row.duration("elapsed time", f[6]), null, null, null, null,
                SlurmValues.text(f[9]), SlurmValues.text(f[7]), SlurmValues.text(f[8]), Origin.ACCOUNTING);
    }
}
