package org.namdrunner.core.scheduler;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.namdrunner.core.model.JobUsage;

/**
 * The answer to one batched status query.
 *
 * @param states   what the scheduler reported, by SLURM id (only ids that were asked for)
 * @param missing  ids neither squeue nor sacct knew: their status must be kept, never guessed
 * @param problems rows or messages that could not be understood, in words for the log; never fatal
 * @param commands how many remote commands the query issued (at most two)
 * @param usage    for finished jobs, what they used of what they asked for (from the same sacct), by SLURM id
 */
public record QueryResult(Map<String, SchedulerJobState> states, Set<String> missing, List<String> problems, int commands,
        Map<String, JobUsage> usage) {

    /** A result without usage figures (a scheduler that does not report them). */
    public QueryResult(Map<String, SchedulerJobState> states, Set<String> missing, List<String> problems, int commands) {
        this(states, missing, problems, commands, Map.of());
    }

    public QueryResult {
        usage = Map.copyOf(usage == null ? Map.of() : usage);
        states = Map.copyOf(states);
        missing = Set.copyOf(missing);
        problems = List.copyOf(problems);
    }
}
