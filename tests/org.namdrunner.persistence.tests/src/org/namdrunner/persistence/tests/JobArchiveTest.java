package org.namdrunner.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.core.store.StoreException;
import org.namdrunner.persistence.JobArchive;
import org.namdrunner.persistence.SqliteJobStore;

/** Moving laptops: jobs with their history out of one database file and into another, only adding, never rewriting. */
class JobArchiveTest {

    @TempDir
    Path dir;

    @Test
    void exportedJobsArriveWithTheirHistoryRowForRowAndTheirProfile() throws Exception {
        Path laptop = dir.resolve("old-laptop/namdrunner.db");
        Path exported = dir.resolve("two-jobs.namdrunner");
        try (SqliteJobStore old = SqliteJobStore.open(laptop)) {
            old.saveProfile(profile("lab-alpine"));
            Job a = stored(old, "job_a", JobStatus.COMPLETED);
            stored(old, "job_b", JobStatus.RUNNING);
            stored(old, "job_c", JobStatus.PENDING);
            JobArchive.exportJobs(old, List.of("job_a", "job_b"), exported);
            assertEquals(a, old.find("job_a").orElseThrow(), "exporting changes nothing at home");
        }
        Path newLaptop = dir.resolve("new-laptop/namdrunner.db");
        try (SqliteJobStore old = SqliteJobStore.open(laptop); SqliteJobStore fresh = SqliteJobStore.open(newLaptop)) {
            stored(fresh, "job_z", JobStatus.CREATED);
            JobArchive.ImportReport report = JobArchive.importFrom(fresh, exported);
            assertEquals(List.of("job_a", "job_b"), report.imported().stream().sorted().toList());
            assertEquals(List.of(), report.alreadyHere());
            assertEquals(List.of("lab-alpine"), report.profilesAdded());
            for (String id : List.of("job_a", "job_b")) {
                assertEquals(old.find(id).orElseThrow(), fresh.find(id).orElseThrow(), id);
                assertEquals(old.history(id), fresh.history(id), "history of " + id + " row for row");
            }
            assertTrue(fresh.find("job_c").isEmpty(), "only the exported jobs travel");
            assertEquals(profile("lab-alpine"), fresh.loadProfiles().stream().filter(p -> p.id().equals("lab-alpine")).findFirst().orElseThrow());

            JobArchive.ImportReport again = JobArchive.importFrom(fresh, exported);
            assertEquals(List.of(), again.imported());
            assertEquals(List.of("job_a", "job_b"), again.alreadyHere().stream().sorted().toList());
            assertEquals(5, fresh.history("job_a").size(), "nothing doubled: CREATED, SUBMITTING, PENDING, RUNNING, COMPLETED");
        }
    }

    @Test
    void aWholeDatabaseExportImportsOnAnotherMachineAndAJobThatIsHereStaysAsItIs() throws Exception {
        Path home = dir.resolve("a/namdrunner.db");
        Path whole = dir.resolve("everything.db");
        try (SqliteJobStore a = SqliteJobStore.open(home)) {
            for (int i = 0; i < 30; i++) {
                stored(a, "job_" + i, i % 2 == 0 ? JobStatus.COMPLETED : JobStatus.PENDING);
            }
            JobArchive.exportDatabase(a, whole);
            StoreException twice = assertThrows(StoreException.class, () -> JobArchive.exportDatabase(a, whole));
            assertTrue(twice.getMessage().contains("exists already"), twice.getMessage());
        }
        try (SqliteJobStore b = SqliteJobStore.open(dir.resolve("b/namdrunner.db"))) {
            Job mine = stored(b, "job_3", JobStatus.RUNNING);
            JobArchive.ImportReport report = JobArchive.importFrom(b, whole);
            assertEquals(29, report.imported().size());
            assertEquals(List.of("job_3"), report.alreadyHere());
            assertEquals(mine, b.find("job_3").orElseThrow(), "the job already here is not overwritten");
            assertEquals(30, b.list(JobFilter.all()).size());
        }
    }

