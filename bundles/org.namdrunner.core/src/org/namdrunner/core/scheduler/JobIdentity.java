package org.namdrunner.core.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.namdrunner.core.model.Job;
import org.namdrunner.core.validation.InputRules;

/**
 * What a SLURM job must show to be taken for one of ours: the tag in its comment, the job name and the working
 * directory NAMDRunner gave it. A SLURM id alone is not enough: after a controller's state is lost ids start again,
 * and the id a job had may then name someone else's job. A report changes a job only when {@link #mismatches} is
 * empty.
 *
 * @param tag     the comment the submission carried
 * @param jobName the SLURM job name (the batch script's {@code --job-name})
 * @param workDir where sbatch ran: the job's scratch folder
 */
public record JobIdentity(JobTag tag, String jobName, String workDir) {

    public JobIdentity {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(jobName, "jobName");
        Objects.requireNonNull(workDir, "workDir");
    }

    /** The identity of a stored job, or null when it has no scratch folder (then nothing can be checked). */
    public static JobIdentity of(Job job) {
        return job.scratchDir().map(dir -> new JobIdentity(new JobTag(job.id()), job.name(), dir)).orElse(null);
    }

    /**
     * What in the report does not fit, in words; empty when it is our job. A field the command did not report (null)
     * is not held against it: sacct has no comment on a cluster without {@code job_comment}, and jobs submitted by
     * older versions carry no tag. The working directory counts when it is the same folder or a folder of the same
     * name (the job id) in another place: SLURM records the physical path, which differs where a root is a symlink.
     */
    public List<String> mismatches(SchedulerJobState reported) {
        List<String> out = new ArrayList<>();
        if (reported.comment() != null && !reported.comment().strip().equals(tag.text())) {
            out.add("its comment is '" + shortened(reported.comment()) + "', not '" + tag.text() + "'");
        }
        if (reported.jobName() != null && !reported.jobName().strip().equals(jobName)) {
            out.add("its name is '" + shortened(reported.jobName()) + "', not '" + jobName + "'");
        }
        if (reported.workDir() != null && !sameFolder(reported.workDir().strip(), workDir)) {
            out.add("it runs in " + shortened(reported.workDir()) + ", not in " + workDir);
        }
        return out;
    }

    private static boolean sameFolder(String reported, String ours) {
        String a = trimSlash(reported);
        String b = trimSlash(ours);
        return a.equals(b) || a.endsWith("/" + lastElement(b)) && lastElement(b).equals(lastElement(a));
    }

    private static String lastElement(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String trimSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String shortened(String s) {
        String t = InputRules.printable(s.strip());
        return t.length() > 120 ? t.substring(0, 120) + "…" : t;
    }
}
