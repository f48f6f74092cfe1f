package org.namdrunner.app.internal;

import java.util.Locale;

/** The user name that goes into the built-in cluster profiles until the person sets their own. */
public final class LocalUser {

    private LocalUser() {
    }

    /** The local account name when it is a valid cluster user name, else a cleaned-up form of it, else "user". */
    public static String name() {
        String raw = System.getProperty("user.name", "").toLowerCase(Locale.ROOT);
        String cleaned = raw.replaceAll("[^a-z0-9_.-]", "");
        if (cleaned.length() > 32) {
            cleaned = cleaned.substring(0, 32);
        }
        return cleaned.matches("[a-z_][a-z0-9_.-]*") ? cleaned : "user";
    }
}
