package org.namdrunner.baseline.internal;

import java.lang.management.ManagementFactory;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;

/**
 * An empty view that prints, on its first paint, the same line as NAMDRunner's Jobs view when
 * {@code namdrunner.startupTiming} is set: {@code namdrunner.startup.firstPaintMillis=<ms since JVM start>}.
 */
public class EmptyView extends ViewPart {

    static final String ID = "org.namdrunner.baseline.emptyView";

    private Label label;

    @Override
    public void createPartControl(Composite parent) {
        label = new Label(parent, SWT.NONE);
        label.setText("Empty view");
        if (System.getProperty("namdrunner.startupTiming") != null) {
            label.addListener(SWT.Paint, new org.eclipse.swt.widgets.Listener() {
                private boolean reported;

                @Override
                public void handleEvent(org.eclipse.swt.widgets.Event e) {
                    if (!reported) {
                        reported = true;
                        long since = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                        System.out.println("namdrunner.startup.firstPaintMillis=" + since);
                        System.out.flush();
                    }
                }
            });
        }
    }

    @Override
    public void setFocus() {
        label.setFocus();
    }
}
