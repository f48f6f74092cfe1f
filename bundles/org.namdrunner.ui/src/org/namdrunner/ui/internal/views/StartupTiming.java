package org.namdrunner.ui.internal.views;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;

/**
 * Prints the time from JVM start to the first paint of the Jobs view when the system property
 * {@code namdrunner.startupTiming} is set; the start-up benchmark reads that line. Does nothing otherwise.
 */
final class StartupTiming {

    static final String PROPERTY = "namdrunner.startupTiming";

    private static final AtomicBoolean JOBS_SHOWN = new AtomicBoolean();

    private StartupTiming() {
    }

    /**
     * Reports once, when the Jobs view first shows the stored jobs: {@code namdrunner.startup.jobsShownMillis=<ms>
     * jobs=<count>}. The heap benchmark waits for this line before it measures.
     */
    static void reportJobsShown(int count) {
        if (System.getProperty(PROPERTY) == null || !JOBS_SHOWN.compareAndSet(false, true)) {
            return;
        }
        long since = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("namdrunner.startup.jobsShownMillis=" + since + " jobs=" + count);
        System.out.flush();
    }

    /** Reports once, on the first paint of any of the given controls (whichever the view shows). */
    static void reportFirstPaint(Control... controls) {
        if (System.getProperty(PROPERTY) == null) {
            return;
        }
        AtomicBoolean reported = new AtomicBoolean();
        for (Control control : controls) {
            control.addListener(SWT.Paint, e -> {
                if (reported.compareAndSet(false, true)) {
                    long since = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                    System.out.println("namdrunner.startup.firstPaintMillis=" + since);
                    System.out.flush();
                }
            });
        }
    }
}
