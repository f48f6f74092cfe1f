package org.namdrunner.help.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.location.DataLocations;
import org.osgi.framework.Bundle;

/**
 * The text of Help &gt; Report a Problem: product and bundle versions, Java and operating system, where the data
 * lives, the cluster profiles by name (host, user and login kind; never command prefixes, module lines or key
 * files, which people fill with anything), and the end of the Error Log — with every secret taken out by
 * {@link SecretScrubber} at the end, over the whole text.
 */
public final class ProblemReport {

    /** The Error Log can grow large; the end of it is what a report needs. */
    static final int LOG_TAIL_BYTES = 256 * 1024;

    /** What goes into a report; each part may be empty. */
    public record Inputs(String product, List<Bundle> bundles, Map<String, DataLocations.Place> places,
            List<ClusterProfile> profiles, String profilesNote, Path errorLog, SecretScrubber scrubber) {
    }

    private ProblemReport() {
    }

    public static String build(Inputs in) {
        StringBuilder b = new StringBuilder();
        b.append("NAMDRunner problem report, ").append(Instant.now()).append("\n");
        b.append("(Passwords, passphrases, keys, TOTP secrets and tokens are removed. Please add what you did and what you expected.)\n");

        section(b, "Product");
        b.append(in.product()).append('\n');

        section(b, "Java and operating system");
        for (String p : List.of("java.version", "java.vendor", "java.vm.name", "os.name", "os.version", "os.arch", "osgi.ws",
                "osgi.nl", "file.encoding")) {
            b.append(p).append(" = ").append(System.getProperty(p, "")).append('\n');
        }
        b.append("max heap = ").append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MB, processors = ")
                .append(Runtime.getRuntime().availableProcessors()).append('\n');

        section(b, "Where the data lives");
        in.places().forEach((what, place) -> b.append(what).append(": ").append(place.path()).append("  (").append(place.setBy())
                .append(Files.exists(place.path()) ? "" : ", does not exist yet").append(")\n"));

        section(b, "Cluster profiles");
        if (in.profilesNote() != null) {
            b.append(in.profilesNote()).append('\n');
        }
        for (ClusterProfile p : in.profiles()) {
            b.append(p.name()).append(" [").append(p.id()).append("]: ")
                    .append(p.user().isEmpty() ? "" : p.user() + "@").append(p.host()).append(':').append(p.port())
                    .append(", login ").append(p.authMethod())
                    .append(p.keyFile().isEmpty() ? "" : ", with a key file")
                    .append(p.transferHost().isEmpty() ? "" : ", transfers via " + p.transferHost())
                    .append(", ").append(p.partitions().size()).append(" partitions").append('\n');
        }
        if (in.profiles().isEmpty() && in.profilesNote() == null) {
            b.append("(none saved)\n");
        }

        section(b, "Plug-ins");
        in.bundles().stream().sorted(Comparator.comparing(Bundle::getSymbolicName))
                .forEach(bd -> b.append(bd.getSymbolicName()).append(' ').append(bd.getVersion()).append(' ')
                        .append(state(bd.getState())).append('\n'));

        section(b, "Error Log (" + (in.errorLog() == null ? "none" : in.errorLog()) + ")");
        b.append(logTail(in.errorLog()));
        return in.scrubber().scrub(b.toString());
    }

    private static void section(StringBuilder b, String title) {
        b.append("\n== ").append(title).append(" ==\n");
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "active";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.STARTING -> "starting (lazy)";
            case Bundle.INSTALLED -> "INSTALLED (not resolved)";
            default -> String.valueOf(state);
        };
    }

    static String logTail(Path log) {
        if (log == null || !Files.isRegularFile(log)) {
            return "(no Error Log yet: nothing has been logged)\n";
        }
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            long length = f.length();
            long start = Math.max(0, length - LOG_TAIL_BYTES);
            byte[] bytes = new byte[(int) (length - start)];
            f.seek(start);
            f.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (start > 0) {
                int session = text.indexOf("\n!ENTRY");
                text = "(the first " + start + " bytes are left out)\n" + (session >= 0 ? text.substring(session + 1) : text);
            }
            return text.endsWith("\n") ? text : text + "\n";
        } catch (IOException e) {
            return "(the Error Log could not be read: " + e.getMessage() + ")\n";
        }
    }

}
