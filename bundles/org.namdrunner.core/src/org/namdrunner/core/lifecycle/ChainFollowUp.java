package org.namdrunner.core.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.model.ErrorInfo;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.scheduler.Scheduler;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.core.store.JobStore;
import org.namdrunner.core.store.StoreException;

/**
 * What a sync does for chains after the statuses are stored:
 * <ul>
 * <li>a stage whose previous stage did not end well, and which SLURM cancelled for it ({@code --kill-on-invalid-dep},
 * reason {@code DependencyNeverSatisfied}/{@code Dependency}) or still holds as never runnable, gets the cause in words
 * ("Cancelled because stage 2 (equilibration) failed: exit 1; …"); one SLURM still holds is cancelled;</li>
 * <li>a chain's last stage that ended TIMEOUT with {@value JobChains#AUTO_CONTINUE} is continued from its restart files
 * and the continuation submitted. This runs only inside a sync, whose session is open (an automatic poll never logs
 * in); when that fails the stage says so and the next sync tries again.</li>
 * </ul>
 */
final class ChainFollowUp {

    static final String NEVER_SATISFIED = "DependencyNeverSatisfied";
    /** Error type of a TIMEOUT stage whose automatic continuation was refused for good (not tried again). */
    static final String CONTINUE_REFUSED = "CHAIN_CONTINUE";
    static final String CONTINUE_WAITS = "CHAIN_CONTINUE_WAITS";

    private final JobService service;
    private final JobStore store;
    private final Scheduler scheduler;
    private final Clock clock;

    ChainFollowUp(JobService service, JobStore store, Scheduler scheduler, Clock clock) {
        this.service = service;
        this.store = store;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    void run(String profileId, ClusterConnection c, SyncReport report, IProgressMonitor monitor) throws StoreException {
        Set<String> chains = new LinkedHashSet<>();
        for (String id : report.changed()) {
            store.find(id).flatMap(Job::chain).ifPresent(l -> chains.add(l.chainId()));
        }
        for (Job j : store.list(JobFilter.withStatus(Set.of(JobStatus.TIMEOUT, JobStatus.PENDING)).onCluster(profileId))) {
            boolean waits = j.status() == JobStatus.TIMEOUT && autoContinues(j) && !refused(j);
            boolean stuck = j.status() == JobStatus.PENDING && NEVER_SATISFIED.equals(j.slurmReason().orElse(""));
            if ((waits || stuck) && j.chain().isPresent()) {
                chains.add(j.chain().get().chainId());
            }
        }
        if (chains.isEmpty()) {
            return;
        }
        for (String chainId : chains) {
            List<Job> stages = store.chainStages(chainId);
            try {
                explainFailures(c, stages, monitor);
                continueLast(c, stages, monitor);
            } catch (StoreException | RuntimeException e) {
                // one chain's trouble never stops the others (the statuses of the poll are stored already)
            }
        }
    }

    private void explainFailures(ClusterConnection c, List<Job> stages, IProgressMonitor monitor) throws StoreException {
        for (int i = 1; i < stages.size(); i++) {
            Job previous = store.find(stages.get(i - 1).id()).orElse(null);
            Job stage = store.find(stages.get(i).id()).orElse(null);
            if (previous == null || stage == null || !failed(previous) || !waitedFor(stage, previous)) {
                continue;
            }
            String words = StageCause.cancelledBecause(previous);
            if (stage.status().isActive() && stage.slurmId().isPresent() && !c.isConnected()) {
                // never log in for it: the session closed after the poll; the next sync with a session cancels it
                words = words + " It is cancelled at the next sync with an open session.";
            } else if (stage.status().isActive() && stage.slurmId().isPresent()) {
                try {
                    scheduler.cancel(c, stage.slurmId().get(), monitor);
                } catch (ClusterException e) {
                    words = words + " It could not be cancelled yet (" + e.getMessage() + "); the next sync tries again.";
                }
            }
            String text = words;
            if (!stage.error().map(e -> e.message().equals(text)).orElse(false)) {
                Instant now = clock.instant();
                store.update(stage.toBuilder().updatedAt(now).error(new ErrorInfo(StageCause.TYPE, words, "", now)).build());
            }
        }
    }

    /** Ended and not COMPLETED; a TIMEOUT stage continued by the next one is not a failure of the chain. */
    private static boolean failed(Job j) {
        return j.status().isTerminal() && j.status() != JobStatus.COMPLETED;
    }

    /**
     * SLURM held (or cancelled) the stage for its dependency: it never started. A cancelled stage says so by its reason
     * when squeue saw it; when only sacct did, the reason may be None (the controller writes it after the accounting
     * record, seen both ways on the twin). Then sacct's bare "CANCELLED" (a person's scancel reads "CANCELLED by <uid>")
     * ended no earlier than the stage before it: a stage a person cancelled before that one failed keeps its own story.
     */
    private static boolean waitedFor(Job stage, Job previous) {
        String reason = stage.slurmReason().orElse("");
        if (stage.status() == JobStatus.CANCELLED) {
            boolean afterPrevious = stage.completedAt().isPresent() && previous.completedAt().isPresent()
                    && !stage.completedAt().get().isBefore(previous.completedAt().get());
            boolean bySlurm = reason.startsWith("Dependency") || ("CANCELLED".equals(stage.slurmState().orElse("")) && afterPrevious);
            return stage.startedAt().isEmpty() && (bySlurm
                    || stage.error().map(e -> StageCause.TYPE.equals(e.type())).orElse(false));
        }
        return stage.status() == JobStatus.PENDING && NEVER_SATISFIED.equals(reason);
    }

    private void continueLast(ClusterConnection c, List<Job> stages, IProgressMonitor monitor) throws StoreException {
        Job last = store.find(stages.get(stages.size() - 1).id()).orElse(null);
        if (last == null || last.status() != JobStatus.TIMEOUT || !autoContinues(last) || refused(last)) {
            return;
        }
        if (!c.isConnected()) {
            note(last, CONTINUE_WAITS, "Ran out of walltime; it is continued from its restart files at the next sync with an open "
                    + "session (an automatic sync never logs in).");
            return;
        }
        Job next;
        try {
            next = service.continueJob(new ContinuationRequest(last.id(), null, null, Map.of()), monitor);
        } catch (InvalidInputException e) {
            note(last, CONTINUE_REFUSED, "Ran out of walltime and cannot be continued automatically: " + e.getMessage());
            return;
        } catch (ClusterException e) {
            note(last, CONTINUE_WAITS, "Ran out of walltime; the automatic continuation failed (" + e.getMessage()
                    + ") and is tried again at the next sync.");
            return;
        }
        try {
            service.submit(next.id(), monitor);
        } catch (ClusterException | InvalidInputException e) {
            // the continuation exists (CREATED, or SUBMITTING with a note): the person sees it and its reason
        }
    }

    private void note(Job job, String type, String words) throws StoreException {
        if (job.error().map(e -> e.type().equals(type) && e.message().equals(words)).orElse(false)) {
            return;
        }
        Instant now = clock.instant();
        store.update(job.toBuilder().updatedAt(now).error(new ErrorInfo(type, words, job.error().map(ErrorInfo::exitCode).orElse(""), now))
                .build());
    }

    static boolean autoContinues(Job j) {
        return "yes".equalsIgnoreCase(TypeParameters.read(j.typeParameters()).getOrDefault(JobChains.AUTO_CONTINUE, ""));
    }

    private static boolean refused(Job j) {
        return j.error().map(e -> CONTINUE_REFUSED.equals(e.type())).orElse(false);
    }
}
