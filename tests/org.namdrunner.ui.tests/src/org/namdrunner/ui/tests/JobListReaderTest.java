package org.namdrunner.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.model.ChainLink;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.core.store.JobStore;
import org.namdrunner.core.store.JobSummary;
import org.namdrunner.core.store.StoreException;
import org.namdrunner.ui.internal.views.JobListReader;
import org.namdrunner.ui.internal.views.JobRows;
import org.namdrunner.ui.internal.views.RowContext;

/**
 * The Jobs view reads the whole list once and then only the jobs a write changed, on the workbench's own SQLite store
 * (counted by a pass-through wrapper): docs/benchmarks.md, "Scale".
 */
class JobListReaderTest {

    private final List<String> created = new ArrayList<>();

    @AfterEach
    void deleteJobs() throws Exception {
        for (String id : created) {
            Workbench.backend().store().delete(id);
        }
    }

    @Test
    void afterTheFirstReadOnlyTheChangedJobsAreRead() throws Exception {
        CountingStore store = new CountingStore(Workbench.backend().store());
        JobListReader reader = new JobListReader();
        create("job_reader_1", "reader-one");
        create("job_reader_2", "reader-two");

        JobListReader.Update first = reader.read(store);
        assertTrue(first.whole());
        assertEquals(1, store.wholeReads.get());
        JobRows rows = new JobRows();
        rows.setJobs(first.jobs());
        int before = rows.totalCount();

        Job two = Workbench.backend().store().find("job_reader_2").orElseThrow();
        Workbench.backend().store().update(two.toBuilder().name("reader-two-renamed").build());
        create("job_reader_3", "reader-three");
        Workbench.backend().store().delete("job_reader_1");
        reader.changed(Set.of("job_reader_2"));
        reader.changed(Set.of("job_reader_3"));
        reader.changed(Set.of("job_reader_1"));

        JobListReader.Update next = reader.read(store);
        assertFalse(next.whole(), "three changed jobs are read as three rows");
        assertEquals(1, store.wholeReads.get(), "no second read of the whole list");
        assertEquals(Set.of("job_reader_1", "job_reader_2", "job_reader_3"), store.lastAsked);
        rows.patch(next.changedIds(), next.jobs());

        assertEquals(before, rows.totalCount(), "one added, one deleted");
        assertNull(find(rows, "job_reader_1"), "the deleted job is gone");
        assertEquals("reader-two-renamed", find(rows, "job_reader_2").name());
        assertEquals("reader-three", find(rows, "job_reader_3").name());
        assertEquals(rows.totalCount(), Workbench.backend().store().summaries(JobFilter.all()).size());
    }

    @Test
    void aWriteThatDoesNotSayWhatItChangedOrChangedVeryManyJobsIsReadWhole() throws Exception {
        CountingStore store = new CountingStore(Workbench.backend().store());
        JobListReader reader = new JobListReader();
        reader.read(store);
        reader.changed(Set.of());
        assertTrue(reader.read(store).whole());
        Set<String> many = new java.util.HashSet<>();
        for (int i = 0; i < 1_001; i++) {
            many.add("job_many_" + i);
        }
        reader.changed(many);
        assertTrue(reader.read(store).whole());
        assertEquals(3, store.wholeReads.get());
        assertEquals(0, store.patchReads.get());
    }

    @Test
    void stagesPatchedInBringTheirChainsRow() throws Exception {
        CountingStore store = new CountingStore(Workbench.backend().store());
        JobListReader reader = new JobListReader();
        JobRows rows = new JobRows();
        rows.setJobs(reader.read(store).jobs());
        rows.recompute(RowContext.PLAIN, Instant.now());
        int before = rows.visible().size();
        for (int stage = 1; stage <= 2; stage++) {
            String id = "job_reader_chain" + stage;
            Workbench.backend().store().create(Job.builder().id(id).name("reader-chain-" + stage).jobTypeId("namd")
                    .clusterProfileId("alpine").createdAt(Instant.now()).status(JobStatus.CREATED)
                    .chain(new ChainLink("job_reader_chain1", stage, stage == 1 ? "minimization" : "production")).build());
            created.add(id);
            reader.changed(Set.of(id));
        }
        JobListReader.Update next = reader.read(store);
        assertFalse(next.whole());
        rows.patch(next.changedIds(), next.jobs());
        rows.recompute(RowContext.PLAIN, Instant.now());
        assertEquals(before + 3, rows.visible().size(), "two stages and the row of their chain");
    }

    @Test
    void theViewShowsAddedChangedAndDeletedJobs() throws Exception {
        JobsViewTester view = JobsViewTester.open();
        create("job_reader_view", "reader-view");
        Ui.waitUntil("the new job's row", Duration.ofSeconds(20), () -> view.row("reader-view").isPresent());
        Job job = Workbench.backend().store().find("job_reader_view").orElseThrow();
        Workbench.backend().store().update(job.toBuilder().name("reader-view-renamed").build());
        Ui.waitUntil("the renamed row", Duration.ofSeconds(20), () -> view.row("reader-view-renamed").isPresent());
        assertEquals(Optional.empty(), view.row("reader-view"));
        Workbench.backend().store().delete("job_reader_view");
        Ui.waitUntil("the deleted job's row to go", Duration.ofSeconds(20), () -> view.row("reader-view-renamed").isEmpty());
    }

    private void create(String id, String name) throws StoreException {
        Workbench.backend().store().create(Job.builder().id(id).name(name).jobTypeId("namd").clusterProfileId("alpine")
                .createdAt(Instant.now()).status(JobStatus.CREATED).build());
        created.add(id);
    }

    private static JobSummary find(JobRows rows, String id) {
        rows.recompute(RowContext.PLAIN, Instant.now());
        return rows.visible().stream().filter(j -> j.id().equals(id)).findFirst().orElse(null);
    }

    /** Passes every call to the real store and counts the two kinds of list read. */
    private static final class CountingStore extends ForwardingJobStore {
        final AtomicInteger wholeReads = new AtomicInteger();
        final AtomicInteger patchReads = new AtomicInteger();
        volatile Set<String> lastAsked = Set.of();

        CountingStore(JobStore real) {
            super(real);
        }

        @Override public List<JobSummary> summaries(JobFilter filter) throws StoreException {
            wholeReads.incrementAndGet();
            return real.summaries(filter);
        }
        @Override public List<JobSummary> summariesOf(Collection<String> ids) throws StoreException {
            patchReads.incrementAndGet();
            lastAsked = Set.copyOf(ids);
            return real.summariesOf(ids);
        }
    }

}
