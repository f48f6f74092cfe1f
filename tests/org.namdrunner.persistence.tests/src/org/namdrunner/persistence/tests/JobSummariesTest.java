package org.namdrunner.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namdrunner.core.model.ErrorInfo;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.MemorySize;
import org.namdrunner.core.model.Resources;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.core.store.JobSummary;
import org.namdrunner.core.store.StoreException;
import org.namdrunner.persistence.SqliteJobStore;

/** The narrow read the Jobs view holds: the same jobs, order and fields as listing whole jobs, on a real SQLite file. */
class JobSummariesTest {

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
    void theSameJobsOrderAndFieldsAsListingWholeJobs() throws Exception {
        store.create(Jobs.job("a_pending", "alpine").toBuilder().status(JobStatus.PENDING).slurmId("101").slurmState("PENDING")
                .slurmReason("Priority").submittedAt(Jobs.T0.plusSeconds(3)).build());
        store.create(Jobs.job("b_running", "alpine").toBuilder().status(JobStatus.RUNNING).slurmId("102_3").slurmState("RUNNING")
                .resources(new Resources(8, MemorySize.gigabytes(4), Duration.ofMinutes(90), "acpu", "cpu-normal", "ucb-general", 0, ""))
                .startedAt(Jobs.T0.plusSeconds(5)).createdAt(Jobs.T0.plusSeconds(1)).build());
        store.create(Jobs.job("c_failed", "bridges").toBuilder().status(JobStatus.FAILED).slurmId("103").startedAt(Jobs.T0)
                .completedAt(Jobs.T0.plusSeconds(60)).error(new ErrorInfo("FAILED", "Exit code 1: see the log", "1:0", Jobs.T0))
                .createdAt(Jobs.T0.plusSeconds(2)).build());
        store.create(Jobs.job("d_new", "alpine"));

        for (JobFilter f : List.of(JobFilter.all(), JobFilter.withStatus(Set.of(JobStatus.RUNNING, JobStatus.PENDING)),
                JobFilter.all().onCluster("alpine"), JobFilter.all().onCluster("nowhere"))) {
            List<JobSummary> expected = store.list(f).stream().map(JobSummary::of).toList();
            assertEquals(expected, store.summaries(f), "filter " + f);
        }
        List<JobSummary> all = store.summaries(JobFilter.all());
        assertEquals(List.of("c_failed", "b_running", "a_pending", "d_new"), all.stream().map(JobSummary::id).toList());
        JobSummary running = all.stream().filter(s -> s.id().equals("b_running")).findFirst().orElseThrow();
        assertEquals(Duration.ofMinutes(90), running.walltime(), "walltime taken from the resources JSON");
        JobSummary failed = all.stream().filter(s -> s.id().equals("c_failed")).findFirst().orElseThrow();
        assertEquals("Exit code 1: see the log", failed.errorMessage(), "message taken from the error JSON");
        assertNull(running.errorMessage());
    }

    @Test
    void aStoredRowThatBreaksTheRulesIsNamed() throws Exception {
        Job job = Jobs.job("bad_row", "alpine").toBuilder().status(JobStatus.PENDING).slurmId("42").build();
        store.create(job);
        try (RawDb raw = new RawDb(store.file())) {
            raw.execute("UPDATE jobs SET slurm_job_id = '42; rm -rf ~' WHERE id = 'bad_row'");
        }
        StoreException e = assertThrows(StoreException.class, () -> store.summaries(JobFilter.all()));
        assertTrue(e.getMessage().contains("bad_row"), e.getMessage());
    }
}
