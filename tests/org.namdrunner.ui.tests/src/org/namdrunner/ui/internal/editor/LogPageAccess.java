package org.namdrunner.ui.internal.editor;

import java.util.List;

import org.eclipse.swt.graphics.RGB;
import org.eclipse.swtchart.Chart;

/** What the workbench tests read of the Log page (its plots and summary) and of its colour rules; lives in the test fragment. */
public final class LogPageAccess {

    private LogPageAccess() {
    }

    public static String summary(JobEditor editor) {
        return logPage(editor).summaryText();
    }

    public static List<Chart> charts(JobEditor editor) {
        return List.copyOf(logPage(editor).plots().charts());
    }

    public static double contrast(RGB a, RGB b) {
        return PlotColours.contrast(a, b);
    }

    public static RGB line(RGB background, int index) {
        return PlotColours.on(background).line(index);
    }

    public static boolean isDark(RGB background) {
        return PlotColours.on(background).dark();
    }

    public static RGB readable(RGB background, RGB foreground) {
        return PlotColours.on(background).readable(foreground);
    }

    private static LogPage logPage(JobEditor editor) {
        if (editor.findPage(LogPage.ID) instanceof LogPage p) {
            return p;
        }
        throw new IllegalStateException("the job editor has no Log page");
    }
}
