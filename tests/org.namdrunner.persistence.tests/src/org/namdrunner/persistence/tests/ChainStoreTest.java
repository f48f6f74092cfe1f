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
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.core.store.JobSummary;
import org.namdrunner.persistence.SqliteJobStore;
import org.namdrunner.persistence.internal.Backups;
import org.namdrunner.persistence.internal.Schema;

/**
 * Schema 5: a job's place in a chain of stages (chain_id, chain_stage, chain_label). The upgrade is tested on a real
 * version-4 file: {@code fixtures/schema4.db} was written by the SqliteJobStore of main 7bae54e (schema 4) with the
 * program kept beside it ({@code fixtures/MakeV4.java.txt}).
 */
class ChainStoreTest {

    @TempDir
    Path dir;

    @Test
    void aChainLinkRoundTripsInJobsAndSummaries() throws Exception {
        Path file = dir.resolve("jobs.db");
        Job first = Jobs.job("job_1", "alpine").toBuilder().chain(new ChainLink("job_1", 1, "step4_minimization")).build();
        Job second = Jobs.job("job_2", "alpine").toBuilder().chain(new ChainLink("job_1", 2, "step4_equilibration")).build();
        Job alone = Jobs.job("job_3", "alpine");
        try (SqliteJobStore store = SqliteJobStore.open(file)) {
            store.create(first);
            store.create(second);
            store.create(alone);
        }
        try (SqliteJobStore store = SqliteJobStore.open(file)) {
            assertEquals(first, store.find("job_1").orElseThrow());
            assertEquals(second, store.find("job_2").orElseThrow());
            assertTrue(store.find("job_3").orElseThrow().chain().isEmpty());
            List<JobSummary> summaries = store.summaries(JobFilter.all());
            for (JobSummary s : summaries) {
                assertEquals(store.find(s.id()).orElseThrow().chain().orElse(null), s.chain(), s.id());
            }
            // a chain link can be added to a stored job (an extension makes a lone job the first stage of a chain)
            Job linked = alone.toBuilder().chain(new ChainLink("job_3", 1, "production")).build();
            store.update(linked);
            assertEquals(linked.chain(), store.find("job_3").orElseThrow().chain());
        }
        try (RawDb raw = new RawDb(file)) {
            assertEquals(List.of("job_1|1|step4_minimization", "job_1|2|step4_equilibration", "job_3|1|production"),
                    raw.rows("SELECT chain_id, chain_stage, chain_label FROM jobs ORDER BY id"));
            assertEquals("integer", raw.text("SELECT typeof(chain_stage) FROM jobs WHERE id = 'job_2'"));
        }
    }

    @Test
    void aChainsStagesAreReadByTheirChainInStageOrder() throws Exception {
        try (SqliteJobStore store = SqliteJobStore.open(dir.resolve("stages.db"))) {
            // created out of order, among a lone job and another chain
            store.create(Jobs.job("job_c3", "alpine").toBuilder().chain(new ChainLink("job_c1", 3, "step5_production")).build());
            store.create(Jobs.job("job_c1", "alpine").toBuilder().chain(new ChainLink("job_c1", 1, "step4_minimization")).build());
            store.create(Jobs.job("job_other", "alpine").toBuilder().chain(new ChainLink("job_other", 1, "production")).build());
            store.create(Jobs.job("job_c2", "alpine").toBuilder().chain(new ChainLink("job_c1", 2, "step4_equilibration")).build());
            store.create(Jobs.job("job_lone", "alpine"));

            assertEquals(List.of("job_c1", "job_c2", "job_c3"), store.chainStages("job_c1").stream().map(Job::id).toList());
            assertEquals(store.find("job_c2").orElseThrow(), store.chainStages("job_c1").get(1));
            assertEquals(List.of("job_other"), store.chainStages("job_other").stream().map(Job::id).toList());
            assertEquals(List.of(), store.chainStages("job_lone"));
        }
    }

    @Test
    void badChainLinksAreRefusedBeforeTheStore() {
        assertThrows(InvalidInputException.class, () -> new ChainLink("job 1", 1, "x"));
        assertThrows(InvalidInputException.class, () -> new ChainLink("job_1", 0, "x"));
        assertThrows(InvalidInputException.class, () -> new ChainLink("job_1", 1, "equil; rm -rf ~"));
    }

    @Test
    void aRealVersion4FileIsBackedUpAndUpgradedWithEveryRowKept() throws Exception {
        Path file = dir.resolve("namdrunner.db");
        Files.write(file, Upgrades.fixture("schema4.db"));
        List<String> jobsBefore;
        List<String> historyBefore;
        List<String> metadataBefore;
        try (RawDb raw = new RawDb(file)) {
            assertEquals(4, raw.count("PRAGMA user_version"));
            assertFalse(raw.rows("SELECT name FROM pragma_table_info('jobs')").contains("chain_id"));
            jobsBefore = raw.rows("SELECT * FROM jobs ORDER BY id");
            historyBefore = raw.rows("SELECT * FROM job_status_history ORDER BY id");
            metadataBefore = raw.rows("SELECT * FROM app_metadata ORDER BY key");
        }
        assertEquals(3, jobsBefore.size());
        String stageId;
        try (SqliteJobStore store = SqliteJobStore.open(file)) {
            List<Backups.Backup> made = store.backups();
            assertTrue(made.stream().anyMatch(b -> b.reason().equals("before-migration-4-to-" + Schema.CURRENT)), made.toString());
            Backups.Backup copy = made.stream().filter(b -> b.reason().equals("before-migration-4-to-" + Schema.CURRENT)).findFirst().orElseThrow();
            try (RawDb raw = new RawDb(copy.file())) {
                assertEquals(4, raw.count("PRAGMA user_version"), "the copy is of the file before the upgrade");
                assertEquals(jobsBefore, raw.rows("SELECT * FROM jobs ORDER BY id"));
            }
            List<Job> jobs = store.list(JobFilter.all());
            assertEquals(3, jobs.size());
            jobs.forEach(j -> assertTrue(j.chain().isEmpty(), j + " is in no chain"));
            // and the upgraded file takes chains
            Job stage = jobs.get(0).toBuilder().chain(new ChainLink(jobs.get(0).id(), 1, "production")).build();
            store.update(stage);
            assertEquals(stage.chain(), store.find(stage.id()).orElseThrow().chain());
            stageId = stage.id();
        }
        try (RawDb raw = new RawDb(file)) {
            assertEquals(Schema.CURRENT, raw.count("PRAGMA user_version"));
            assertEquals(6, Schema.CURRENT);
            List<String> jobsAfter = raw.rows("SELECT * FROM jobs ORDER BY id");
            assertEquals(jobsBefore.size(), jobsAfter.size());
            int unchanged = 0;
            for (int i = 0; i < jobsBefore.size(); i++) {
                String after = jobsAfter.get(i);
                // every old column as it was (chain and replica columns null); updated_at and the chain columns only on the one job linked above
                if (!after.startsWith(stageId + "|")) {
                    assertEquals(jobsBefore.get(i) + "|null|null|null|null|null|null", after);
                    unchanged++;
                }
            }
            assertEquals(2, unchanged);
            assertEquals(historyBefore, raw.rows("SELECT * FROM job_status_history ORDER BY id"));
            assertEquals(metadataBefore, raw.rows("SELECT * FROM app_metadata ORDER BY key"));
            assertEquals("ok", raw.text("PRAGMA integrity_check"));
            assertEquals(List.of(), raw.rows("PRAGMA foreign_key_check"));
        }
        Upgrades.assertSchemaIsTheFreshOne(file, dir);
    }
}
