package org.namdrunner.ui.internal.handlers;

import java.time.Duration;
import java.util.Optional;

import org.namdrunner.app.Backend;
import org.namdrunner.app.PerformanceHistory;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.jobtype.JobType;
import org.namdrunner.core.lifecycle.TypeParameters;
import org.namdrunner.core.model.Job;
import org.namdrunner.ui.internal.views.JobTimes;
import org.namdrunner.ui.internal.wizards.Walltime;

/**
 * The walltime a continuation needs, from evidence: the job's measured speed gives the run time of all its steps; it
 * used its whole walltime, so what is left needs about the difference (plus the steps since its last restart, which
 * run again: the margin covers them). Without a measured speed the old walltime is suggested again.
 *
 * @param walltime what the dialog starts from
 * @param text     one sentence on where it comes from
 */
record ContinueSuggestion(Duration walltime, String text) {

    /** At least this much for a continuation, whatever the estimate (start-up, the lost steps since the last restart). */
    static final Duration AT_LEAST = Duration.ofMinutes(5);

    static ContinueSuggestion of(Job job, Backend backend) {
        Duration old = job.resources().walltime();
        Optional<PerformanceHistory.Measurement> m = backend.performance().of(job.id());
        Optional<Duration> run = m.flatMap(x -> backend.jobTypes().find(job.jobTypeId())
                .flatMap(t -> t.runTimeAt(TypeParameters.read(job.typeParameters()), x.nsPerDay())));
        if (m.isEmpty() || run.isEmpty()) {
            return new ContinueSuggestion(old, "Its speed was not measured (open its Log tab once), so the suggestion is its old walltime.");
        }
        Duration left = run.get().minus(old);
        if (left.compareTo(AT_LEAST) < 0) {
            left = AT_LEAST;
        }
        ClusterProfile profile = backend.profiles().find(job.clusterProfileId()).orElse(null);
        Duration max = profile == null ? null : profile.limits().maxWalltime(job.resources().qos()).orElse(profile.maxWalltime());
        Duration ask = JobType.walltimeWithMargin(left, max);
        return new ContinueSuggestion(ask, String.format("It ran at %.2f ns/day: all its steps need about %s, it had %s, so the rest needs "
                + "about %s; %s.", m.get().nsPerDay(), JobTimes.duration(run.get()), JobTimes.duration(old),
                JobTimes.duration(left), ask.compareTo(JobType.walltimeWithMargin(left, null)) < 0
                        ? Walltime.format(ask) + " is the most the cluster allows (continue it again if that is not enough)"
                        : Walltime.withMargin(ask)));
    }
}
