package org.namdrunner.core.scheduler;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The answer to one batched status query.
 *
 * @param states   what the scheduler reported, by SLURM id (only ids that were asked for)
 * @param missing  ids neither squeue nor sacct knew: their status must be kept, never guessed
 * @param problems rows or messages that could not be understood, in words for the log; never fatal
 * @param commands how many remote commands the query issued (at most two)
 */
public record QueryResult(Map<String, SchedulerJobState> states, Set<String> missing, List<String> problems, int commands) {

    public QueryResult {
        states = Map.copyOf(states);
        missing = Set.copyOf(missing);
        problems = List.copyOf(problems);
    }
}
