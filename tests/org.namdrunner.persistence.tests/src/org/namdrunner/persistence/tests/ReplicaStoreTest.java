package org.namdrunner.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namdrunner.core.model.ChainLink;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.ReplicaLink;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.core.store.JobSummary;
import org.namdrunner.persistence.SqliteJobStore;
import org.namdrunner.persistence.internal.Backups;
import org.namdrunner.persistence.internal.Schema;

/**
 * Schema 6: a job's place in a set of replicas (replica_set, replica_index, replica_count). The upgrade is tested on a
 * real version-5 file: {@code fixtures/schema5.db} was written by main c3e4100's product (scripts/GenerateJobs.java, 4
 * jobs, then one of them made a chain stage through SqliteJobStore.update).
 */
class ReplicaStoreTest {

    @TempDir
    Path dir;

    @Test
    void aReplicaLinkRoundTripsInJobsAndSummaries() throws Exception {
        Path file = dir.resolve("jobs.db");
        Job first = Jobs.job("job_1", "alpine").toBuilder().replica(new ReplicaLink("job_1", 1, 3)).build();
        Job third = Jobs.job("job_3", "alpine").toBuilder().replica(new ReplicaLink("job_1", 3, 3)).build();
        Job alone = Jobs.job("job_9", "alpine");
        try (SqliteJobStore store = SqliteJobStore.open(file)) {
            store.create(first);
            store.create(third);
            store.create(alone);
        }
        try (SqliteJobStore store = SqliteJobStore.open(file)) {
            assertEquals(first, store.find("job_1").orElseThrow());
            assertEquals(third, store.find("job_3").orElseThrow());
            assertTrue(store.find("job_9").orElseThrow().replica().isEmpty());
            for (JobSummary s : store.summaries(JobFilter.all())) {
                assertEquals(store.find(s.id()).orElseThrow().replica().orElse(null), s.replica(), s.id());
            }
            assertEquals(List.of(third.replica().orElseThrow()), store.summariesOf(List.of("job_3")).stream().map(JobSummary::replica).toList());
            // a replica that is extended becomes the first stage of a chain and stays in its set
            Job extended = third.toBuilder().chain(new ChainLink("job_3", 1, "production")).build();
            store.update(extended);
            assertEquals(extended, store.find("job_3").orElseThrow());
        }
        try (RawDb raw = new RawDb(file)) {
            assertEquals(List.of("job_1|1|3", "job_1|3|3", "null|null|null"),
                    raw.rows("SELECT replica_set, replica_index, replica_count FROM jobs ORDER BY id"));
            assertEquals("integer", raw.text("SELECT typeof(replica_index) FROM jobs WHERE id = 'job_3'"));
        }
    }

    @Test
    void aSetsReplicasAreReadByTheirSetInOrder() throws Exception {
        try (SqliteJobStore store = SqliteJobStore.open(dir.resolve("sets.db"))) {
            store.create(Jobs.job("job_r2", "alpine").toBuilder().replica(new ReplicaLink("job_r1", 2, 3)).build());
            store.create(Jobs.job("job_other", "alpine").toBuilder().replica(new ReplicaLink("job_other", 1, 2)).build());
            store.create(Jobs.job("job_r3", "alpine").toBuilder().replica(new ReplicaLink("job_r1", 3, 3)).build());
            store.create(Jobs.job("job_r1", "alpine").toBuilder().replica(new ReplicaLink("job_r1", 1, 3)).build());
            store.create(Jobs.job("job_lone", "alpine"));

            assertEquals(List.of("job_r1", "job_r2", "job_r3"), store.replicaSet("job_r1").stream().map(Job::id).toList());
            assertEquals(store.find("job_r2").orElseThrow(), store.replicaSet("job_r1").get(1));
            assertEquals(List.of("job_other"), store.replicaSet("job_other").stream().map(Job::id).toList());
            assertEquals(List.of(), store.replicaSet("job_lone"));
        }
    }

    @Test
    void badReplicaLinksAreRefusedBeforeTheStore() {
        assertThrows(InvalidInputException.class, () -> new ReplicaLink("job 1", 1, 2));
        assertThrows(InvalidInputException.class, () -> new ReplicaLink("job_1", 0, 2));
        assertThrows(InvalidInputException.class, () -> new ReplicaLink("job_1", 3, 2));
        assertThrows(InvalidInputException.class, () -> new ReplicaLink("job_1", 1, 1));
        assertThrows(InvalidInputException.class, () -> new ReplicaLink("job_1", 1, ReplicaLink.MAX_REPLICAS + 1));
    }

    @Test
    void aRealVersion5FileIsBackedUpAndUpgradedWithEveryRowKept() throws Exception {
        Path file = dir.resolve("namdrunner.db");
        Files.write(file, Upgrades.fixture("schema5.db"));
        List<String> jobsBefore;
        List<String> historyBefore;
        try (RawDb raw = new RawDb(file)) {
            assertEquals(5, raw.count("PRAGMA user_version"));
            assertFalse(raw.rows("SELECT name FROM pragma_table_info('jobs')").contains("replica_set"));
            jobsBefore = raw.rows("SELECT * FROM jobs ORDER BY id");
            historyBefore = raw.rows("SELECT * FROM job_status_history ORDER BY id");
        }
        assertEquals(4, jobsBefore.size());
        try (SqliteJobStore store = SqliteJobStore.open(file)) {
            Backups.Backup copy = store.backups().stream().filter(b -> b.reason().equals("before-migration-5-to-6")).findFirst()
                    .orElseThrow(() -> new AssertionError("no backup before the upgrade"));
            try (RawDb raw = new RawDb(copy.file())) {
                assertEquals(5, raw.count("PRAGMA user_version"), "the copy is of the file before the upgrade");
                assertEquals(jobsBefore, raw.rows("SELECT * FROM jobs ORDER BY id"));
            }
            List<Job> jobs = store.list(JobFilter.all());
            assertEquals(4, jobs.size());
            jobs.forEach(j -> assertTrue(j.replica().isEmpty(), j + " is in no replica set"));
            assertEquals(1, jobs.stream().filter(j -> j.chain().isPresent()).count(), "the stored chain stage is still one");
        }
        try (RawDb raw = new RawDb(file)) {
            assertEquals(6, raw.count("PRAGMA user_version"));
            List<String> jobsAfter = raw.rows("SELECT * FROM jobs ORDER BY id");
            for (int i = 0; i < jobsBefore.size(); i++) {
                assertEquals(jobsBefore.get(i) + "|null|null|null", jobsAfter.get(i));
            }
            assertEquals(historyBefore, raw.rows("SELECT * FROM job_status_history ORDER BY id"));
            assertEquals("ok", raw.text("PRAGMA integrity_check"));
        }
        Upgrades.assertSchemaIsTheFreshOne(file, dir);
    }
}
