package org.namdrunner.persistence;

import java.nio.file.Path;

/**
 * Where the jobs database lives: the system property {@code namdrunner.db} when set (tests, a second
 * profile), else {@code ~/.namdrunner/namdrunner.db}.
 */
public final class DatabaseLocation {

    public static final String PROPERTY = "namdrunner.db";

    private DatabaseLocation() {
    }

    public static Path resolve() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".namdrunner", "namdrunner.db");
    }
}