    @Test
    void anOldFileIsImportedThroughAnUpgradedCopyAndLeftAsItWas() throws Exception {
        Path v1 = dir.resolve("prototype.db");
        PrototypeDatabase.write(v1);
        byte[] before = Files.readAllBytes(v1);
        try (SqliteJobStore b = SqliteJobStore.open(dir.resolve("b/namdrunner.db"))) {
            JobArchive.ImportReport report = JobArchive.importFrom(b, v1);
            assertEquals(4, report.imported().size());
            assertEquals(JobStatus.COMPLETED, b.find("job_001").orElseThrow().status());
        }
        assertArrayEquals(before, Files.readAllBytes(v1), "the imported file is never changed");
    }

    @Test
    void aTamperedRowRefusesTheWholeImportWithItsReason() throws Exception {
        Path exported = dir.resolve("tampered.db");
        try (SqliteJobStore a = SqliteJobStore.open(dir.resolve("a/namdrunner.db"))) {
            stored(a, "job_ok", JobStatus.COMPLETED);
            stored(a, "job_bad", JobStatus.COMPLETED);
            JobArchive.exportDatabase(a, exported);
        }
        try (RawDb raw = new RawDb(exported)) {
            raw.execute("UPDATE jobs SET scratch_dir = '/scratch/x; rm -rf ~' WHERE id = 'job_bad'");
        }
        try (SqliteJobStore b = SqliteJobStore.open(dir.resolve("b/namdrunner.db"))) {
            StoreException e = assertThrows(StoreException.class, () -> JobArchive.importFrom(b, exported));
            assertTrue(e.getMessage().startsWith("Nothing was imported from " + exported), e.getMessage());
            assertTrue(e.getMessage().contains("';'"), "the reason names the character: " + e.getMessage());
            assertEquals(0, b.list(JobFilter.all()).size());
        }
    }

    @Test
    void aFolderThatIsNotTheJobsOwnIsNeverStored() throws Exception {
        try (SqliteJobStore store = SqliteJobStore.open(dir.resolve("namdrunner.db"))) {
            for (String folder : List.of("/projects/ralphie", "/scratch/alpine/ralphie/namdrunner_jobs/job_other",
                    "/namdrunner_jobs/job_x", "relative/namdrunner_jobs/job_x")) {
                Job job = Jobs.job("job_x", "lab-alpine").toBuilder().scratchDir(folder).build();
                org.namdrunner.core.model.InvalidInputException e = assertThrows(
                        org.namdrunner.core.model.InvalidInputException.class, () -> store.create(job), folder);
                assertEquals("scratchDir", e.field(), folder);
            }
            assertEquals(0, store.list(JobFilter.all()).size());
        }
    }

    private static Job stored(SqliteJobStore store, String id, JobStatus to) throws StoreException {
        Job job = Jobs.job(id, "lab-alpine");
        store.create(job);
        Job current = job;
        for (JobStatus next : List.of(JobStatus.SUBMITTING, JobStatus.PENDING, JobStatus.RUNNING, JobStatus.COMPLETED)) {
            if (current.status() == to) {
                break;
            }
            store.apply(List.of(Jobs.move(current, next, Jobs.T0.plus(Duration.ofMinutes(next.ordinal())), "step to " + next)));
            current = store.find(id).orElseThrow();
        }
        return current;
    }

    private static ClusterProfile profile(String id) {
        return new ClusterProfile(id, "Lab Alpine", "login.rc.colorado.edu", 22, "ralphie",
                ClusterProfile.AuthMethod.KEYBOARD_INTERACTIVE, "", "dtn.rc.colorado.edu", "source /etc/profile && module load slurm/alpine",
                List.of("module load namd/3.0.1_cpu"), List.of("acpu"), List.of("cpu-normal"), List.of("ucb-general"),
                "/projects/ralphie", "/scratch/alpine/ralphie", 64, 240_000, Duration.ofDays(7),
                Duration.ofSeconds(60));
    }
}
