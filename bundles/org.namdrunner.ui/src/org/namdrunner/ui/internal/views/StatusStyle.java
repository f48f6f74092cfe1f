package org.namdrunner.ui.internal.views;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.swt.graphics.RGB;
import org.namdrunner.core.model.JobStatus;

/** How a status looks: its icon and the colour of its label. */
public final class StatusStyle {

    private static final RGB GREY = new RGB(0x6a, 0x72, 0x7b);
    private static final RGB BLUE = new RGB(0x1f, 0x5f, 0xb0);
    private static final RGB AMBER = new RGB(0x9a, 0x64, 0x00);
    private static final RGB GREEN = new RGB(0x1e, 0x7b, 0x2e);
    private static final RGB RED = new RGB(0xb7, 0x1c, 0x1c);
    private static final RGB ORANGE = new RGB(0xb8, 0x55, 0x00);

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

    public static RGB colour(JobStatus status) {
        return switch (status) {
            case CREATED, CANCELLED, UNKNOWN -> GREY;
            case SUBMITTING, RUNNING, SUSPENDED -> BLUE;
            case PENDING -> AMBER;
            case COMPLETED -> GREEN;
            case PREEMPTED -> ORANGE;
            case FAILED, TIMEOUT, OUT_OF_MEMORY, NODE_FAIL, BOOT_FAIL, DEADLINE -> RED;
        };
    }
}
