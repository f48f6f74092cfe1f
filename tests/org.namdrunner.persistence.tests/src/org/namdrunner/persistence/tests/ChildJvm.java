package org.namdrunner.persistence.tests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.Platform;
import org.osgi.framework.Bundle;

/** Starts another JVM on the same bundles (as a plain class path): a second NAMDRunner process. */
final class ChildJvm {

    private static final List<String> BUNDLES = List.of("org.eclipse.equinox.common", "org.namdrunner.core",
            "org.namdrunner.persistence", "com.google.gson", "org.xerial.sqlite-jdbc", "org.namdrunner.persistence.tests");

    private ChildJvm() {
    }

    static String classPath() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String name : BUNDLES) {
            Bundle bundle = Platform.getBundle(name);
            if (bundle == null) {
                throw new IllegalStateException("bundle " + name + " is not in the test runtime");
            }
            File file = FileLocator.getBundleFileLocation(bundle).orElseThrow(() -> new IOException("no file for " + name));
            Path classes = file.toPath().resolve("target/classes");
            entries.add(file.isDirectory() && Files.isDirectory(classes) ? classes.toString() : file.toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    static ProcessBuilder command(Class<?> main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx128m",
                "--enable-native-access=ALL-UNNAMED", "-cp",
                classPath(), main.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true);
    }
}
