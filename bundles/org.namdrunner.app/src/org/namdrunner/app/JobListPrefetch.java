package org.namdrunner.app;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.core.store.JobStore;
import org.namdrunner.core.store.JobStoreListener;
import org.namdrunner.core.store.JobSummary;
import org.namdrunner.core.store.StoreException;

/**
 * The whole job list, read once in the background while the workbench is still being built, for the first Jobs
 * view to take instead of reading it again: with 100,000 jobs the read takes a second or more, and it need not wait
 * for the window (docs/benchmarks.md, "Scale"). A store listener registered before the read starts collects the
 * jobs written from then on, so whoever takes the list reads those again.
 *
 * <p>The list is handed over once; after that, or after {@link #discard()}, {@link #take()} is empty and readers
 * read the store themselves.
 */
public final class JobListPrefetch {

    /** Where the read ahead is: TAKEN when a list was handed over, DISCARDED when it ended without one. */
    public enum State {
        NOT_STARTED, READING, READ, FAILED, TAKEN, DISCARDED
    }

    /**
     * The list as it was read, and the ids of the jobs written since just before the read began (an id may already
     * be current in the list; a missing one may have been deleted or added).
     */
    public record Early(List<JobSummary> jobs, Set<String> changedSince) {
    }

    private final JobStore store;
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private volatile boolean anyChange;
    private final JobStoreListener listener = ids -> {
        if (ids.isEmpty()) {
            anyChange = true;
        } else {
            changed.addAll(ids);
        }
    };
    private CompletableFuture<List<JobSummary>> read;   // guarded by this
    private State over;                                 // TAKEN or DISCARDED once it is; guarded by this

    public JobListPrefetch(JobStore store) {
        this.store = store;
    }

    /** Starts the read in a background job; does nothing when it has been started, taken or discarded. */
    public synchronized void start() {
        if (read != null || over != null) {
            return;
        }
        store.addListener(listener);
        CompletableFuture<List<JobSummary>> result = new CompletableFuture<>();
        read = result;
        Job job = Job.create("Reading the job list", monitor -> {
            try {
                result.complete(store.summaries(JobFilter.all()));
            } catch (StoreException | RuntimeException e) {
                // not reported here: the reader that finds no list reads again, and that read's failure is shown
                result.completeExceptionally(e);
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    /**
     * The list read ahead, once: waits for the read if it is still running (so not on the UI thread). Empty when the
     * read was never started, failed, or was taken or discarded before, and when a write did not say which jobs it
     * changed. The caller registers its own store listener before it calls this: the writes after the hand-over are
     * its own to follow.
     */
    public Optional<Early> take() {
        CompletableFuture<List<JobSummary>> r = end();
        if (r == null) {
            return Optional.empty();
        }
        try {
            List<JobSummary> jobs = r.get();
            if (anyChange) {
                return Optional.empty();
            }
            Early early = new Early(jobs, Set.copyOf(changed));
            synchronized (this) {
                over = State.TAKEN;
            }
            return Optional.of(early);
        } catch (ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            store.removeListener(listener);
            changed.clear();
        }
    }

    /** Lets go of a list nobody will take (no Jobs view is open) and stops collecting changes. */
    public void discard() {
        if (end() != null) {
            store.removeListener(listener);
            changed.clear();
        }
    }

    /** Ends the prefetch (DISCARDED unless take hands the list over): the read under way or done, or null. */
    private synchronized CompletableFuture<List<JobSummary>> end() {
        if (over != null) {
            return null;
        }
        over = State.DISCARDED;
        CompletableFuture<List<JobSummary>> r = read;
        read = null;
        return r;
    }

    public synchronized State state() {
        if (over != null) {
            return over;
        }
        if (read == null) {
            return State.NOT_STARTED;
        }
        if (!read.isDone()) {
            return State.READING;
        }
        return read.isCompletedExceptionally() ? State.FAILED : State.READ;
    }
}
