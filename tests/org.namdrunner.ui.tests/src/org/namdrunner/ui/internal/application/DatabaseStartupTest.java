package org.namdrunner.ui.internal.application;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.persistence.SqliteJobStore;
import org.namdrunner.ui.tests.Dialogs;
import org.namdrunner.ui.tests.Screenshots;
import org.namdrunner.ui.tests.Ui;
import org.namdrunner.ui.tests.Widgets;

/**
 * [J] rule 9, the person's side: what start-up does with a damaged or foreign file at the database path, with the
 * real dialog in the running workbench (the check itself runs before the workbench in the product; here it is given
 * a database of its own). The file is real SQLite, damaged the way a failing disk does it (three zeroed pages).
 */
class DatabaseStartupTest {

    private final Path dir;

    DatabaseStartupTest() throws java.io.IOException {
        dir = Files.createTempDirectory("namdrunner-startup-db");
    }

    @Test
    void aDamagedDatabaseIsExplainedLeftUntouchedAndItsLatestBackupRestoredWhenThePersonAsks() throws Exception {
        Path db = dir.resolve("namdrunner.db");
        try (SqliteJobStore store = SqliteJobStore.open(db)) {
            for (int i = 0; i < 300; i++) {
                Instant t = Instant.parse("2026-12-01T10:00:00Z");
                store.create(Job.builder().id("job_" + i).name("run-" + i).jobTypeId("namd").clusterProfileId("alpine")
                        .status(JobStatus.CREATED).createdAt(t).build());
            }
        }
        long length = Files.size(db);
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.seek(length / 2 / 4096 * 4096);
            f.write(new byte[3 * 4096]);
        }
        byte[] damaged = Files.readAllBytes(db);

        AtomicReference<DatabaseStartup.Outcome> outcome = new AtomicReference<>();
        Ui.async(() -> outcome.set(DatabaseStartup.check(Ui.display(), db)));
        Shell dialog = Dialogs.waitFor(DatabaseStartup.TITLE, Duration.ofSeconds(30));
        String text = Dialogs.text(dialog);
        assertTrue(text.contains("is damaged") && text.contains("left untouched") && text.contains("latest backup"), text);
        assertTrue(hasButton(dialog, DatabaseStartup.QUIT));
        Screenshots.capture(dialog, "damaged-database");
        assertArrayEquals(damaged, Files.readAllBytes(db), "the file changed while the person read the dialog");

        Dialogs.press(dialog, DatabaseStartup.RESTORE);
        Ui.waitUntil("the check to return", Duration.ofSeconds(30), () -> outcome.get() != null);
        assertEquals(DatabaseStartup.Outcome.RESTORED, outcome.get());
        try (SqliteJobStore store = SqliteJobStore.open(db)) {
            assertFalse(store.list(JobFilter.all()).isEmpty(), "the backup's jobs are there");
        }
        try (var files = Files.list(dir)) {
            Path kept = files.filter(p -> p.getFileName().toString().contains("damaged")).findFirst()
                    .orElseThrow(() -> new AssertionError("the damaged file was not kept"));
            assertArrayEquals(damaged, Files.readAllBytes(kept), "the damaged file is kept as it was");
        }
    }

    @Test
    void aForeignFileIsRefusedUntouchedAndOnlyQuitIsOffered() throws Exception {
        Path db = Files.writeString(dir.resolve("namdrunner.db"), "these are someone's notes, not a database\n".repeat(200));
        byte[] before = Files.readAllBytes(db);
        AtomicReference<DatabaseStartup.Outcome> outcome = new AtomicReference<>();
        Ui.async(() -> outcome.set(DatabaseStartup.check(Ui.display(), db)));
        Shell dialog = Dialogs.waitFor(DatabaseStartup.TITLE, Duration.ofSeconds(30));
        String text = Dialogs.text(dialog);
        assertTrue(text.contains(db.toString()) && text.contains("will not change or replace this file"), text);
        assertFalse(hasButton(dialog, DatabaseStartup.RESTORE), "nothing to restore is offered");
        Dialogs.press(dialog, DatabaseStartup.QUIT);
        Ui.waitUntil("the check to return", Duration.ofSeconds(30), () -> outcome.get() != null);
        assertEquals(DatabaseStartup.Outcome.QUIT, outcome.get());
        assertArrayEquals(before, Files.readAllBytes(db));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no file was added beside it");
        }
    }

    private static boolean hasButton(Shell dialog, String label) {
        return Ui.sync(() -> {
            try {
                Widgets.button(dialog, label);
                return true;
            } catch (AssertionError none) {
                return false;
            }
        });
    }

    @Test
    void aHealthyDatabaseOpensWithoutADialog() {
        assertEquals(DatabaseStartup.Outcome.OPEN, Ui.sync(() -> DatabaseStartup.check(Ui.display(), dir.resolve("fresh.db"))));
    }
}
