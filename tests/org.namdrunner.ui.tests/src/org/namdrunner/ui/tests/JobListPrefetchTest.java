package org.namdrunner.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.namdrunner.app.JobListPrefetch;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.core.store.JobStore;
import org.namdrunner.core.store.JobStoreListener;
import org.namdrunner.core.store.JobSummary;
import org.namdrunner.core.store.StoreException;
import org.namdrunner.ui.internal.views.JobListReader;

/**
 * The job list read ahead at start-up (docs/benchmarks.md, "Scale"): the Jobs view's first read takes it instead of
 * reading every row again, with what was written meanwhile, and reads the store itself when the read ahead failed.
 * On the workbench's own SQLite store, through a pass-through wrapper that counts and can hold a read.
 */
class JobListPrefetchTest {

    private static final long BOUND_SECONDS = 60;   // a bound for a stuck test, not a timing

    private final List<String> created = new ArrayList<>();

    @AfterEach
    void deleteJobs() throws Exception {
        for (String id : created) {
            real().delete(id);
        }
    }

    @Test
    void theWorkbenchsJobsViewTookTheListReadAhead() {
        JobsViewTester.open();
        assertEquals(JobListPrefetch.State.TAKEN, Workbench.backend().jobListPrefetch().state(),
                "the first Jobs view showed the list read while the workbench started");
    }

    @Test
    void theFirstReadTakesTheListReadAheadInsteadOfReadingAgain() throws Exception {
        create("job_ahead_1", "ahead-one");
        WrappedStore store = new WrappedStore(real(), null);
        JobListPrefetch ahead = new JobListPrefetch(store);
        ahead.start();
        JobListReader reader = new JobListReader();

        JobListReader.Update first = reader.read(store, ahead);

        assertTrue(first.whole());
        assertEquals(1, store.wholeReads.get(), "one read of the whole list, not two");
        assertEquals(ids(real().summaries(JobFilter.all())), ids(first.jobs()));
        assertEquals(JobListPrefetch.State.TAKEN, ahead.state());
        assertEquals(0, store.listeners.get(), "the read ahead stopped listening once taken");

        reader.changed(Set.of());
        assertTrue(reader.read(store, ahead).whole());
        assertEquals(2, store.wholeReads.get(), "the list is handed over once; later whole reads read the store");
    }

    @Test
    void whatIsWrittenWhileTheListIsReadAheadIsInTheFirstList() throws Exception {
        create("job_ahead_renamed", "ahead-before-rename");
        create("job_ahead_deleted", "ahead-deleted");
        CountDownLatch inRead = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        WrappedStore store = new WrappedStore(real(), jobs -> {
            inRead.countDown();   // the rows are read: what is written now is not in them
            await(release);
            return jobs;
        });
        JobListPrefetch ahead = new JobListPrefetch(store);
        ahead.start();
        await(inRead);
        JobListReader reader = new JobListReader();
        CompletableFuture<JobListReader.Update> first = CompletableFuture.supplyAsync(() -> {
            try {
                return reader.read(store, ahead);   // the view asks before the read ahead is done
            } catch (StoreException e) {
                throw new IllegalStateException(e);
            }
        });

        Job renamed = real().find("job_ahead_renamed").orElseThrow();
        real().update(renamed.toBuilder().name("ahead-after-rename").build());
        create("job_ahead_added", "ahead-added");
        real().delete("job_ahead_deleted");
        assertFalse(first.isDone(), "the reader waits for the read ahead");
        release.countDown();
        JobListReader.Update update = first.get(BOUND_SECONDS, TimeUnit.SECONDS);

        assertTrue(update.whole());
        assertEquals(1, store.wholeReads.get(), "the list read ahead, with the written jobs read again");
        assertTrue(store.lastAsked.containsAll(Set.of("job_ahead_renamed", "job_ahead_added", "job_ahead_deleted")),
                "the jobs written during the read are read again: " + store.lastAsked);
        assertEquals("ahead-after-rename", find(update.jobs(), "job_ahead_renamed").name());
        assertEquals("ahead-added", find(update.jobs(), "job_ahead_added").name());
        assertNull(find(update.jobs(), "job_ahead_deleted"));
        assertEquals(ids(real().summaries(JobFilter.all())), ids(update.jobs()));
    }

