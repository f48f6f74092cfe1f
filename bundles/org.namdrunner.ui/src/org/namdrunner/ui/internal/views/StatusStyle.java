package org.namdrunner.ui.internal.views;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.ColorRegistry;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.ui.PlatformUI;
import org.namdrunner.core.model.JobStatus;

/** How a status looks: its icon and the colour of its label. */
public final class StatusStyle {

    public static final String IDLE = "org.namdrunner.ui.status.idle";
    public static final String ACTIVE = "org.namdrunner.ui.status.active";
    public static final String WAITING = "org.namdrunner.ui.status.waiting";
    public static final String DONE = "org.namdrunner.ui.status.done";
    public static final String PREEMPTED = "org.namdrunner.ui.status.preempted";
    public static final String FAILED = "org.namdrunner.ui.status.failed";
    public static final String STALE = "org.namdrunner.ui.status.stale";
    public static final String BANNER_BACKGROUND = "org.namdrunner.ui.staleBanner.background";
    public static final String BANNER_FOREGROUND = "org.namdrunner.ui.staleBanner.foreground";

    // the light theme's values, as in plugin.xml; used only when the theme registry lacks them (no workbench)
    private static final RGB GREY = new RGB(0x6a, 0x72, 0x7b);
    private static final java.util.Map<String, RGB> DEFAULTS = java.util.Map.of(IDLE, GREY, ACTIVE, new RGB(0x1f, 0x5f, 0xb0),
            WAITING, new RGB(0x9a, 0x64, 0x00), DONE, new RGB(0x1e, 0x7b, 0x2e), PREEMPTED, new RGB(0xb8, 0x55, 0x00),
            FAILED, new RGB(0xb7, 0x1c, 0x1c), STALE, new RGB(0x80, 0x80, 0x80), BANNER_BACKGROUND, new RGB(0xff, 0xf4, 0xce),
            BANNER_FOREGROUND, new RGB(0x3a, 0x2c, 0x00));

    private StatusStyle() {
    }

    public static ImageDescriptor icon(JobStatus status) {
        return image("icons/status/" + iconName(status) + ".png");
    }

    public static ImageDescriptor staleOverlay() {
        return image("icons/status/stale.png");
    }

    static ImageDescriptor image(String path) {
        return ImageDescriptor.createFromURL(StatusStyle.class.getResource("/" + path));
    }

    private static String iconName(JobStatus status) {
        return switch (status) {
            case CREATED -> "created";
            case SUBMITTING -> "submitting";
            case PENDING -> "pending";
            case RUNNING -> "running";
            case SUSPENDED -> "suspended";
            case COMPLETED -> "completed";
            case CANCELLED -> "cancelled";
            case PREEMPTED -> "preempted";
            case UNKNOWN -> "unknown";
            case FAILED, TIMEOUT, OUT_OF_MEMORY, NODE_FAIL, BOOT_FAIL, DEADLINE -> "failed";
        };
    }

    /** The id of the theme colour a status is shown in (org.eclipse.ui.themes in plugin.xml; the dark theme's CSS overrides it). */
    public static String colourKey(JobStatus status) {
        return switch (status) {
            case CREATED, CANCELLED, UNKNOWN -> IDLE;
            case SUBMITTING, RUNNING, SUSPENDED -> ACTIVE;
            case PENDING -> WAITING;
            case COMPLETED -> DONE;
            case PREEMPTED -> PREEMPTED;
            case FAILED, TIMEOUT, OUT_OF_MEMORY, NODE_FAIL, BOOT_FAIL, DEADLINE -> FAILED;
        };
    }

    /** The status's colour in the current theme. UI thread. */
    public static Color colour(JobStatus status) {
        return themed(colourKey(status));
    }

    /** A colour of the current theme by id, falling back to the light default when no theme defines it. UI thread. */
    public static Color themed(String key) {
        ColorRegistry r = PlatformUI.isWorkbenchRunning() ? PlatformUI.getWorkbench().getThemeManager().getCurrentTheme().getColorRegistry()
                : JFaceResources.getColorRegistry();
        if (!r.hasValueFor(key)) {
            r.put(key, DEFAULTS.getOrDefault(key, GREY));
        }
        return r.get(key);
    }
}
