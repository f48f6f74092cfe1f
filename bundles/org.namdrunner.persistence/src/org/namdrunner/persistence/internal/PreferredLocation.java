package org.namdrunner.persistence.internal;

import org.eclipse.core.runtime.preferences.InstanceScope;

/**
 * Reads the database path preference. In a plain JVM without the Eclipse runtime (a child
 * process of the tests, a tool) or before the instance location is set there is no preference, which is not an error.
 */
public final class PreferredLocation {

    private PreferredLocation() {
    }

    public static String read(String node, String key) {
        try {
            return InstanceScope.INSTANCE.getNode(node).get(key, null);
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}