    @Test
    void aFailedReadAheadIsReadAgainAndASecondFailureReachesTheView() throws Exception {
        create("job_ahead_fallback", "ahead-fallback");
        AtomicInteger failures = new AtomicInteger(1);
        WrappedStore store = new WrappedStore(real(), jobs -> {
            if (failures.getAndDecrement() > 0) {
                throw new StoreException("the disk went away");
            }
            return jobs;
        });
        JobListPrefetch ahead = new JobListPrefetch(store);
        ahead.start();
        JobListReader.Update update = new JobListReader().read(store, ahead);
        assertEquals(2, store.wholeReads.get(), "the failed read ahead, then the reader's own");
        assertEquals(ids(real().summaries(JobFilter.all())), ids(update.jobs()));

        failures.set(2);
        JobListPrefetch failing = new JobListPrefetch(store);
        failing.start();
        StoreException shown = assertThrows(StoreException.class, () -> new JobListReader().read(store, failing));
        assertEquals("the disk went away", shown.getMessage());
    }

    @Test
    void aListNobodyTakesIsLetGo() throws Exception {
        CountDownLatch inRead = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        WrappedStore store = new WrappedStore(real(), jobs -> {
            inRead.countDown();
            await(release);
            return jobs;
        });
        JobListPrefetch ahead = new JobListPrefetch(store);
        ahead.start();
        await(inRead);
        assertEquals(1, store.listeners.get());
        ahead.discard();
        release.countDown();
        assertEquals(JobListPrefetch.State.DISCARDED, ahead.state());
        assertEquals(0, store.listeners.get(), "a discarded read ahead no longer collects changes");
        assertEquals(Optional.empty(), ahead.take());
        assertTrue(new JobListReader().read(store, ahead).whole());
        assertEquals(2, store.wholeReads.get(), "the discarded read, then the reader's own");
    }

    private void create(String id, String name) throws StoreException {
        real().create(Job.builder().id(id).name(name).jobTypeId("namd").clusterProfileId("alpine").createdAt(Instant.now())
                .status(JobStatus.CREATED).build());
        created.add(id);
    }

    private static JobStore real() {
        return Workbench.backend().store();
    }

    private static List<String> ids(List<JobSummary> jobs) {
        return jobs.stream().map(JobSummary::id).sorted().toList();
    }

    private static JobSummary find(List<JobSummary> jobs, String id) {
        return jobs.stream().filter(j -> j.id().equals(id)).findFirst().orElse(null);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(BOUND_SECONDS, TimeUnit.SECONDS), "a held read was never released");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** What a test does with a whole list the real store has just read. */
    @FunctionalInterface
    private interface AfterRead {
        List<JobSummary> apply(List<JobSummary> jobs) throws StoreException;
    }

    /** Passes every call to the real store, counts list reads and listeners, and lets a test act on a whole read. */
    private static final class WrappedStore extends ForwardingJobStore {
        final AfterRead afterWholeRead;
        final AtomicInteger wholeReads = new AtomicInteger();
        final AtomicInteger patchReads = new AtomicInteger();
        final AtomicInteger listeners = new AtomicInteger();
        volatile Set<String> lastAsked = Set.of();

        WrappedStore(JobStore real, AfterRead afterWholeRead) {
            super(real);
            this.afterWholeRead = afterWholeRead == null ? jobs -> jobs : afterWholeRead;
        }

        @Override public List<JobSummary> summaries(JobFilter filter) throws StoreException {
            wholeReads.incrementAndGet();
            return afterWholeRead.apply(real.summaries(filter));
        }
        @Override public List<JobSummary> summariesOf(Collection<String> ids) throws StoreException {
            patchReads.incrementAndGet();
            lastAsked = Set.copyOf(ids);
            return real.summariesOf(ids);
        }
        @Override public void addListener(JobStoreListener listener) {
            listeners.incrementAndGet();
            real.addListener(listener);
        }
        @Override public void removeListener(JobStoreListener listener) {
            listeners.decrementAndGet();
            real.removeListener(listener);
        }
    }
}
