package org.namdrunner.persistence.tests;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.Platform;
import org.namdrunner.core.model.Job;
import org.namdrunner.persistence.SqliteJobStore;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Another JVM on the same bundles, as a plain class path: a second NAMDRunner process. The bundles are found
 * where the test runtime loaded them from (a jar, or a project folder whose classes are in target/classes) and
 * copied once, so that a rebuild of those projects while the tests run (the working tree is shared) cannot pull
 * the classes from under the children.
 */
final class ChildJvm {

    private static String classPath;

    private ChildJvm() {
    }

    static synchronized String classPath() throws IOException {
        if (classPath == null) {
            Path snapshot = Files.createTempDirectory("namdrunner-child-classpath");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(snapshot)));
            List<String> copies = new ArrayList<>();
            int n = 0;
            for (String entry : bundleFiles()) {
                Path source = Path.of(entry);
                Path copy = snapshot.resolve(n++ + "-" + source.getFileName());
                copyTree(source, copy);
                copies.add(copy.toString());
            }
            classPath = String.join(File.pathSeparator, copies);
        }
        return classPath;
    }

    private static List<String> bundleFiles() throws IOException {
        List<String> entries = new ArrayList<>();
        // CoreException's Status asks FrameworkUtil for the calling bundle, hence the framework's jar
        for (Class<?> c : List.of(Job.class, SqliteJobStore.class, CoreException.class, com.google.gson.Gson.class,
                org.sqlite.JDBC.class, FrameworkUtil.class)) {
            Bundle bundle = FrameworkUtil.getBundle(c);
            if (bundle == null || bundle.getBundleId() == 0) {
                entries.add(codeSource(c));
            } else {
                entries.add(location(bundle));
            }
        }
        // a fragment shares its host's class loader, so it is found by name
        Bundle tests = Platform.getBundle("org.namdrunner.persistence.tests");
        if (tests == null) {
            throw new IllegalStateException("the test fragment is not in the test runtime");
        }
        entries.add(location(tests));
        return entries;
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path t = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }

    private static String location(Bundle bundle) throws IOException {
        File file = FileLocator.getBundleFileLocation(bundle)
                .orElseThrow(() -> new IOException("no file for bundle " + bundle.getSymbolicName()));
        Path classes = file.toPath().resolve("target/classes");
        return file.isDirectory() && Files.isDirectory(classes) ? classes.toString() : file.toString();
    }

    private static String codeSource(Class<?> c) throws IOException {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            throw new IOException("cannot tell where " + c.getName() + " was loaded from", e);
        }
    }

    /** {@code java -cp <bundles> main args}, with the same java as this JVM; temporary files go to {@code tmp}. */
    static ProcessBuilder command(Path tmp, Class<?> main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED",
                "-Dorg.sqlite.tmpdir=" + tmp, "-Djava.io.tmpdir=" + tmp,
                "-Duser.timezone=" + java.util.TimeZone.getDefault().getID()));   // the parent's zone (pom.xml: Asia/Kolkata)
        cmd.addAll(nativeLibrary(tmp));
        cmd.addAll(List.of("-cp", classPath(), main.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("TZ", java.util.TimeZone.getDefault().getID());
        return pb;
    }

    /**
     * SQLite's native library unpacked once, so that each of the many short-lived children does not unpack its own
     * copy (a noticeable part of a child's start, and litter after a SIGKILL). Without it the driver unpacks as usual.
     */
    private static List<String> nativeLibrary(Path tmp) throws IOException {
        String name = System.mapLibraryName("sqlitejdbc");
        Path folder = tmp.resolve("sqlite-native");
        Path lib = folder.resolve(name);
        if (!Files.exists(lib)) {
            String resource = "/org/sqlite/native/" + org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name;
            try (InputStream in = org.sqlite.JDBC.class.getResourceAsStream(resource)) {
                if (in == null) {
                    return List.of();
                }
                Files.createDirectories(folder);
                Files.copy(in, lib);
            }
        }
        return List.of("-Dorg.sqlite.lib.path=" + folder, "-Dorg.sqlite.lib.name=" + name);
    }
}
