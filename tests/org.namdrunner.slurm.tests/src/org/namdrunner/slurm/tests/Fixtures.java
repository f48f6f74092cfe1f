package org.namdrunner.slurm.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Reads fixture files from this test fragment through the OSGi bundle (so they are found in the test
 * runtime, wherever the bundle lives). {@code fixtures/real} holds outputs captured from real SLURM 22.05 (see
 * its README); {@code fixtures/seed} holds rows written from the project's cluster facts (see its README).
 */
final class Fixtures {

    static final String REAL = "fixtures/real";
    static final String SEED = "fixtures/seed";

    private Fixtures() {
    }

    /** The text of {@code folder/name}; fails the test when it is missing. */
    static String text(String folder, String name) {
        URL url = find(folder, name);
        assertNotNull(url, "fixture " + folder + "/" + name + " is missing from the test bundle");
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean exists(String folder, String name) {
        return find(folder, name) != null;
    }

    /** Names (without extension) of the captures in {@code folder} whose name starts with {@code prefix}, sorted. */
    static List<String> captureNames(String folder, String prefix) {
        Enumeration<URL> urls = bundle().findEntries(folder, prefix + "*.cmd", false);
        List<String> names = new ArrayList<>();
        if (urls != null) {
            for (URL u : Collections.list(urls)) {
                String file = u.getPath().substring(u.getPath().lastIndexOf('/') + 1);
                names.add(file.substring(0, file.length() - ".cmd".length()));
            }
        }
        Collections.sort(names);
        return names;
    }

    private static URL find(String folder, String name) {
        // findEntries also searches attached fragments; getEntry on the host bundle would not
        Enumeration<URL> urls = bundle().findEntries(folder, name, false);
        return urls != null && urls.hasMoreElements() ? urls.nextElement() : null;
    }

    private static Bundle bundle() {
        Bundle b = FrameworkUtil.getBundle(Fixtures.class);
        assertNotNull(b, "the tests must run inside OSGi (tycho-surefire)");
        return b;
    }
}
