package org.namdrunner.core.location;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.core.runtime.preferences.InstanceScope;

/**
 * The one rule for where NAMDRunner keeps its files on this computer (docs/data-locations.md). For each place the
 * first setting that is given wins:
 * <ul>
 * <li><b>home</b>: Java's {@code user.home}. Java takes it from the account database, not from {@code $HOME}; our
 * start scripts pass {@code -Duser.home="$HOME"}, so with them {@code HOME} counts.</li>
 * <li><b>data folder</b>: {@code -Dnamdrunner.home}, else the environment variable {@code NAMDRUNNER_HOME}, else
 * {@code <home>/.namdrunner}.</li>
 * <li><b>database</b>: {@code -Dnamdrunner.db}, else the preference {@code databasePath} of
 * {@code org.namdrunner.persistence}, else {@code <data folder>/namdrunner.db}.</li>
 * <li><b>workspace</b> (window layout, preferences): {@code -data} ({@code osgi.instance.area}), else
 * {@code <data folder>/workspace}; the <b>Error Log</b> is {@code <workspace>/.metadata/.log} unless
 * {@code osgi.logfile} names another file.</li>
 * <li><b>known hosts</b>: {@code -Dnamdrunner.knownHosts}, else {@code <home>/.ssh/known_hosts} (shared with
 * OpenSSH); the SSH config and default keys are in {@code <home>/.ssh}.</li>
 * </ul>
 * A configured path may start with {@code ~/} for the home folder; a relative one is taken from the working
 * folder. Secrets are in none of these places (Eclipse secure storage, see docs/transport.md).
 */
public final class DataLocations {

    public static final String HOME_PROPERTY = "namdrunner.home";
    public static final String HOME_VARIABLE = "NAMDRUNNER_HOME";
    public static final String DATABASE_PROPERTY = "namdrunner.db";
    public static final String DATABASE_PREFERENCE_NODE = "org.namdrunner.persistence";
    public static final String DATABASE_PREFERENCE_KEY = "databasePath";
    public static final String KNOWN_HOSTS_PROPERTY = "namdrunner.knownHosts";
    static final String INSTANCE_AREA_PROPERTY = "osgi.instance.area";
    /**
     * Set by the application when it put the workspace where this rule says (the platform then records it in
     * {@code osgi.instance.area} like a {@code -data}): which setting chose it.
     */
    public static final String WORKSPACE_SET_BY_PROPERTY = "namdrunner.workspaceSetBy";
    static final String LOG_FILE_PROPERTY = "osgi.logfile";

    /** A place and the setting it came from, in the words the About page shows. */
    public record Place(Path path, String setBy) {
    }

    private final Function<String, String> properties;
    private final Function<String, String> environment;
    private final Supplier<String> databasePreference;

    private DataLocations(Function<String, String> properties, Function<String, String> environment,
            Supplier<String> databasePreference) {
        this.properties = properties;
        this.environment = environment;
        this.databasePreference = databasePreference;
    }

    /**
     * The places of this process: its system properties, environment and (read only when the database is asked
     * for, so that the workspace can still be chosen before anything reads preferences) the database preference.
     */
    public static DataLocations current() {
        return new DataLocations(System::getProperty, System::getenv, DataLocations::preferredDatabase);
    }

    /** The rule on given settings (tests, tools); a {@code null} or blank value means "not set". */
    public static DataLocations of(Map<String, String> properties, Map<String, String> environment, String databasePreference) {
        return new DataLocations(properties::get, environment::get, () -> databasePreference);
    }

    public Place home() {
        String home = given(properties.apply("user.home"));
        return new Place(Path.of(home == null ? "." : home).toAbsolutePath().normalize(), "user.home");
    }

    public Place dataFolder() {
        Place configured = configured("-D" + HOME_PROPERTY, properties.apply(HOME_PROPERTY));
        if (configured == null) {
            configured = configured(HOME_VARIABLE, environment.apply(HOME_VARIABLE));
        }
        return configured != null ? configured : new Place(home().path().resolve(".namdrunner"), "default: <home>/.namdrunner");
    }

