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
        Resources r = job.resources();
        List<Step> steps = new ArrayList<>();
        switch (job.status()) {
            case TIMEOUT -> {
                Duration more = r.walltime().multipliedBy(2);
                if (profile != null && more.compareTo(profile.maxWalltime()) > 0) {
                    more = profile.maxWalltime();
                }
                if (more.compareTo(r.walltime()) > 0) {
                    steps.add(new Step("Ask for more walltime: it asked for " + JobTimes.duration(r.walltime())
                            + " and needed more. " + Walltime.format(more) + " is a good next try.",
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
}
