package org.namdrunner.slurm.internal;

import java.util.List;
import java.util.Map;

import org.namdrunner.core.model.JobUsage;

import org.namdrunner.core.scheduler.SchedulerJobState;

/**
 * What a parser read from one command's output. Every non-blank line is exactly one of: a state, a
 * rejected row (with a problem saying why), or an ignored sacct step row. Problems also note rows that were
 * kept with a value missing, and states NAMDRunner does not know.
 *
 * @param states       one per accepted row, in output order
 * @param problems     what could not be understood, in words for the log
 * @param rejectedRows rows that were not used
 * @param stepRows     sacct step rows ({@code 123.batch}): not states, read only for their MaxRSS
 * @param usage        sacct only: what each finished job used, by SLURM id
 */
public record ParsedRows(List<SchedulerJobState> states, List<String> problems, int rejectedRows, int stepRows,
        Map<String, JobUsage> usage) {

    public ParsedRows(List<SchedulerJobState> states, List<String> problems, int rejectedRows, int stepRows) {
        this(states, problems, rejectedRows, stepRows, Map.of());
    }

    public ParsedRows {
        usage = Map.copyOf(usage);
        states = List.copyOf(states);
        problems = List.copyOf(problems);
    }
}
