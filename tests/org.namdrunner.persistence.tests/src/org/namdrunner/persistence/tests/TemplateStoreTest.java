package org.namdrunner.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.core.store.StoreException;
import org.namdrunner.core.store.StoredTemplate;
import org.namdrunner.core.store.TemplateVariable;
import org.namdrunner.persistence.SqliteJobStore;
import org.namdrunner.persistence.internal.Schema;

/** Stored config templates (schema 3): round trips, unique names, all-or-nothing saves, the 2 → 3 upgrade. */
class TemplateStoreTest {

    @TempDir
    Path dir;

    static StoredTemplate template(String id, String name) {
        return new StoredTemplate(id, name, "namd", "a test template, with 'quotes'; and -- SQL-ish text",
                "temperature {{temperature}}\nrun {{steps}}\n# ünïcödé \"quoted\" '); DROP TABLE jobs; --\n",
                List.of(new TemplateVariable("temperature", "temperature (K)", "number", 0, 1000, "300", List.of()),
                        new TemplateVariable("steps", "steps", "integer", 1, 1e9, "1000", List.of()),
                        new TemplateVariable("restraints", "restraints file", "file", 0, 0, "", List.of("txt", "exb"))));
    }

    @Test
    void aTemplateRoundTripsExactlyAndSurvivesReopening() throws Exception {
        Path file = dir.resolve("t.db");
        StoredTemplate t = template("npt-1", "My NPT");
        try (SqliteJobStore store = SqliteJobStore.open(file)) {
            store.saveTemplates(List.of(t));
            assertEquals(t, store.findTemplate("npt-1").orElseThrow());
        }
        try (SqliteJobStore store = SqliteJobStore.open(file)) {
            assertEquals(List.of(t), store.listTemplates());
            StoredTemplate edited = new StoredTemplate("npt-1", "My NPT v2", "namd", "", "run {{steps}}\n", t.variables().subList(1, 2));
            store.saveTemplates(List.of(edited));
            assertEquals(List.of(edited), store.listTemplates(), "saved again under its id: replaced, not added");
            assertTrue(store.deleteTemplate("npt-1"));
            assertFalse(store.deleteTemplate("npt-1"));
            assertTrue(store.listTemplates().isEmpty());
        }
    }

    @Test
    void aTakenNameIsRefusedAndNothingOfTheBatchIsStored() throws Exception {
        try (SqliteJobStore store = SqliteJobStore.open(dir.resolve("t.db"))) {
            store.saveTemplates(List.of(template("a", "Equilibration")));
            StoreException e = assertThrows(StoreException.class,
                    () -> store.saveTemplates(List.of(template("b", "Fresh one"), template("c", "EQUILIBRATION"))));
            assertTrue(e.getMessage().contains("'EQUILIBRATION' is taken") && e.getMessage().contains("nothing was stored"), e.getMessage());
            assertEquals(List.of("a"), store.listTemplates().stream().map(StoredTemplate::id).toList(), "b was not stored either");

            InvalidInputException twice = assertThrows(InvalidInputException.class,
                    () -> store.saveTemplates(List.of(template("x", "Same"), template("y", "same"))));
            assertTrue(twice.getMessage().contains("given twice"), twice.getMessage());
            assertEquals(1, store.listTemplates().size());

            // two templates may swap their names in one save
            store.saveTemplates(List.of(template("b", "Production")));
            store.saveTemplates(List.of(template("a", "Production"), template("b", "Equilibration")));
            assertEquals("Production", store.findTemplate("a").orElseThrow().name());
            assertEquals("Equilibration", store.findTemplate("b").orElseThrow().name());
        }
    }

