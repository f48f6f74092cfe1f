package org.namdrunner.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.Enumeration;

import org.namdrunner.persistence.SqliteJobStore;
import org.osgi.framework.FrameworkUtil;

/** What every schema-upgrade test needs: the real old files kept in {@code fixtures/}, and the fresh schema to compare with. */
final class Upgrades {

    private static final String SCHEMA = "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_autoindex%' "
            + "ORDER BY type, name";

    private Upgrades() {
    }

    /** The bytes of {@code fixtures/<name>} in this test bundle. */
    static byte[] fixture(String name) throws Exception {
        Enumeration<URL> found = FrameworkUtil.getBundle(Upgrades.class).findEntries("fixtures", name, false);
        if (found == null || !found.hasMoreElements()) {
            throw new AssertionError("fixture " + name + " is not in the test bundle");
        }
        try (InputStream in = found.nextElement().openStream()) {
            return in.readAllBytes();
        }
    }

    /** The upgraded file's schema is a fresh file's (made beside it in {@code dir}), to the letter. */
    static void assertSchemaIsTheFreshOne(Path upgraded, Path dir) throws Exception {
        Path fresh = dir.resolve("fresh-" + System.nanoTime() + ".db");
        SqliteJobStore.open(fresh).close();
        try (RawDb a = new RawDb(upgraded); RawDb b = new RawDb(fresh)) {
            assertEquals(b.rows(SCHEMA), a.rows(SCHEMA), "the upgraded schema is the fresh one, to the letter");
        }
    }
}
