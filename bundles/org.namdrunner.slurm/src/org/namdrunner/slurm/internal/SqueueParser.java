package org.namdrunner.slurm.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.scheduler.SchedulerJobState;
import org.namdrunner.core.scheduler.SchedulerJobState.Origin;

/**
 * Reads {@code squeue --noheader --format='%i|%T|%r|%M|%L|%D|%C|%N|%Z'}: id, state, reason, elapsed, time
 * left, nodes, CPUs, node list, working directory. The reason is free text (it may hold spaces, commas and in
 * theory '|'), so the fields are taken two from the left and six from the right. Never throws.
 */
public final class SqueueParser {

    public static final String FORMAT = "%i|%T|%r|%M|%L|%D|%C|%N|%Z";
    private static final int FIELDS = 9;
    private static final String COMMAND = "squeue";

    private SqueueParser() {
    }

    public static ParsedRows parse(String stdout) {
        List<SchedulerJobState> states = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int rejected = 0;
        String[] lines = OutputRow.linesOf(stdout);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
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
        return new ParsedRows(states, problems, rejected, 0);
    }

    private static SchedulerJobState read(OutputRow row) {
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
        int n = f.length;
        String reason = SlurmValues.text(n == FIELDS ? f[2] : String.join("|", Arrays.copyOfRange(f, 2, n - 6)));
        return new SchedulerJobState(id, status, f[1].strip(), reason, null, null, null,
                row.duration("elapsed time", f[n - 6]), row.duration("time left", f[n - 5]),
                row.count("node count", f[n - 4]), row.count("CPU count", f[n - 3]),
                SlurmValues.text(f[n - 2]), SlurmValues.text(f[n - 1]), Origin.QUEUE);
    }
}
