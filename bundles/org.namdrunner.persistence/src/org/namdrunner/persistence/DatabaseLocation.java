package org.namdrunner.persistence;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.namdrunner.core.location.DataLocations;

/**
 * Where the jobs database lives: the database part of core's one rule for data places ({@link DataLocations}),
 * first match wins:
 * <ol>
 * <li>the system property {@value #PROPERTY} (tests, a second profile: {@code -Dnamdrunner.db=/path/jobs.db});</li>
 * <li>the Eclipse preference {@value #PREFERENCE_KEY} of node {@value #PREFERENCE_NODE}, instance scope, when the
 * preferences service is running;</li>
 * <li>{@code namdrunner.db} in the data folder ({@code -Dnamdrunner.home}, {@code NAMDRUNNER_HOME}, else
 * {@code ~/.namdrunner}).</li>
 * </ol>
 * A leading {@code ~/} means the home folder.
 */
public final class DatabaseLocation {

    public static final String PROPERTY = DataLocations.DATABASE_PROPERTY;
    public static final String PREFERENCE_NODE = DataLocations.DATABASE_PREFERENCE_NODE;
    public static final String PREFERENCE_KEY = DataLocations.DATABASE_PREFERENCE_KEY;

    private DatabaseLocation() {
    }

    public static Path resolve() {
        return DataLocations.current().database().path();
    }

    /** The rule of {@link #resolve()} on given values, with no data folder set; {@code null} or blank means "not set". */
    public static Path resolve(String property, String preference, String home) {
        Map<String, String> properties = new HashMap<>();
        properties.put(PROPERTY, property);
        properties.put("user.home", home);
        return DataLocations.of(properties, Map.of(), preference).database().path();
    }
}