    public Place database() {
        Place configured = configured("-D" + DATABASE_PROPERTY, properties.apply(DATABASE_PROPERTY));
        if (configured == null) {
            configured = configured("preference " + DATABASE_PREFERENCE_NODE + "/" + DATABASE_PREFERENCE_KEY, databasePreference.get());
        }
        return configured != null ? configured : new Place(dataFolder().path().resolve("namdrunner.db"), "default: <data folder>/namdrunner.db");
    }

    public Place workspace() {
        String area = given(properties.apply(INSTANCE_AREA_PROPERTY));
        if (area != null && (area.startsWith("@none") || area.startsWith("@noDefault"))) {
            area = null; // Equinox's "no workspace yet": the application chooses it by this rule
        }
        if (area != null) {
            String setBy = given(properties.apply(WORKSPACE_SET_BY_PROPERTY));
            return new Place(fromUrlOrPath(area), setBy == null ? "-data" : setBy);
        }
        return new Place(dataFolder().path().resolve("workspace"), "default: <data folder>/workspace");
    }

    public Place errorLog() {
        // Equinox sets osgi.logfile itself once it runs (to the default below unless -Dosgi.logfile said otherwise)
        Place configured = configured(LOG_FILE_PROPERTY, properties.apply(LOG_FILE_PROPERTY));
        return configured != null ? configured
                : new Place(workspace().path().resolve(".metadata").resolve(".log"), "default: <workspace>/.metadata/.log");
    }

    public Place knownHosts() {
        Place configured = configured("-D" + KNOWN_HOSTS_PROPERTY, properties.apply(KNOWN_HOSTS_PROPERTY));
        return configured != null ? configured : new Place(sshFolder().resolve("known_hosts"), "default: <home>/.ssh/known_hosts");
    }

    /** The OpenSSH client folder: config, default keys (and known_hosts unless it is set elsewhere). */
    public Path sshFolder() {
        return home().path().resolve(".ssh");
    }

    /** Expands a leading {@code ~} to the home folder; other paths are made absolute. */
    public Path expand(String path) {
        String p = path.strip();
        if (p.equals("~") || p.startsWith("~/") || p.startsWith("~\\")) {
            return home().path().resolve(p.substring(1).replaceFirst("^[/\\\\]+", "")).normalize();
        }
        return Path.of(p).toAbsolutePath().normalize();
    }

    /** Every place, in the order the About page and the documentation list them. */
    public Map<String, Place> all() {
        Map<String, Place> all = new LinkedHashMap<>();
        all.put("Home folder", home());
        all.put("Data folder", dataFolder());
        all.put("Jobs database", database());
        all.put("Workspace", workspace());
        all.put("Error Log", errorLog());
        all.put("Known hosts", knownHosts());
        return all;
    }

    private Place configured(String setBy, String value) {
        String v = given(value);
        return v == null ? null : new Place(expand(v), setBy);
    }

    private static String given(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private Path fromUrlOrPath(String area) {
        String a = area.strip();
        if (a.startsWith("@user.home")) {
            return home().path().resolve(a.substring("@user.home".length()).replaceFirst("^[/\\\\]+", "")).normalize();
        }
        if (a.startsWith("@user.dir")) {
            return Path.of(given(properties.apply("user.dir")) == null ? "." : properties.apply("user.dir"))
                    .resolve(a.substring("@user.dir".length()).replaceFirst("^[/\\\\]+", "")).toAbsolutePath().normalize();
        }
        if (a.startsWith("file:")) {
            try {
                return Path.of(URI.create(a.replace(" ", "%20"))).toAbsolutePath().normalize();
            } catch (IllegalArgumentException e) {
                return expand(a.substring("file:".length()));
            }
        }
        return expand(a);
    }

    /**
     * The database preference. In a plain JVM without the Eclipse runtime, or before the workspace is set, there
     * is none, which is not an error.
     */
    private static String preferredDatabase() {
        WorkspaceArea.ensureChosen(); // an instance preference read before the workspace is chosen would stay empty
        try {
            return InstanceScope.INSTANCE.getNode(DATABASE_PREFERENCE_NODE).get(DATABASE_PREFERENCE_KEY, null);
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}
