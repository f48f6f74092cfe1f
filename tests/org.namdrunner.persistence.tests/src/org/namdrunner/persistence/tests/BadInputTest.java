package org.namdrunner.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.core.store.JobUpdate;
import org.namdrunner.core.store.StoreException;
import org.namdrunner.persistence.SqliteJobStore;

/** Bad input is refused with a message that names the problem, and nothing already stored is lost or changed. */
class BadInputTest {

    @TempDir
    Path dir;
    private SqliteJobStore store;
    private Job stored;

    @BeforeEach
    void open() throws Exception {
        store = SqliteJobStore.open(dir.resolve("jobs.db"));
        stored = Jobs.job("job_1", "alpine");
        store.create(stored);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void invalidJobNamesNeverReachTheFile() throws Exception {
        for (String hostile : List.of("x; rm -rf ~", "../../etc", "a\nb", "$(id)", "caf\u00e9", "", "n".repeat(65), "-rf")) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> store.create(Jobs.job("job_2", "alpine").toBuilder().name(hostile).build()));
            assertEquals("name", e.field());
            assertTrue(e.getMessage().contains("job name"), e.getMessage());
        }
        assertNothingChanged();
    }

    @Test
    void invalidFilePathsNeverReachTheFile() throws Exception {
        for (String path : List.of("/etc/passwd", "../secret.psf", "input_files/../../x", "input_files//a.pdb", "in put/a.pdb", "~/a.psf",
                "C:\\data\\a.psf", "a.pdb;reboot")) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> store.create(Jobs.job("job_2", "alpine").toBuilder().inputFiles(List.of("input_files/ok.psf", path)).build()));
            assertEquals("path", e.field());
            assertTrue(e.getMessage().contains("'" + path.replace("\n", "") + "'") || e.getMessage().contains("path"), e.getMessage());
        }
        assertNothingChanged();
    }

    @Test
    void parametersThatAreNotAJsonObjectAreRefused() throws Exception {
        for (String bad : List.of("{\"runSteps\": ", "[1, 2]", "\"text\"", "42")) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> store.create(Jobs.job("job_2", "alpine").toBuilder().typeParameters(bad).build()));
            assertEquals("typeParameters", e.field());
            assertTrue(e.getMessage().contains("run-job_2"), "names the job: " + e.getMessage());
        }
        assertNothingChanged();
    }

    @Test
    void oneBadUpdateRefusesTheWholeBatch() throws Exception {
        store.create(Jobs.job("job_2", "alpine"));
        JobUpdate good = Jobs.move(stored, JobStatus.SUBMITTING, Jobs.T0.plusSeconds(1), "sbatch");
        JobUpdate bad = JobUpdate.fieldsOnly(store.find("job_2").orElseThrow().toBuilder().typeParameters("not json").build());
        assertThrows(InvalidInputException.class, () -> store.apply(List.of(good, bad)));
        assertEquals(JobStatus.CREATED, store.find("job_1").orElseThrow().status(), "the good update of the batch was not written either");
        assertEquals(1, store.history("job_1").size());
    }

    @Test
    void aDuplicateIdIsRefusedAndTheStoredJobKept() throws Exception {
        StoreException e = assertThrows(StoreException.class, () -> store.create(stored.toBuilder().name("other").build()));
        assertTrue(e.getMessage().contains("a job with the id 'job_1' exists already"), e.getMessage());
        assertNothingChanged();
    }

    @Test
    void idsKeysAndValuesAreChecked() throws Exception {
        for (Executable call : List.<Executable>of(() -> store.find("../x"), () -> store.find(null), () -> store.history("a b"),
                () -> store.delete("job_1; DROP TABLE jobs"), () -> store.metadata(""), () -> store.putMetadata("a\nb", "v"),
                () -> store.putMetadata("key", null), () -> store.create(null), () -> store.update(null), () -> store.saveProfile(null),
                () -> store.deleteProfile("../alpine"))) {
            InvalidInputException e = assertThrows(InvalidInputException.class, call);
            assertFalse(e.getMessage().isBlank());
        }
        assertNothingChanged();
    }

    @Test
    void aFolderIsNotADatabase() throws Exception {
        StoreException e = assertThrows(StoreException.class, () -> SqliteJobStore.open(dir));
        assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
    }

    @Test
    void aFolderThatIsAFileIsNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("notes"), "x");
        StoreException e = assertThrows(StoreException.class, () -> SqliteJobStore.open(file.resolve("jobs.db")));
        assertTrue(e.getMessage().contains("is a file, not a folder"), e.getMessage());
    }

    @Test
    void aFileThatIsNotSqliteIsLeftUntouched() throws Exception {
        Path notes = dir.resolve("notes.txt");
        byte[] content = "my precious notes, not a database\n".repeat(300).getBytes(StandardCharsets.UTF_8);
        Files.write(notes, content);
        StoreException e = assertThrows(StoreException.class, () -> SqliteJobStore.open(notes));
        assertTrue(e.getMessage().contains("is not a NAMDRunner jobs database") && e.getMessage().contains("left untouched"), e.getMessage());
        assertArrayEquals(content, Files.readAllBytes(notes));
        assertFalse(Files.exists(dir.resolve("notes.txt-wal")));
    }

    @Test
    void anotherProgramsSqliteDatabaseIsLeftUntouched() throws Exception {
        Path other = dir.resolve("other.db");
        try (RawDb raw = new RawDb(other)) {
            raw.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)");
            raw.execute("INSERT INTO photos (path) VALUES ('/home/u/cat.jpg')");
        }
        byte[] before = Files.readAllBytes(other);
        StoreException e = assertThrows(StoreException.class, () -> SqliteJobStore.open(other));
        assertTrue(e.getMessage().contains("another program") && e.getMessage().contains("photos"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(other));
    }

    @Test
    void aDatabaseOfANewerVersionIsRefusedWithoutTouchingIt() throws Exception {
        Path file = store.file();
        store.close();
        try (RawDb raw = new RawDb(file)) {
            raw.execute("PRAGMA user_version = 99");
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        byte[] before = Files.readAllBytes(file);
        StoreException e = assertThrows(StoreException.class, () -> SqliteJobStore.open(file));
        assertTrue(e.getMessage().contains("newer NAMDRunner (schema 99") && e.getMessage().contains(file.toString()), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        try (RawDb raw = new RawDb(file)) {
            assertEquals(1, raw.count("SELECT count(*) FROM jobs"));
            raw.execute("PRAGMA user_version = 2");
        }
        store = SqliteJobStore.open(file);
        assertNothingChanged();
    }

    private void assertNothingChanged() throws Exception {
        assertEquals(List.of(stored), store.list(JobFilter.all()));
        assertEquals(1, store.history("job_1").size());
    }
}
