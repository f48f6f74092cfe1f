package org.namdrunner.ui.internal.views;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.namdrunner.app.JobListPrefetch;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.core.store.JobStore;
import org.namdrunner.core.store.JobSummary;
import org.namdrunner.core.store.StoreException;

/**
 * Reads the Jobs view's rows: every summary once, then only the jobs each committed write changed. A sync that
 * updates three jobs of a 100,000-job database reads three rows, not 100,000 (docs/benchmarks.md, "Scale").
 *
 * <p>{@link #changed} is called on the writing threads, {@link #read} on the view's reload job (one at a time).
 */
public final class JobListReader {

    /** More changed jobs than this at once (an import, a big sync) are read as a whole list. */
    static final int MOST_PATCHED = 1_000;

    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private volatile boolean readAll = true;

    /** What one read gives the rows: the whole list, or the summaries of the changed ids (a missing one was deleted). */
    public record Update(Set<String> changedIds, List<JobSummary> jobs) {
        public boolean whole() {
            return changedIds == null;
        }
    }

    /** A committed write changed these jobs; an empty set means "anything may have changed". */
    public void changed(Set<String> ids) {
        if (ids.isEmpty() || ids.size() > MOST_PATCHED) {
            readAll = true;
        } else {
            changed.addAll(ids);
        }
    }

    public Update read(JobStore store) throws StoreException {
        return read(store, null);
    }

    /**
     * Like {@link #read(JobStore)}, but a whole read takes the list {@code ahead} read at start-up if it has one
     * (waiting for it), with the jobs written since read again, instead of reading every row a second time.
     */
    public Update read(JobStore store, JobListPrefetch ahead) throws StoreException {
        try {
            if (!readAll) {
                Set<String> ids = drain();
                if (ids.size() <= MOST_PATCHED) {
                    return new Update(ids, ids.isEmpty() ? List.of() : store.summariesOf(ids));
                }
            }
            // cleared before the read: a write committed after this is seen by the read or read again next time
            readAll = false;
            changed.clear();
            Optional<JobListPrefetch.Early> early = ahead == null ? Optional.empty() : ahead.take();
            if (early.isPresent() && early.get().changedSince().size() <= MOST_PATCHED) {
                Set<String> since = early.get().changedSince();
                List<JobSummary> jobs = early.get().jobs();
                return new Update(null, since.isEmpty() ? jobs : JobRows.patched(jobs, since, store.summariesOf(since)));
            }
            return new Update(null, store.summaries(JobFilter.all()));
        } catch (StoreException | RuntimeException e) {
            readAll = true;
            throw e;
        }
    }

    private Set<String> drain() {
        Set<String> ids = new HashSet<>();
        for (Iterator<String> it = changed.iterator(); it.hasNext();) {
            ids.add(it.next());
            it.remove();
        }
        return ids;
    }
}
