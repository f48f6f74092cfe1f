package org.namdrunner.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.persistence.DamagedDatabaseException;
import org.namdrunner.persistence.SqliteJobStore;
import org.namdrunner.persistence.internal.Backups;
import org.namdrunner.persistence.internal.Database;
import org.namdrunner.persistence.internal.Schema;

/** Automatic backups with SQLite's online backup API, and a damaged file refused untouched with the backup offered. */
class BackupTest {

    @TempDir
    Path dir;

    @Test
    void anUpgradeIsPrecededByABackupOfTheOldFile() throws Exception {
        Path db = dir.resolve("namdrunner.db");
        PrototypeDatabase.write(db);
        byte[] before = Files.readAllBytes(db);
        try (SqliteJobStore store = SqliteJobStore.open(db)) {
            assertEquals(4, store.list(JobFilter.all()).size());
            List<Backups.Backup> made = store.backups();
            assertEquals(List.of("before-migration-1-to-" + Schema.CURRENT), made.stream().map(Backups.Backup::reason).toList());
            try (RawDb copy = new RawDb(made.get(0).file())) {
                assertEquals("1", copy.text("PRAGMA user_version"), "the copy is of the file before the upgrade");
                assertEquals(4, copy.count("SELECT count(*) FROM jobs"));
            }
            assertTrue(before.length > 0);
        }
    }

    @Test
    void oneBackupADayIsMadeAndTheNewestSevenAreKept() throws Exception {
        Path db = dir.resolve("jobs.db");
        MovableClock clock = new MovableClock(Instant.parse("2026-12-01T08:00:00Z"));
        Backups backups = new Backups(db, 7, clock);
        try (Database open = Database.open(db, backups)) {
            // no file yet at open: the first write makes the first copy
            assertEquals(0, backups.list().size());
        }
        for (int day = 0; day < 10; day++) {
            try (SqliteJobStoreOnClock store = SqliteJobStoreOnClock.open(db, backups)) {
                store.create("job_" + day);
                store.create("job_" + day + "b");
                assertEquals(Math.min(day + 1, 7), backups.list().size(), "one copy a day, day " + day);
            }
            clock.advance(Duration.ofHours(25));
        }
        List<Backups.Backup> kept = backups.list();
        assertEquals(7, kept.size());
        assertTrue(kept.get(0).madeAt().isAfter(kept.get(6).madeAt()), "newest first");
        // the newest copy was made when day 9 opened the file (due since day 8's copy), before day 9's jobs
        try (RawDb newest = new RawDb(kept.get(0).file())) {
            assertEquals(18, newest.count("SELECT count(*) FROM jobs"));
        }
        try (Stream<Path> files = Files.list(backups.folder())) {
            assertEquals(0, files.filter(f -> f.toString().endsWith(".part")).count(), "no half copies left");
        }
    }

    @Test
    void aDamagedFileIsRefusedUntouchedAndItsBackupRestores() throws Exception {
        Path db = dir.resolve("namdrunner.db");
        try (SqliteJobStore store = SqliteJobStore.open(db)) {
            for (int i = 0; i < 300; i++) {
                store.create(Jobs.job("job_" + i, "alpine"));
            }
            assertEquals(1, store.backups().size(), "the first write of a new file is backed up");
        }
        long length = Files.size(db);
        // zero three pages in the middle of the jobs table, as a failing disk might
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.seek(length / 2 / 4096 * 4096);
            f.write(new byte[3 * 4096]);
        }
        byte[] damaged = Files.readAllBytes(db);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(damaged);
        List<Path> filesBefore = list(dir);

        DamagedDatabaseException e = assertThrows(DamagedDatabaseException.class, () -> SqliteJobStore.open(db));
        assertTrue(e.getMessage().contains("is damaged") && e.getMessage().contains("left untouched"), e.getMessage());
        Path backup = e.latestBackup().orElseThrow();
        assertTrue(e.getMessage().contains(backup.getFileName().toString()), "the message names the backup: " + e.getMessage());
        assertArrayEquals(digest, MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(db)), "not a byte changed");
        assertEquals(filesBefore, list(dir), "no -wal/-shm or other file appeared");

        Path kept = SqliteJobStore.restoreBackup(db, backup).orElseThrow();
        assertArrayEquals(damaged, Files.readAllBytes(kept), "the damaged file is kept under another name");
        try (SqliteJobStore store = SqliteJobStore.open(db)) {
            assertEquals(1, store.list(JobFilter.all()).size(), "the backup held the state after the first write");
            assertEquals(JobStatus.CREATED, store.find("job_0").orElseThrow().status());
        }
    }

    @Test
    void aBackupThatIsDamagedToIsNotRestored() throws Exception {
        Path db = dir.resolve("namdrunner.db");
        try (SqliteJobStore store = SqliteJobStore.open(db)) {
            store.create(Jobs.job("job_a", "alpine"));
        }
        Path notADatabase = dir.resolve("backups/namdrunner-20261201T000000.000Z-daily.db");
        Files.writeString(notADatabase, "this is not a database, it is text long enough to look like something else entirely");
        byte[] current = Files.readAllBytes(db);
        Exception e = assertThrows(Exception.class, () -> SqliteJobStore.restoreBackup(db, notADatabase));
        assertTrue(e.getMessage().contains("nothing was changed"), e.getMessage());
        assertArrayEquals(current, Files.readAllBytes(db));
    }

    private static List<Path> list(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> !Files.isDirectory(p)).sorted().toList();
        }
    }

    /** A clock the test moves; time is the input here, not a fault. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** The store's own job table on a Database opened with the test's backups. */
    static final class SqliteJobStoreOnClock implements AutoCloseable {
        private final Database db;

        private SqliteJobStoreOnClock(Database db) {
            this.db = db;
        }

        static SqliteJobStoreOnClock open(Path file, Backups backups) throws Exception {
            return new SqliteJobStoreOnClock(Database.open(file, backups));
        }

        void create(String id) throws Exception {
            String[] row = org.namdrunner.persistence.internal.JobRows.values(Jobs.job(id, "alpine"));
            org.namdrunner.persistence.internal.JobTable jobs = new org.namdrunner.persistence.internal.JobTable(db);
            db.write("store " + id, () -> jobs.insert(row));
        }

        @Override
        public void close() {
            db.close();
        }
    }
}
