package org.namdrunner.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.core.store.PolledJob;
import org.namdrunner.core.store.StoreException;
import org.namdrunner.persistence.SqliteJobStore;

/** The narrow read a sync starts with: the same jobs and fields as listing whole jobs, on a real SQLite file. */
class PolledJobsTest {

    private static final Set<JobStatus> ACTIVE = Set.of(JobStatus.SUBMITTING, JobStatus.PENDING, JobStatus.RUNNING,
            JobStatus.SUSPENDED, JobStatus.UNKNOWN);

    @TempDir
    Path dir;
    private SqliteJobStore store;

    @BeforeEach
    void open() throws Exception {
        store = SqliteJobStore.open(dir.resolve("jobs.db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theSameJobsAndFieldsAsListingWholeJobs() throws Exception {
        store.create(Jobs.job("a_pending", "alpine").toBuilder().status(JobStatus.PENDING).slurmId("101").slurmState("PENDING")
                .slurmReason("Priority").build());
        store.create(Jobs.job("b_running", "alpine").toBuilder().status(JobStatus.RUNNING).slurmId("102_3").slurmState("RUNNING")
                .startedAt(Jobs.T0.plusSeconds(5)).createdAt(Jobs.T0.plusSeconds(1)).build());
        store.create(Jobs.job("c_missing", "alpine").toBuilder().status(JobStatus.UNKNOWN).slurmId("103")
                .missingSince(Jobs.T0.plusNanos(123_456_789)).createdAt(Jobs.T0.plusSeconds(2)).build());
        store.create(Jobs.job("d_done", "alpine").toBuilder().status(JobStatus.COMPLETED).slurmId("104").build());
        store.create(Jobs.job("e_no_slurm_id", "alpine").toBuilder().status(JobStatus.SUBMITTING).build());
        store.create(Jobs.job("f_other_cluster", "bridges").toBuilder().status(JobStatus.PENDING).slurmId("105").build());

        List<PolledJob> polled = store.polledJobs("alpine", ACTIVE);

        List<PolledJob> expected = store.list(JobFilter.withStatus(ACTIVE).onCluster("alpine")).stream()
                .filter(j -> j.slurmId().isPresent()).map(PolledJob::of).toList();
        assertEquals(expected, polled);
        assertEquals(List.of("c_missing", "b_running", "a_pending"), polled.stream().map(PolledJob::id).toList());
        assertEquals(Jobs.T0.plusNanos(123_456_789), polled.get(0).missingSince());
        assertTrue(polled.get(1).started());
        assertEquals(List.of(), store.polledJobs("nowhere", ACTIVE));
    }

    @Test
    void aStoredRowThatBreaksTheRulesIsNamedNotPolled() throws Exception {
        Job job = Jobs.job("bad_row", "alpine").toBuilder().status(JobStatus.PENDING).slurmId("42").build();
        store.create(job);
        try (RawDb raw = new RawDb(store.file())) {
            raw.execute("UPDATE jobs SET slurm_job_id = '42; rm -rf ~' WHERE id = 'bad_row'");
        }
        StoreException e = assertThrows(StoreException.class, () -> store.polledJobs("alpine", ACTIVE));
        assertTrue(e.getMessage().contains("bad_row"), e.getMessage());
        try (RawDb raw = new RawDb(store.file())) {
            assertEquals(1, raw.count("SELECT count(*) FROM jobs WHERE id = 'bad_row'"), "the row is still there");
        }
    }
}
