package org.namdrunner.persistence;

import java.nio.file.Path;

import org.namdrunner.persistence.internal.PreferredLocation;

/**
 * Where the jobs database lives, first match wins:
 * <ol>
 * <li>the system property {@value #PROPERTY} (tests, a second profile: {@code -Dnamdrunner.db=/path/jobs.db});</li>
 * <li>the Eclipse preference {@value #PREFERENCE_KEY} of node {@value #PREFERENCE_NODE}, instance scope, when the
 * preferences service is running;</li>
 * <li>{@code ~/.namdrunner/namdrunner.db}.</li>
 * </ol>
 * A leading {@code ~/} means the home folder.
 */
public final class DatabaseLocation {

    public static final String PROPERTY = "namdrunner.db";
    public static final String PREFERENCE_NODE = "org.namdrunner.persistence";
    public static final String PREFERENCE_KEY = "databasePath";

    private DatabaseLocation() {
    }

    public static Path resolve() {
        return resolve(System.getProperty(PROPERTY), PreferredLocation.read(PREFERENCE_NODE, PREFERENCE_KEY),
                System.getProperty("user.home"));
    }

    /** The rule of {@link #resolve()} on given values; {@code null} or blank means "not set". */
    public static Path resolve(String property, String preference, String home) {
        for (String configured : new String[] { property, preference }) {
            if (configured != null && !configured.isBlank()) {
                String p = configured.strip();
                if (p.equals("~") || p.startsWith("~/") || p.startsWith("~\\")) {
                    return Path.of(home, p.substring(1).replaceFirst("^[/\\\\]", "")).toAbsolutePath().normalize();
                }
                return Path.of(p).toAbsolutePath().normalize();
            }
        }
        return Path.of(home, ".namdrunner", "namdrunner.db");
    }
}
