package org.namdrunner.integration.tests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.Platform;
import org.osgi.framework.Bundle;

/**
 * Starts a separate JVM on the same bundles (as plain jars on a class path), to act as a second
 * workbench process: it really exits, and the next process really starts from the files it left.
 */
final class ChildJvm {

    private static final List<String> BUNDLES = List.of("org.eclipse.osgi", "org.eclipse.equinox.common", "org.namdrunner.core",
            "org.namdrunner.persistence", "org.namdrunner.slurm", "org.namdrunner.ssh", "org.namdrunner.namd",
            "org.eclipse.equinox.registry", "com.google.gson", "com.github.mwiede.jsch", "org.xerial.sqlite-jdbc", "org.namdrunner.testing",
            "org.namdrunner.integration.tests");

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
            // a reactor bundle under test is a folder whose classes are in target/classes
            Path classes = file.toPath().resolve("target/classes");
            entries.add(file.isDirectory() && Files.isDirectory(classes) ? classes.toString() : file.toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    /** Runs {@code mainClass} with the arguments; returns its standard output; fails on a non-zero exit. */
    static String run(Class<?> mainClass, List<String> args, long timeoutSeconds) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-Duser.timezone=" + TimeZone.getDefault().getID(), "-cp", classPath(), mainClass.getName()));
        cmd.addAll(args);
        Path out = Files.createTempFile("child-jvm", ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("TZ", TimeZone.getDefault().getID());   // the parent's zone, not the machine's
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM did not finish in " + timeoutSeconds + " s: " + Files.readString(out));
        }
        String text = Files.readString(out);
        if (p.exitValue() != 0) {
            throw new AssertionError("child JVM exited with " + p.exitValue() + ":\n" + text);
        }
        return text;
    }

    static Optional<String> line(String output, String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).strip()).findFirst();
    }
}
