package org.namdrunner.namd.tests;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;

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
}
