package org.namdrunner.slurm.internal;

import java.util.List;

import org.namdrunner.core.scheduler.SchedulerJobState;

/**
 * What a parser read from one command's output. Every non-blank line is exactly one of: a state, a
 * rejected row (with a problem saying why), or an ignored sacct step row. Problems also note rows that were
 * kept with a value missing, and states NAMDRunner does not know.
 *
 * @param states       one per accepted row, in output order
 * @param problems     what could not be understood, in words for the log
 * @param rejectedRows rows that were not used
 * @param stepRows     sacct step rows ({@code 123.batch}), ignored on purpose
 */
public record ParsedRows(List<SchedulerJobState> states, List<String> problems, int rejectedRows, int stepRows) {

    public ParsedRows {
        states = List.copyOf(states);
        problems = List.copyOf(problems);
    }
}
