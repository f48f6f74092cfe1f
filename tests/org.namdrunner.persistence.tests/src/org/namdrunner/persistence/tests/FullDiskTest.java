package org.namdrunner.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.core.store.JobUpdate;
import org.namdrunner.core.store.StoreException;
import org.namdrunner.persistence.SqliteJobStore;

/**
 * The database on a real, small file system (a 16 MB tmpfs mounted for the test; needs root, as ./test.sh runs):
 * a sync's batch that meets a full disk or a read-only remount fails with words a person can act on, writes
 * nothing, and the same batch goes through once space (or write access) is back.
 */
class FullDiskTest {

    @TempDir
    Path dir;

    private Path mount;

    @BeforeEach
    void mountSmallDisk() throws Exception {
        mount = dir.resolve("small-disk");
        Files.createDirectories(mount);
        run("mount", "-t", "tmpfs", "-o", "size=16m", "namdrunner-test", mount.toString());
    }

    @AfterEach
    void unmount() throws Exception {
        run("umount", "-l", mount.toString());
    }

    @Test
    void aFullDiskFailsTheBatchWholeAndTheSameBatchWorksWhenSpaceIsBack() throws Exception {
        Path db = mount.resolve("namdrunner.db");
        try (SqliteJobStore store = SqliteJobStore.open(db)) {
            List<Job> jobs = createJobs(store, 200);
            try (RawDb raw = new RawDb(db)) {
                // the write-ahead log keeps its size after a checkpoint; empty it so the batch must grow it
                raw.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            Path filler = fill(mount.resolve("filler"));
            List<JobUpdate> batch = runningWithLongReasons(jobs);

            StoreException e = assertThrows(StoreException.class, () -> store.apply(batch));
            assertTrue(e.getMessage().contains("the disk is full"), e.getMessage());
            assertUnchanged(store, jobs);

            Files.delete(filler);
            store.apply(batch);
            assertEquals(200, store.list(JobFilter.all()).stream().filter(j -> j.status() == JobStatus.RUNNING).count());
            assertEquals(2, store.history(jobs.get(7).id()).size());
        }
        try (RawDb raw = new RawDb(db)) {
            assertEquals("ok", raw.text("PRAGMA integrity_check"));
        }
    }

    /**
     * Linux refuses to remount a file system read-only while a file on it is open for writing, so the read-only case
     * is the one a person meets: the folder became read-only while NAMDRunner was closed. The open is refused with
     * words naming it, the file is unchanged, and after a read-write remount the same store opens and writes.
     */
    @Test
    void aReadOnlyFileSystemIsNamedAndWritingResumesAfterARemount() throws Exception {
        Path db = mount.resolve("namdrunner.db");
        List<Job> jobs;
        try (SqliteJobStore store = SqliteJobStore.open(db)) {
            jobs = createJobs(store, 50);
        }
        byte[] before = Files.readAllBytes(db);
        run("mount", "-o", "remount,ro", mount.toString());

        StoreException e = assertThrows(StoreException.class, () -> SqliteJobStore.open(db));
        assertTrue(e.getMessage().contains("read-only") || e.getMessage().contains("not writable"), e.getMessage());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(db)), "the file is unchanged");

        run("mount", "-o", "remount,rw", mount.toString());
        try (SqliteJobStore store = SqliteJobStore.open(db)) {
            assertUnchanged(store, jobs);
            store.apply(runningWithLongReasons(jobs));
            assertEquals(JobStatus.RUNNING, store.find(jobs.get(0).id()).orElseThrow().status());
        }
    }

    private static List<Job> createJobs(SqliteJobStore store, int n) throws StoreException {
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Job job = Jobs.job("job_" + i, "alpine").toBuilder().status(JobStatus.PENDING).slurmId(String.valueOf(5000 + i)).build();
            store.create(job);
            jobs.add(job);
        }
        return jobs;
    }

    /** Enough new pages that the write-ahead log must grow. */
    private static List<JobUpdate> runningWithLongReasons(List<Job> jobs) {
        String reason = "started on node c3cpu-a2-u15-1 ".repeat(40);
        return jobs.stream().map(j -> Jobs.move(j, JobStatus.RUNNING, Jobs.T0.plusSeconds(60), reason)).toList();
    }

    private static void assertUnchanged(SqliteJobStore store, List<Job> jobs) throws StoreException {
        for (Job j : List.of(jobs.get(0), jobs.get(jobs.size() / 2), jobs.get(jobs.size() - 1))) {
            assertEquals(JobStatus.PENDING, store.find(j.id()).orElseThrow().status(), "nothing half-written: " + j.id());
            assertEquals(1, store.history(j.id()).size(), "no history row without its job change: " + j.id());
        }
        assertEquals(0, store.list(JobFilter.all()).stream().filter(j -> j.status() != JobStatus.PENDING).count());
    }

    /** Writes until the file system says it is full; returns the file. */
    private static Path fill(Path file) throws IOException {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) {
                throw full;
            }
        }
        return file;
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (this test mounts a small tmpfs and needs root, "
                    + "as ./test.sh runs): " + out);
        }
    }
}
