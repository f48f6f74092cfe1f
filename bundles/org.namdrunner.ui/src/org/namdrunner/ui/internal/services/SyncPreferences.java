package org.namdrunner.ui.internal.services;

import java.time.Duration;

import org.eclipse.core.runtime.Platform;
import org.namdrunner.core.lifecycle.SyncSettings;
import org.namdrunner.ui.NamdRunnerUi;

/** The sync settings a person chooses on the "Job sync" preference page (instance scope, plain preferences: no secrets). */
public final class SyncPreferences {

    public static final String AUTOMATIC = "sync.automatic";
    public static final String AT_STARTUP = "sync.atStartup";
    public static final String MISSING_GRACE_MINUTES = "sync.missingGraceMinutes";
    public static final String NOTIFY_FINISHED = "sync.notifyFinished";
    public static final String READ_PROGRESS = "sync.readProgress";

    public static final boolean DEFAULT_AUTOMATIC = true;
    public static final boolean DEFAULT_AT_STARTUP = true;
    public static final int DEFAULT_MISSING_GRACE_MINUTES = 10;
    public static final boolean DEFAULT_NOTIFY_FINISHED = true;
    public static final boolean DEFAULT_READ_PROGRESS = true;

    private SyncPreferences() {
    }

    public static boolean automatic() {
        return bool(AUTOMATIC, DEFAULT_AUTOMATIC);
    }

    public static boolean atStartup() {
        return bool(AT_STARTUP, DEFAULT_AT_STARTUP);
    }

    public static boolean notifyFinished() {
        return bool(NOTIFY_FINISHED, DEFAULT_NOTIFY_FINISHED);
    }

    public static boolean readProgress() {
        return bool(READ_PROGRESS, DEFAULT_READ_PROGRESS);
    }

    static SyncSettings syncSettings() {
        int minutes = Platform.getPreferencesService().getInt(NamdRunnerUi.PLUGIN_ID, MISSING_GRACE_MINUTES,
                DEFAULT_MISSING_GRACE_MINUTES, null);
        return new SyncSettings(Duration.ofMinutes(Math.max(1, minutes)));
    }

    private static boolean bool(String key, boolean def) {
        return Platform.getPreferencesService().getBoolean(NamdRunnerUi.PLUGIN_ID, key, def, null);
    }
}
