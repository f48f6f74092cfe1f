package org.namdrunner.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.model.ErrorInfo;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.StatusChange;
import org.namdrunner.core.store.BatchResult;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.core.store.JobUpdate;
import org.namdrunner.core.store.StoreException;
import org.namdrunner.persistence.SqliteJobStore;

/** Every test uses a real SQLite file in a temporary folder. */
class SqliteJobStoreTest {

    private Path dir;
    private SqliteJobStore store;

    @BeforeEach
    void open() throws Exception {
        dir = Files.createTempDirectory("namdrunner-store");
        store = SqliteJobStore.open(dir.resolve("sub/folder/jobs.db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aJobComesBackExactlyAsStored() throws Exception {
        Job job = Jobs.job("job_1", "alpine").toBuilder()
                .error(new ErrorInfo("SUBMIT", "Invalid partition 'x'", "", Jobs.T0)).outputFiles(List.of("outputs/x.log")).build();
        store.create(job);
        assertEquals(job, store.find("job_1").orElseThrow());
        List<StatusChange> history = store.history("job_1");
        assertEquals(1, history.size());
        assertEquals(JobStatus.CREATED, history.get(0).to());
    }

    @Test
    void everythingIsThereAfterReopening() throws Exception {
        Job job = Jobs.job("job_1", "alpine");
        store.create(job);
        store.apply(List.of(Jobs.move(job, JobStatus.SUBMITTING, Jobs.T0.plusSeconds(1), "submit")));
        store.putMetadata("sync.alpine.lastSuccess", "2026-11-29T10:00:05Z");
        Path file = store.file();
        store.close();
        store = SqliteJobStore.open(file);
        assertEquals(JobStatus.SUBMITTING, store.find("job_1").orElseThrow().status());
        assertEquals(2, store.history("job_1").size());
        assertEquals("2026-11-29T10:00:05Z", store.metadata("sync.alpine.lastSuccess").orElseThrow());
    }

    @Test
    void historyKeepsTheOrderOfEvents() throws Exception {
        Job job = Jobs.job("job_1", "alpine");
        store.create(job);
        Job current = job;
        JobStatus[] path = { JobStatus.SUBMITTING, JobStatus.PENDING, JobStatus.RUNNING, JobStatus.PENDING, JobStatus.RUNNING, JobStatus.TIMEOUT };
        for (int i = 0; i < path.length; i++) {
            JobUpdate u = Jobs.move(current, path[i], Jobs.T0.plusSeconds(i + 1), "step " + i);
            store.apply(List.of(u));
            current = u.job();
        }
        List<JobStatus> seen = store.history("job_1").stream().map(StatusChange::to).toList();
        assertEquals(List.of(JobStatus.CREATED, JobStatus.SUBMITTING, JobStatus.PENDING, JobStatus.RUNNING, JobStatus.PENDING,
                JobStatus.RUNNING, JobStatus.TIMEOUT), seen);
        assertEquals("step 3", store.history("job_1").get(4).detail());
    }

    @Test
    void filtersSelectByStatusAndCluster() throws Exception {
        for (int i = 0; i < 6; i++) {
            Job j = Jobs.job("job_" + i, i % 2 == 0 ? "alpine" : "local");
            store.create(j);
            if (i < 3) {
                store.apply(List.of(Jobs.move(j, JobStatus.PENDING, Jobs.T0.plusSeconds(i), "queued")));
            }
        }
        assertEquals(6, store.list(JobFilter.all()).size());
        assertEquals(3, store.list(JobFilter.withStatus(Set.of(JobStatus.PENDING))).size());
        assertEquals(Set.of("job_0", "job_2"), ids(store.list(JobFilter.withStatus(Set.of(JobStatus.PENDING))).stream()
                .filter(j -> j.clusterProfileId().equals("alpine")).toList()));
        assertEquals(Set.of("job_0", "job_2"), ids(store.list(JobFilter.withStatus(EnumSet.of(JobStatus.PENDING)).onCluster("alpine"))));
        assertEquals(Set.of("job_1", "job_3", "job_5"), ids(store.list(JobFilter.all().onCluster("local"))));
    }

    @Test
    void aBatchWritesOnlyWhatChangedAndSkipsWhatSomeoneElseMoved() throws Exception {
        Job a = Jobs.job("job_a", "alpine");
        Job b = Jobs.job("job_b", "alpine");
        Job c = Jobs.job("job_c", "alpine");
        for (Job j : List.of(a, b, c)) {
            store.create(j);
        }
        List<String> heard = new ArrayList<>();
        store.addListener(ids -> heard.addAll(ids));
        long before = totalRows("job_status_history");

        BatchResult r = store.apply(List.of(
                Jobs.move(a, JobStatus.PENDING, Jobs.T0.plusSeconds(5), "queued"),
                JobUpdate.fieldsOnly(b.toBuilder().updatedAt(Jobs.T0.plusSeconds(5)).build()),
                new JobUpdate(Jobs.move(c, JobStatus.PENDING, Jobs.T0, "x").job().toBuilder().status(JobStatus.RUNNING).build(),
                        JobStatus.PENDING, new StatusChange("job_c", JobStatus.PENDING, JobStatus.RUNNING, Jobs.T0, org.namdrunner.core.model.StatusSource.SLURM, "stale view"))));
        assertEquals(List.of("job_a"), r.written());
        assertEquals(List.of("job_b"), r.unchanged(), "identical apart from the timestamp: nothing written");
        assertEquals(List.of("job_c"), r.conflicts(), "stored status is CREATED, not PENDING");
        assertEquals(before + 1, totalRows("job_status_history"));
        assertEquals(JobStatus.CREATED, store.find("job_c").orElseThrow().status());
        assertEquals(Jobs.T0, store.find("job_b").orElseThrow().updatedAt());
        assertEquals(List.of("job_a"), heard);
    }

    @Test
    void deletingAJobRemovesItsHistory() throws Exception {
        Job job = Jobs.job("job_1", "alpine");
        store.create(job);
        store.apply(List.of(Jobs.move(job, JobStatus.PENDING, Jobs.T0.plusSeconds(1), "queued")));
        assertTrue(store.delete("job_1"));
        assertTrue(store.find("job_1").isEmpty());
        assertEquals(0, totalRows("job_status_history"));
        assertFalse(store.delete("job_1"));
    }

    @Test
    void badInputIsRefusedAndNothingStoredIsLost() throws Exception {
        Job job = Jobs.job("job_1", "alpine");
        store.create(job);
        StoreException dup = assertThrows(StoreException.class, () -> store.create(job.toBuilder().name("other").build()));
        assertTrue(dup.getMessage().contains("already exists"), dup.getMessage());
        assertEquals("run-job_1", store.find("job_1").orElseThrow().name());
        for (String hostile : List.of("x; rm -rf ~", "../../etc", "a\nb", "$(id)", "caf\u00e9")) {
            assertThrows(InvalidInputException.class, () -> store.create(Jobs.job("job_2", "alpine").toBuilder().name(hostile).build()));
        }
        assertEquals(1, store.list(JobFilter.all()).size());
        assertEquals(1, totalRows("job_status_history"));
    }

    @Test
    void aDatabaseFromANewerVersionIsRefusedWithoutTouchingIt() throws Exception {
        Path file = store.file();
        store.close();
        try (Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, new java.util.Properties());
                Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        StoreException e = assertThrows(StoreException.class, () -> SqliteJobStore.open(file));
        assertTrue(e.getMessage().contains("newer NAMDRunner"), e.getMessage());
        try (Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, new java.util.Properties());
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM jobs")) {
            assertTrue(rs.next());
        }
        store = SqliteJobStore.open(dir.resolve("other.db"));
    }

    @Test
    void profilesAreKeptWithoutSecrets() throws Exception {
        ClusterProfile p = new ClusterProfile("alpine", "Alpine", "login.rc.colorado.edu", 22, "ralphie",
                ClusterProfile.AuthMethod.KEYBOARD_INTERACTIVE, "", "dtn.rc.colorado.edu", "source /etc/profile && module load slurm/alpine",
                List.of("module load namd"), List.of("acpu"), List.of("cpu-normal"), List.of("ucb-general"), "/projects/ralphie",
                "/scratch/alpine/ralphie", 64, 240000, java.time.Duration.ofDays(7), java.time.Duration.ofSeconds(60));
        store.saveProfile(p);
        assertEquals(List.of(p), store.loadProfiles());
        store.saveProfile(new ClusterProfile("alpine", "Alpine 2", p.host(), 22, "ralphie", p.authMethod(), "", "", "", List.of(),
                List.of(), List.of(), List.of(), "/p", "/s", 1, 1, java.time.Duration.ofHours(1), java.time.Duration.ofSeconds(60)));
        assertEquals("Alpine 2", store.loadProfiles().get(0).name());
        assertTrue(store.deleteProfile("alpine"));
        assertTrue(store.loadProfiles().isEmpty());
    }

    private long totalRows(String table) throws Exception {
        try (Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + store.file(), new java.util.Properties());
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Set<String> ids(List<Job> jobs) {
        return Set.copyOf(jobs.stream().map(Job::id).toList());
    }
}
