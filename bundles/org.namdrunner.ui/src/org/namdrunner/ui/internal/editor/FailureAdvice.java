package org.namdrunner.ui.internal.editor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.MemorySize;
import org.namdrunner.core.model.Resources;
import org.namdrunner.ui.internal.views.JobTimes;
import org.namdrunner.ui.internal.wizards.Walltime;

/** What a person can do about a job that did not complete, with the resources a retry should ask for. */
public final class FailureAdvice {

    /**
     * @param advice  one sentence: what to change
     * @param action  the label of the button that opens New Job with changed values, or null
     * @param retry   the resources for that retry, or null
     */
    public record Step(String advice, String action, Resources retry) {
    }

    private FailureAdvice() {
    }

    public static List<Step> forJob(Job job, ClusterProfile profile) {
        return forJob(job, profile, java.util.Optional.empty());
    }

    /** With the job's measured speed, a TIMEOUT job's advice is the walltime its steps need at that speed. */
    public static List<Step> forJob(Job job, ClusterProfile profile, java.util.Optional<MeasuredSpeed> speed) {
        Resources r = job.resources();
        List<Step> steps = new ArrayList<>();
        if (job.status() == org.namdrunner.core.model.JobStatus.TIMEOUT && speed.isPresent() && speed.get().runTime().isPresent()) {
            steps.addAll(timeoutFromEvidence(r, profile, speed.get()));
            return steps;
        }
        switch (job.status()) {
            case TIMEOUT -> {
                Duration more = r.walltime().multipliedBy(2);
                if (profile != null && more.compareTo(profile.maxWalltime()) > 0) {
                    more = profile.maxWalltime();
                }
                if (more.compareTo(r.walltime()) > 0) {
                    steps.add(new Step("Ask for more walltime: it asked for " + JobTimes.duration(r.walltime())
                            + " and needed more. Its speed was not measured (open the Log tab to read it), so twice that, "
                            + Walltime.format(more) + ", is a guess.",
                            "Resubmit with walltime " + Walltime.format(more) + "…", r.withWalltime(more)));
                }
                steps.add(new Step("Or split the run: continue from the last restart files with a shorter run each time.", null, null));
            }
            case OUT_OF_MEMORY -> {
                MemorySize more = new MemorySize(r.memory().amount() * 2, r.memory().unit());
                if (profile == null || more.toMegabytes() <= profile.memoryPerNodeMb()) {
                    steps.add(new Step("Ask for more memory: " + r.memory() + " per node was not enough; try " + more + ".",
                            "Resubmit with " + more + " per node…", r.withMemory(more)));
                } else {
                    steps.add(new Step("Ask for more nodes: a node cannot give more than " + (profile.memoryPerNodeMb() / 1024)
                            + " GB, so spread the cores over more nodes.", "Resubmit with twice the cores…", r.withCores(r.cores() * 2)));
                }
            }
            case NODE_FAIL, BOOT_FAIL, PREEMPTED -> steps.add(new Step("Nothing in the job is wrong: resubmit it as it was.",
                    "Resubmit…", r));
            case FAILED -> {
                steps.add(new Step("Read the error above and the end of the log (Log tab); fix the input or setting it names.", null, null));
                steps.add(new Step("Then resubmit with the corrected files.", "Resubmit…", r));
            }
            case CANCELLED -> steps.add(new Step("If it was cancelled by mistake, resubmit it.", "Resubmit…", r));
            case UNKNOWN -> steps.add(new Step("The cluster no longer reports this job. Look at its folder on the cluster, "
                    + "or use Sync to ask again.", null, null));
            default -> {
            }
        }
        return steps;
    }

    /** The walltime all steps need at the measured speed, within the QoS's limit; beyond it, continuing is the way. */
    private static List<Step> timeoutFromEvidence(Resources r, ClusterProfile profile, MeasuredSpeed speed) {
        Duration run = speed.runTime().orElseThrow();
        Duration max = profile == null ? null : profile.limits().maxWalltime(r.qos()).orElse(profile.maxWalltime());
        Duration ask = MeasuredSpeed.suggested(run, max);
        String measured = String.format("It ran at %.2f ns/day (measured in its log), so all its steps need about %s", speed.nsPerDay(),
                JobTimes.duration(run));
        List<Step> steps = new ArrayList<>();
        if (max == null || MeasuredSpeed.suggested(run, null).compareTo(max) <= 0) {
            steps.add(new Step(measured + "; it asked for " + JobTimes.duration(r.walltime()) + ". " + Walltime.withMargin(ask) + ".",
                    "Resubmit with walltime " + Walltime.format(ask) + "…", r.withWalltime(ask)));
            steps.add(new Step("Or continue from its last restart files (Continue…): only the steps left run again.", null, null));
        } else {
            steps.add(new Step(measured + ", more than " + (r.qos().isEmpty() ? "the cluster" : "the QoS '" + r.qos() + "'") + " allows ("
                    + JobTimes.duration(max) + "). Continue from its last restart files (Continue…), once per walltime.", null, null));
        }
        return steps;
    }
}
