package org.namdrunner.core.jobtype;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Job;

/**
 * A kind of job the workbench can prepare, submit and follow (NAMD, or a third party's code). Contributed
 * through the {@code org.namdrunner.core.jobTypes} extension point. Implementations are pure: no I/O, no
 * UI; the workbench uploads and runs what they render.
 */
public interface JobType {

    /** A file the person must provide. */
    record InputFileSpec(String key, String label, List<String> extensions, boolean required) {
        public InputFileSpec {
            extensions = List.copyOf(extensions);
        }
    }

    /** What a job's log says about its progress and, if it failed, why. */
    record LogSummary(long step, long totalSteps, double nsPerDay, String etaText, String failureCause) {

        /** Progress between 0 and 1, or -1 when unknown. */
        public double fraction() {
            return totalSteps > 0 ? Math.min(1.0, (double) step / totalSteps) : -1;
        }

        public static LogSummary empty() {
            return new LogSummary(0, 0, 0, "", "");
        }
    }

    String id();

    String name();

    /** The files the person provides, by key. */
    List<InputFileSpec> inputFiles();

    /**
     * Checks the parameters (and file names by key); throws with a message naming the field and the problem.
     */
    void validate(Map<String, String> parameters) throws InvalidInputException;

    /**
     * Files this type generates for a job, relative path → content (e.g. {@code scripts/config.namd}).
     */
    Map<String, String> renderFiles(Job job, Map<String, String> parameters, ClusterProfile profile);

    /** The commands the batch script runs, after the profile's module lines, in the job's scratch folder. */
    String renderBatchBody(Job job, Map<String, String> parameters, ClusterProfile profile);

    /** The file (relative to the job folder) whose tail tells progress and failure cause. */
    String logFile(Job job);

    /** Reads a log (or its tail). Never throws for odd input. */
    LogSummary parseLog(String logText);

    /**
     * A reader of one job's growing log, fed only the bytes appended since the last look (see {@link LogFollower}).
     * The default keeps the log's head and tail and hands them to {@link #parseLog}; a job type that plots values or
     * whose progress stands in lines far apart overrides it.
     */
    default LogFollower followLog(Job job) {
        return new TextTailFollower(this::parseLog);
    }

    /**
     * Result files in subfolders of the job's working folder, as relative paths (e.g. {@code analysis/rmsd.dat}),
     * that are kept with the job's results in {@code outputs/} at the same relative path. The files at the top of
     * the working folder are always kept; a listed file the job did not write is skipped, a path that breaks the
     * path rules is ignored.
     */
    default List<String> resultFiles(Job job, Map<String, String> parameters) {
        return List.of();
    }

    /**
     * The parameter that holds a person's edited copy of the rendered file {@code file} (the wizard's review page lets
     * them edit it), or null (the default) when that file is not editable. With the parameter set, the type renders
     * exactly that text for the file, after checking it.
     *
     * @since 0.2
     */
    default String editedFileParameter(String file) {
        return null;
    }

    /**
     * How long a job with these parameters runs at a measured speed (ns of simulated time per day, as NAMD's
     * {@code Benchmark time} line reports it), without any margin; empty when the type cannot tell (the default).
     * Pure: no I/O beyond what {@link #renderFiles} needs.
     */
    default Optional<Duration> runTimeAt(Map<String, String> parameters, double nsPerDay) {
        return Optional.empty();
    }

    /**
     * The walltime to ask for a measured {@code runTime}: a fifth more and ten minutes for start-up and the last
     * outputs, rounded up to a quarter hour, at most {@code max} (null: no limit).
     */
    static Duration walltimeWithMargin(Duration runTime, Duration max) {
        long seconds = Math.round(runTime.toSeconds() * 1.2) + 600;
        Duration d = Duration.ofMinutes(15 * ((seconds + 899) / 900));
        return max != null && d.compareTo(max) > 0 ? max : d;
    }
}
