package org.namdrunner.namd.tests;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.framework.FrameworkUtil;

/** Reads files from this test bundle's fixtures folder. */
final class Fixtures {

    private Fixtures() {
    }

    static String read(String name) throws IOException {
        // the classes of a fragment load through its host; findEntries also looks into the fragment
        Enumeration<URL> found = FrameworkUtil.getBundle(Fixtures.class).findEntries("fixtures", name, false);
        URL url = found == null || !found.hasMoreElements() ? null : found.nextElement();
        if (url == null) {
            throw new IOException("fixture " + name + " is not in the test bundle");
        }
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Output files as a job type is given them, all written at one time (for plans where their times do not matter). */
    static Map<String, Instant> outputs(String... names) {
        Map<String, Instant> files = new LinkedHashMap<>();
        for (String name : names) {
            files.put(name, Instant.parse("2026-11-29T10:05:00Z"));
        }
        return files;
    }
}
