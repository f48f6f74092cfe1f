package org.namdrunner.core.jobtype;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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
     * @param restartFiles names the restart files get in the new job's {@code input_files/}; each is copied on the
     *                     cluster from the file of that name in the old job's {@code outputs/} folder, unless
     *                     {@code sources} names another
     * @param summary      one line for the person, e.g. "from step 1200, 8800 steps left"
     * @param sources      for a restart file copied from a file of another name (say, the {@code .old} copy a program
     *                     kept of an earlier, complete set), that file's name in {@code outputs/}
     */
    record Continuation(Map<String, String> parameters, List<String> restartFiles, String summary, Map<String, String> sources) {
        public Continuation {
            parameters = Map.copyOf(parameters);
            restartFiles = List.copyOf(restartFiles);
            sources = Map.copyOf(sources);
            if (!restartFiles.containsAll(sources.keySet())) {
                throw new IllegalArgumentException("sources name files that are not restart files: " + sources.keySet());
            }
        }

        /** Restart files copied under their own names. */
        public Continuation(Map<String, String> parameters, List<String> restartFiles, String summary) {
            this(parameters, restartFiles, summary, Map.of());
        }

        /** The file in the old job's {@code outputs/} that the restart file {@code name} is copied from. */
        public String sourceOf(String name) {
            return sources.getOrDefault(name, name);
        }
    }

    /** Files the plan needs to read, relative to the old job's project folder (e.g. its log and its config). */
    List<String> continuationReads(Job job, Map<String, String> parameters);

    /**
     * Plans the continuation of a finished job.
     *
     * @param texts       the text of each {@link #continuationReads} file that exists (a missing one is absent)
     * @param outputFiles the files in the old job's {@code outputs/} folder, each with its last modification time on
     *                    the cluster (which of two copies was written last can tell a complete set from a cut one)
     * @throws InvalidInputException saying why the job cannot be continued (e.g. restart files missing)
     */
    Continuation planContinuation(Job job, Map<String, String> parameters, Map<String, String> texts, Map<String, Instant> outputFiles);

    /**
     * One line about a continuation made with these parameters (those of the new job), e.g. "restarts at step 330 of
     * 1020 with 690 steps left"; empty when the type does not say (the default).
     */
    default String continuationSummary(Map<String, String> parameters) {
        return "";
    }
}
