package org.namdrunner.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
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
    void textIsReadAsStoredAndARepeatedValueIsOneString() throws Exception {
        String message = "Datei «step1.coor» fehlt — 入力ファイル";
        for (String id : List.of("t_one", "t_two")) {
            store.create(Jobs.job(id, "alpine").toBuilder().status(JobStatus.FAILED).slurmId("7").slurmState("FAILED")
                    .slurmReason("NonZeroExitCode")
                    .error(new ErrorInfo("FAILED", message, "1:0", Jobs.T0)).build());
        }
        store.create(Jobs.job("t_empty_reason", "alpine").toBuilder().status(JobStatus.PENDING).slurmId("8")
                .slurmState("PENDING").build());
        List<JobSummary> all = store.summaries(JobFilter.all());
        assertEquals(store.list(JobFilter.all()).stream().map(JobSummary::of).toList(), all);
        JobSummary one = all.stream().filter(s -> s.id().equals("t_one")).findFirst().orElseThrow();
        JobSummary two = all.stream().filter(s -> s.id().equals("t_two")).findFirst().orElseThrow();
        assertEquals(message, one.errorMessage());
        assertEquals("/projects/u/namdrunner_jobs/t_one", one.projectDir());
        assertTrue(one.errorMessage() == two.errorMessage() && one.slurmReason() == two.slurmReason()
                && one.clusterProfileId() == two.clusterProfileId(), "a repeated value is held once, not once a row");
        assertNull(all.stream().filter(s -> s.id().equals("t_empty_reason")).findFirst().orElseThrow().slurmReason());
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

    @Test
    void timesKeepTheirNanosecondsAndATimeStoredInAnotherFormIsStillRead() throws Exception {
        Instant precise = Jobs.T0.plusNanos(123_456_789);
        store.create(Jobs.job("n_precise", "alpine").toBuilder().createdAt(precise).status(JobStatus.RUNNING).slurmId("7")
                .submittedAt(Instant.parse("1969-12-31T23:59:59.5Z")).startedAt(precise.plusSeconds(1)).build());
        store.create(Jobs.job("o_older_form", "alpine").toBuilder().status(JobStatus.COMPLETED).slurmId("8")
                .completedAt(Jobs.T0.plusSeconds(9)).build());
        try (RawDb raw = new RawDb(store.file())) {
            // a time written by hand, or by an older version, without the fixed nine fraction digits
            raw.execute("UPDATE jobs SET completed_at = '2026-11-29T10:00:09.5Z' WHERE id = 'o_older_form'");
        }
        List<JobSummary> all = store.summaries(JobFilter.all());
        JobSummary p = all.stream().filter(s -> s.id().equals("n_precise")).findFirst().orElseThrow();
        assertEquals(precise, p.createdAt());
        assertEquals(Instant.parse("1969-12-31T23:59:59.5Z"), p.submittedAt(), "a time before 1970");
        assertEquals(precise.plusSeconds(1), p.startedAt());
        assertNull(p.completedAt());
        JobSummary o = all.stream().filter(s -> s.id().equals("o_older_form")).findFirst().orElseThrow();
        assertEquals(Jobs.T0.plusMillis(9_500), o.completedAt());
        assertEquals(store.list(JobFilter.all()).stream().map(JobSummary::of).toList(), all);
    }

    @Test
    void summariesOfChangedJobsComeInListOrderWithoutTheDeletedOnes() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {   // more than one query's worth of ids
            String id = String.format("job_%04d", i);
            store.create(Jobs.job(id, i % 3 == 0 ? "bridges" : "alpine").toBuilder().createdAt(Jobs.T0.plusSeconds(i)).build());
            ids.add(id);
        }
        store.delete("job_0005");
        List<String> asked = new ArrayList<>(ids.subList(0, 1_100));
        asked.add("job_0003");   // twice
        asked.add("no_such_job");
        Collections.shuffle(asked, new Random(7));

        List<JobSummary> got = store.summariesOf(asked);

        List<JobSummary> expected = store.summaries(JobFilter.all()).stream()
                .filter(s -> ids.subList(0, 1_100).contains(s.id())).toList();
        assertEquals(1_099, got.size(), "1,100 asked, one deleted, one unknown, one twice");
        assertEquals(expected, got);
        assertEquals(List.of(), store.summariesOf(List.of()));
    }

    @Test
    void theClustersWithSubmittedJobsComeFromOneQuery() throws Exception {
        store.create(Jobs.job("p1", "alpine").toBuilder().status(JobStatus.PENDING).slurmId("11").build());
        store.create(Jobs.job("p2", "alpine").toBuilder().status(JobStatus.RUNNING).slurmId("12").build());
        store.create(Jobs.job("p3", "bridges").toBuilder().status(JobStatus.COMPLETED).slurmId("13").build());
        store.create(Jobs.job("p4", "expanse").toBuilder().status(JobStatus.SUBMITTING).build());   // no SLURM id yet
        store.create(Jobs.job("p5", "summit").toBuilder().status(JobStatus.UNKNOWN).slurmId("15").build());

        assertEquals(Set.of("alpine", "summit"),
                store.clustersWithSubmittedJobs(Set.of(JobStatus.SUBMITTING, JobStatus.PENDING, JobStatus.RUNNING, JobStatus.UNKNOWN)));
        assertEquals(Set.of("bridges"), store.clustersWithSubmittedJobs(Set.of(JobStatus.COMPLETED)));
        assertEquals(Set.of("alpine", "bridges", "summit"), store.clustersWithSubmittedJobs(Set.of()));
    }
}
