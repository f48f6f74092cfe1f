package org.namdrunner.slurm.internal;

import java.util.ArrayList;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.scheduler.SchedulerJobState;
import org.namdrunner.core.scheduler.SchedulerJobState.Origin;

/**
 * Reads {@code squeue --noheader --format='%i|%T|%V|%S|%e|%M|%L|%D|%C|%N|%j|%k|%Z|%r'}: id, state, submit time, start
 * time, end time, elapsed, time left, nodes, CPUs, node list, job name, comment, working directory, reason. The
 * reason is free text (it may hold spaces, commas and in theory '|'), so it comes last and takes the rest of the row.
 * A pending job's {@code %S} is when SLURM expects it to start, and a live job's {@code %e} when its walltime would
 * end: neither is a fact yet, so they are read as null. Never throws.
 */
public final class SqueueParser {

    public static final String FORMAT = "%i|%T|%V|%S|%e|%M|%L|%D|%C|%N|%j|%k|%Z|%r";
    private static final int FIELDS = 14;
    private static final String COMMAND = "squeue";

    private SqueueParser() {
    }

    public static ParsedRows parse(String stdout, ZoneId zone) {
        List<SchedulerJobState> states = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int rejected = 0;
        String[] lines = OutputRow.linesOf(stdout);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            OutputRow row = new OutputRow(COMMAND, i + 1, lines[i], problems);
            SchedulerJobState state = read(row, zone);
            if (state == null) {
                rejected++;
            } else {
                states.add(state);
            }
        }
        return new ParsedRows(states, problems, rejected, 0);
    }

    private static SchedulerJobState read(OutputRow row, ZoneId zone) {
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
        Instant start = row.instant("start time", f[3], zone);
        Instant end = row.instant("end time", f[4], zone);
        return new SchedulerJobState(id, status, f[1].strip(), SlurmValues.text(f[13]), null,
                row.instant("submit time", f[2], zone), status == JobStatus.PENDING ? null : start,
                status.isTerminal() ? end : null,
                row.duration("elapsed time", f[5]), row.duration("time left", f[6]),
                row.count("node count", f[7]), row.count("CPU count", f[8]), SlurmValues.text(f[9]),
                SlurmValues.text(f[12]), SlurmValues.text(f[10]), SlurmValues.text(f[11]), Origin.QUEUE);
    }
}