    @Test
    void badTemplatesAreRefusedBeforeTheStoreSeesThem() {
        List<TemplateVariable> none = List.of();
        assertEquals("id", assertThrows(InvalidInputException.class,
                () -> new StoredTemplate("../x", "n", "namd", "", "run 1", none)).field());
        assertEquals("name", assertThrows(InvalidInputException.class,
                () -> new StoredTemplate("x", "two\nlines", "namd", "", "run 1", none)).field());
        assertEquals("text", assertThrows(InvalidInputException.class,
                () -> new StoredTemplate("x", "n", "namd", "", "  ", none)).field());
        InvalidInputException twice = assertThrows(InvalidInputException.class, () -> new StoredTemplate("x", "n", "namd", "", "run {{a}}",
                List.of(new TemplateVariable("a", "", "text", 0, 0, "", List.of()), new TemplateVariable("a", "", "text", 0, 0, "", List.of()))));
        assertTrue(twice.getMessage().contains("'a' twice"), twice.getMessage());
        assertThrows(InvalidInputException.class, () -> new TemplateVariable("1bad", "", "text", 0, 0, "", List.of()));
        assertThrows(InvalidInputException.class, () -> new TemplateVariable("a", "", "Number!", 0, 0, "", List.of()));
        assertThrows(InvalidInputException.class, () -> new TemplateVariable("a", "", "number", 5, 1, "", List.of()));
    }

    @Test
    void aVersion2FileIsUpgradedWithEveryRowKept() throws Exception {
        Path file = dir.resolve("v2.db");
        Job job = Jobs.job("job_1", "alpine");
        try (SqliteJobStore store = SqliteJobStore.open(file)) {
            store.create(job);
            store.putMetadata("some.setting", "kept");
        }
        // make it exactly what NAMDRunner's schema 2 wrote: no job_templates table, user_version 2
        try (RawDb raw = new RawDb(file)) {
            raw.execute("DROP TABLE job_templates");
            raw.execute("PRAGMA user_version = 2");
        }
        List<String> jobsBefore;
        List<String> historyBefore;
        try (RawDb raw = new RawDb(file)) {
            jobsBefore = raw.rows("SELECT * FROM jobs ORDER BY id");
            historyBefore = raw.rows("SELECT id, job_id, old_status, new_status, changed_at, source, detail FROM job_status_history ORDER BY id");
            assertFalse(raw.rows("SELECT name FROM sqlite_master WHERE type = 'table'").contains("job_templates"));
        }
        try (SqliteJobStore store = SqliteJobStore.open(file)) {
            assertEquals(List.of(job), store.list(JobFilter.all()));
            assertEquals("kept", store.metadata("some.setting").orElseThrow());
            store.saveTemplates(List.of(template("t", "T")));
        }
        try (RawDb raw = new RawDb(file)) {
            assertEquals(Schema.CURRENT, raw.count("PRAGMA user_version"));
            assertEquals(6, Schema.CURRENT);
            assertEquals(jobsBefore, raw.rows("SELECT * FROM jobs ORDER BY id"));
            assertEquals(historyBefore, raw.rows("SELECT id, job_id, old_status, new_status, changed_at, source, detail FROM job_status_history ORDER BY id"));
            assertEquals(List.of(), raw.rows("SELECT id FROM job_status_history WHERE observed_at IS NOT NULL"), "older rows were dated when observed");
            assertEquals(1, raw.count("SELECT count(*) FROM job_templates"));
        }
        // and the upgraded schema is the fresh one
        Upgrades.assertSchemaIsTheFreshOne(file, dir);
    }

    @Test
    void aVersion7FileIsRefusedUntouched() throws Exception {
        Path file = dir.resolve("v7.db");
        try (SqliteJobStore store = SqliteJobStore.open(file)) {
            store.saveTemplates(List.of(template("t", "T")));
        }
        try (RawDb raw = new RawDb(file)) {
            raw.execute("PRAGMA user_version = 7");
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        byte[] before = Files.readAllBytes(file);
        StoreException e = assertThrows(StoreException.class, () -> SqliteJobStore.open(file));
        assertTrue(e.getMessage().contains("newer NAMDRunner (schema 7") && e.getMessage().contains("schema 6 and older"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }
}
