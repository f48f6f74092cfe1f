package org.namdrunner.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.model.ErrorInfo;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.StatusChange;
import org.namdrunner.core.model.StatusSource;
import org.namdrunner.core.store.BatchResult;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.core.store.JobUpdate;
import org.namdrunner.core.store.StoreException;
import org.namdrunner.persistence.SqliteJobStore;
import org.namdrunner.persistence.internal.Database;

/** Every test uses a real SQLite file in a temporary folder. */
class SqliteJobStoreTest {

    @TempDir
    Path dir;
    private SqliteJobStore store;

    @BeforeEach
    void open() throws Exception {
        store = SqliteJobStore.open(dir.resolve("sub/folder/jobs.db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aJobComesBackExactlyAsStored() throws Exception {
        Job job = Jobs.job("job_1", "alpine").toBuilder().slurmId("4412345_7").slurmState("CANCELLED by 1001")
                .submittedAt(Jobs.T0.plusNanos(123_456_789)).startedAt(Jobs.T0.plusSeconds(60)).completedAt(Jobs.T0.plusSeconds(7200))
                .missingSince(Jobs.T0.plusSeconds(30)).outputFiles(List.of("outputs/run.dcd", "outputs/run.log"))
                .error(new ErrorInfo("NAMD", "FATAL ERROR: Unable to open PSF file", "1:0", Jobs.T0.plusSeconds(7200))).build();
        store.create(job);
        assertEquals(job, store.find("job_1").orElseThrow());
        assertEquals(List.of(job), store.list(JobFilter.all()));
        List<StatusChange> history = store.history("job_1");
        assertEquals(List.of(StatusChange.created("job_1", JobStatus.CREATED, Jobs.T0)), history);
        assertTrue(store.find("job_2").isEmpty());
    }

    @Test
    void everythingIsThereAfterReopening() throws Exception {
        Job job = Jobs.job("job_1", "alpine");
        store.create(job);
        store.apply(List.of(Jobs.move(job, JobStatus.SUBMITTING, Jobs.T0.plusSeconds(1), "submit")));
        store.putMetadata("sync.alpine.lastSuccess", "2026-11-29T10:00:05Z");
        store.saveProfile(profile("alpine", "Alpine"));
        Path file = store.file();
        store.close();
        store = SqliteJobStore.open(file);
        assertEquals(JobStatus.SUBMITTING, store.find("job_1").orElseThrow().status());
        assertEquals(List.of(JobStatus.CREATED, JobStatus.SUBMITTING), store.history("job_1").stream().map(StatusChange::to).toList());
        assertEquals("2026-11-29T10:00:05Z", store.metadata("sync.alpine.lastSuccess").orElseThrow());
        assertEquals(List.of(profile("alpine", "Alpine")), store.loadProfiles());
    }

    @Test
    void updateReplacesFieldsAndKeepsStatusAndHistory() throws Exception {
        Job job = Jobs.job("job_1", "alpine");
        store.create(job);
        List<Set<String>> heard = new ArrayList<>();
        store.addListener(heard::add);
        Job edited = job.toBuilder().name("renamed-run").outputFiles(List.of("outputs/a.dcd")).updatedAt(Jobs.T0.plusSeconds(9)).build();
        store.update(edited);
        assertEquals(edited, store.find("job_1").orElseThrow());
        assertEquals(1, store.history("job_1").size(), "an update appends no history");
        store.update(edited.toBuilder().updatedAt(Jobs.T0.plusSeconds(99)).build());
        assertEquals(Jobs.T0.plusSeconds(9), store.find("job_1").orElseThrow().updatedAt(), "nothing but the time differs: nothing written");
        assertEquals(List.of(Set.of("job_1")), heard, "one write, one notification");
    }

    @Test
    void anUpdateFromAStaleReadIsRefusedAndChangesNothing() throws Exception {
        Job job = Jobs.job("job_1", "alpine");
        store.create(job);
        store.apply(List.of(Jobs.move(job, JobStatus.SUBMITTING, Jobs.T0.plusSeconds(1), "submit")));
        StoreException e = assertThrows(StoreException.class, () -> store.update(job.toBuilder().name("stale").build()));
        assertTrue(e.getMessage().contains("SUBMITTING now, not CREATED"), e.getMessage());
        assertEquals("run-job_1", store.find("job_1").orElseThrow().name());
        StoreException missing = assertThrows(StoreException.class, () -> store.update(Jobs.job("job_9", "alpine")));
        assertTrue(missing.getMessage().contains("no job with the id 'job_9'"), missing.getMessage());
    }

    @Test
    void historyKeepsTheOrderOfEvents() throws Exception {
        Job job = Jobs.job("job_1", "alpine");
        store.create(job);
        Job current = job;
        JobStatus[] path = { JobStatus.SUBMITTING, JobStatus.PENDING, JobStatus.RUNNING, JobStatus.PENDING, JobStatus.RUNNING, JobStatus.TIMEOUT };
        for (int i = 0; i < path.length; i++) {
            // times deliberately not increasing: the order is the order of writing
            JobUpdate u = Jobs.move(current, path[i], Jobs.T0.plusSeconds(100 - i), "step " + i);
            store.apply(List.of(u));
            current = u.job();
        }
        List<StatusChange> history = store.history("job_1");
        assertEquals(List.of(JobStatus.CREATED, JobStatus.SUBMITTING, JobStatus.PENDING, JobStatus.RUNNING, JobStatus.PENDING,
                JobStatus.RUNNING, JobStatus.TIMEOUT), history.stream().map(StatusChange::to).toList());
        assertEquals(new StatusChange("job_1", JobStatus.RUNNING, JobStatus.PENDING, Jobs.T0.plusSeconds(97), StatusSource.SLURM, "step 3"),
                history.get(4));
    }

    @Test
    void filtersSelectByStatusAndClusterNewestFirst() throws Exception {
        for (int i = 0; i < 6; i++) {
            Job j = Jobs.job("job_" + i, i % 2 == 0 ? "alpine" : "local").toBuilder().createdAt(Jobs.T0.plusMillis(500L * i)).build();
            store.create(j);
            if (i < 3) {
                store.apply(List.of(Jobs.move(j, JobStatus.PENDING, Jobs.T0.plusSeconds(i), "queued")));
            }
        }
        assertEquals(List.of("job_5", "job_4", "job_3", "job_2", "job_1", "job_0"), ids(store.list(JobFilter.all())),
                "newest first, also where one time has a fraction and the other none");
        assertEquals(List.of("job_2", "job_1", "job_0"), ids(store.list(JobFilter.withStatus(Set.of(JobStatus.PENDING)))));
        assertEquals(List.of("job_2", "job_0"), ids(store.list(JobFilter.withStatus(EnumSet.of(JobStatus.PENDING)).onCluster("alpine"))));
        assertEquals(List.of("job_5", "job_3", "job_1"), ids(store.list(JobFilter.all().onCluster("local"))));
        assertEquals(List.of("job_5", "job_4", "job_3", "job_2", "job_1", "job_0"),
                ids(store.list(JobFilter.withStatus(EnumSet.of(JobStatus.PENDING, JobStatus.CREATED)))));
        assertEquals(List.of(), store.list(JobFilter.withStatus(Set.of(JobStatus.RUNNING))));
        assertEquals(List.of(), store.list(JobFilter.all().onCluster("nowhere")));
    }

    @Test
    void aBatchWritesOnlyWhatChangedAndSkipsWhatSomeoneElseMoved() throws Exception {
        Job a = Jobs.job("job_a", "alpine");
        Job b = Jobs.job("job_b", "alpine");
        Job c = Jobs.job("job_c", "alpine");
        for (Job j : List.of(a, b, c)) {
            store.create(j);
        }
        List<Set<String>> heard = new ArrayList<>();
        store.addListener(heard::add);
        Job cAsSeenBySomeoneElse = Jobs.move(c, JobStatus.PENDING, Jobs.T0, "x").job();

        BatchResult r = store.apply(List.of(
                Jobs.move(a, JobStatus.PENDING, Jobs.T0.plusSeconds(5), "queued"),
                JobUpdate.fieldsOnly(b.toBuilder().updatedAt(Jobs.T0.plusSeconds(5)).build()),
                Jobs.move(cAsSeenBySomeoneElse, JobStatus.RUNNING, Jobs.T0.plusSeconds(5), "stale view"),
                Jobs.move(Jobs.job("job_gone", "alpine"), JobStatus.PENDING, Jobs.T0, "deleted meanwhile")));
        assertEquals(List.of("job_a"), r.written());
        assertEquals(List.of("job_b"), r.unchanged(), "identical apart from the timestamp: nothing written");
        assertEquals(List.of("job_c", "job_gone"), r.conflicts(), "stored status is CREATED, not PENDING; job_gone does not exist");
        assertEquals(4, rawCount("SELECT count(*) FROM job_status_history"), "three created rows and one change");
        assertEquals(JobStatus.CREATED, store.find("job_c").orElseThrow().status());
        assertEquals(Jobs.T0, store.find("job_b").orElseThrow().updatedAt());
        assertEquals(List.of(Set.of("job_a")), heard);

        BatchResult none = store.apply(List.of(JobUpdate.fieldsOnly(store.find("job_a").orElseThrow())));
        assertEquals(List.of("job_a"), none.unchanged());
        assertEquals(1, heard.size(), "a batch that writes nothing tells nobody");
        assertEquals(new BatchResult(List.of(), List.of(), List.of()), store.apply(List.of()));
    }

    @Test
    void aBatchMayMoveOneJobTwice() throws Exception {
        Job a = Jobs.job("job_a", "alpine");
        store.create(a);
        JobUpdate first = Jobs.move(a, JobStatus.SUBMITTING, Jobs.T0.plusSeconds(1), "sbatch");
        JobUpdate second = Jobs.move(first.job(), JobStatus.PENDING, Jobs.T0.plusSeconds(2), "Priority");
        BatchResult r = store.apply(List.of(first, second));
        assertEquals(List.of("job_a", "job_a"), r.written());
        assertEquals(second.job(), store.find("job_a").orElseThrow());
        assertEquals(3, store.history("job_a").size());
    }

    @Test
    void listenersHearOnlyAfterTheCommit() throws Exception {
        List<String> seenByAnotherConnection = new ArrayList<>();
        store.addListener(ids -> {
            try (RawDb raw = new RawDb(store.file())) {
                for (String id : ids) {
                    seenByAnotherConnection.add(id + ":" + raw.text("SELECT status FROM jobs WHERE id = '" + id + "'"));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        Job job = Jobs.job("job_1", "alpine");
        store.create(job);
        store.apply(List.of(Jobs.move(job, JobStatus.SUBMITTING, Jobs.T0.plusSeconds(1), "submit")));
        store.delete("job_1");
        assertEquals(List.of("job_1:CREATED", "job_1:SUBMITTING", "job_1:null"), seenByAnotherConnection);
    }

    @Test
    void aListenerMayWaitForAnotherThreadThatReadsTheStore() throws Exception {
        List<String> readElsewhere = new ArrayList<>();
        store.addListener(ids -> {
            // what a UI listener does with Display.syncExec: another thread reads while this one waits
            Thread reader = new Thread(() -> {
                try {
                    readElsewhere.add(store.find(ids.iterator().next()).orElseThrow().name());
                } catch (StoreException e) {
                    readElsewhere.add(e.toString());
                }
            });
            reader.start();
            try {
                reader.join(20_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        store.create(Jobs.job("job_1", "alpine"));
        assertEquals(List.of("run-job_1"), readElsewhere, "the other thread was not blocked by the write that told the listener");
    }

    @Test
    void aFailingListenerNeitherUndoesNorHidesTheWrite() throws Exception {
        List<Set<String>> second = new ArrayList<>();
        store.addListener(ids -> {
            throw new IllegalStateException("listener bug");
        });
        store.addListener(second::add);
        store.create(Jobs.job("job_1", "alpine"));
        assertTrue(store.find("job_1").isPresent());
        assertEquals(List.of(Set.of("job_1")), second);
    }

    @Test
    void deletingAJobRemovesItsHistoryAndNothingElse() throws Exception {
        Job job = Jobs.job("job_1", "alpine");
        store.create(job);
        store.create(Jobs.job("job_2", "alpine"));
        store.apply(List.of(Jobs.move(job, JobStatus.PENDING, Jobs.T0.plusSeconds(1), "queued")));
        assertTrue(store.delete("job_1"));
        assertTrue(store.find("job_1").isEmpty());
        assertEquals(List.of(), store.history("job_1"));
        assertEquals(1, rawCount("SELECT count(*) FROM job_status_history"));
        assertEquals(1, store.history("job_2").size());
        assertFalse(store.delete("job_1"));
    }

    @Test
    void historyRowsCannotBeChangedOrRemovedBehindTheStoresBack() throws Exception {
        store.create(Jobs.job("job_1", "alpine"));
        try (RawDb raw = new RawDb(store.file())) {
            SQLException update = assertThrows(SQLException.class, () -> raw.execute("UPDATE job_status_history SET detail = 'rewritten'"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            SQLException delete = assertThrows(SQLException.class, () -> raw.execute("DELETE FROM job_status_history"));
            assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
        }
        assertEquals("created", store.history("job_1").get(0).detail());
    }

    @Test
    void theConnectionRunsWithWalForeignKeysBusyTimeoutAndNormalSync() throws Exception {
        try (Database db = Database.open(dir.resolve("pragmas.db"))) {
            assertEquals("wal", pragma(db, "journal_mode"));
            assertEquals("1", pragma(db, "foreign_keys"));
            assertEquals("1", pragma(db, "synchronous"), "NORMAL");
            assertEquals(Integer.toString(Database.BUSY_TIMEOUT_MS), pragma(db, "busy_timeout"));
            assertEquals("6", pragma(db, "user_version"));
        }
    }

    @Test
    void anIdleStoreHoldsNoLockSoAnotherProcessCanWrite() throws Exception {
        store.create(Jobs.job("job_1", "alpine"));
        store.list(JobFilter.all());
        try (RawDb other = new RawDb(store.file())) {
            other.execute("PRAGMA busy_timeout = 0");
            other.execute("BEGIN IMMEDIATE");
            other.execute("INSERT INTO app_metadata (key, value) VALUES ('other', 'process')");
            other.execute("COMMIT");
        }
        assertEquals("process", store.metadata("other").orElseThrow(), "and the store sees it at once");
    }

    @Test
    void settingsAndProfilesRoundTrip() throws Exception {
        assertTrue(store.metadata("missing").isEmpty());
        store.putMetadata("k", "v1");
        store.putMetadata("k", "v2");
        assertEquals("v2", store.metadata("k").orElseThrow());

        store.saveProfile(profile("alpine", "Alpine"));
        store.saveProfile(profile("beta", "Beta"));
        store.saveProfile(profile("alpine", "Alpine 2"));
        assertEquals(List.of(profile("alpine", "Alpine 2"), profile("beta", "Beta")), store.loadProfiles());
        assertTrue(store.deleteProfile("alpine"));
        assertFalse(store.deleteProfile("alpine"));
        assertEquals(List.of(profile("beta", "Beta")), store.loadProfiles());
    }

    static ClusterProfile profile(String id, String name) {
        return new ClusterProfile(id, name, "login.rc.colorado.edu", 22, "ralphie", ClusterProfile.AuthMethod.KEYBOARD_INTERACTIVE, "",
                "dtn.rc.colorado.edu", "source /etc/profile && module load slurm/alpine", List.of("module load namd"), List.of("acpu"),
                List.of("cpu-normal"), List.of("ucb-general"), "/projects/ralphie", "/scratch/alpine/ralphie", 64, 240000,
                Duration.ofDays(7), Duration.ofSeconds(60));
    }

    private static String pragma(Database db, String name) throws Exception {
        return db.read("read " + name, () -> {
            try (var rs = db.prepared("PRAGMA " + name).executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    private long rawCount(String sql) throws SQLException {
        try (RawDb raw = new RawDb(store.file())) {
            return raw.count(sql);
        }
    }

    private static List<String> ids(List<Job> jobs) {
        return jobs.stream().map(Job::id).toList();
    }
}
