package org.namdrunner.core.jobtype;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Job;

/**
 * A job type whose jobs can be continued after they ran out of walltime: a new job starts from the restart
 * files the old one wrote. Pure like {@link JobType}: the workbench reads the files, copies them on the cluster
 * and creates the new job ({@code JobService.continueJob}).
 */
public interface ContinuableJobType extends JobType {

    /**
     * What the continuation of a job needs.
     *
     * @param parameters   the new job's parameters, added to (and overriding) the old job's
     * @param restartFiles names of files in the old job's {@code outputs/} folder, copied on the cluster into the new
     *                     job's {@code input_files/}
     * @param summary      one line for the person, e.g. "from step 1200, 8800 steps left"
     */
    record Continuation(Map<String, String> parameters, List<String> restartFiles, String summary) {
        public Continuation {
            parameters = Map.copyOf(parameters);
            restartFiles = List.copyOf(restartFiles);
        }
    }

    /** Files the plan needs to read, relative to the old job's project folder (e.g. its log and its config). */
    List<String> continuationReads(Job job, Map<String, String> parameters);

    /**
     * Plans the continuation of a finished job.
     *
     * @param texts       the text of each {@link #continuationReads} file that exists (a missing one is absent)
     * @param outputFiles names of the files in the old job's {@code outputs/} folder
     * @throws InvalidInputException saying why the job cannot be continued (e.g. restart files missing)
     */
    Continuation planContinuation(Job job, Map<String, String> parameters, Map<String, String> texts, Set<String> outputFiles);

    /**
     * One line about a continuation made with these parameters (those of the new job), e.g. "restarts at step 330 of
     * 1020 with 690 steps left"; empty when the type does not say (the default).
     */
    default String continuationSummary(Map<String, String> parameters) {
        return "";
    }
}
