package org.namdrunner.help.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTError;
import org.eclipse.swt.browser.Browser;
import org.eclipse.swt.browser.ProgressListener;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Link;
import org.eclipse.ui.part.ViewPart;

/**
 * The user guide (docs/user-guide.md, turned into HTML at build time) in an SWT browser. Where the system has no
 * web view for SWT (on Linux: WebKitGTK is not installed), the view says so and offers to open the page in the
 * system's web browser instead.
 */
public final class UserGuideView extends ViewPart {

    public static final String ID = "org.namdrunner.help.userGuide";

    private Composite area;
    private Browser browser;
    private Link message;
    private volatile Path page;
    private boolean loaded;

    @Override
    public void createPartControl(Composite parent) {
        area = new Composite(parent, SWT.NONE);
        area.setLayout(new GridLayout());
        message = new Link(area, SWT.WRAP);
        message.setText("Opening the user guide\u2026");
        message.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        message.addListener(SWT.Selection, e -> openOutside());
        try {
            browser = new Browser(area, SWT.NONE);
            browser.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
            browser.addProgressListener(ProgressListener.completedAdapter(e -> loaded = true));
        } catch (SWTError e) {
            browser = null;
        }
        Job find = Job.create("Opening the user guide", monitor -> {
            try {
                Path guide = HelpPages.userGuide();
                page = guide;
                area.getDisplay().asyncExec(() -> show(guide, null));
                return Status.OK_STATUS;
            } catch (IOException e) {
                area.getDisplay().asyncExec(() -> show(null, e.getMessage()));
                return Status.warning(e.getMessage(), e);
            }
        });
        find.setSystem(true);
        find.schedule();
    }

    private void show(Path guide, String problem) {
        if (area.isDisposed()) {
            return;
        }
        if (guide == null) {
            message.setText(problem);
        } else if (browser != null) {
            ((GridData) message.getLayoutData()).exclude = true;
            message.setVisible(false);
            browser.setUrl(guide.toUri().toString());
        } else {
            message.setText("This computer has no web view for NAMDRunner (on Linux: install WebKitGTK, e.g. libwebkit2gtk-4.1-0). "
                    + "<a>Open the user guide in your web browser</a> (" + guide + ").");
        }
        area.layout(true, true);
    }

    private void openOutside() {
        Path p = page;
        if (p != null && !Program.launch(p.toUri().toString())) {
            message.setText("No web browser could be started. The user guide is the file " + p + ".");
            area.layout(true, true);
        }
    }

    /** What the view shows: the browser's address, or the message when there is no browser. */
    public String shown() {
        return browser != null && !browser.isDisposed() && !browser.getUrl().isEmpty() ? browser.getUrl() : message.getText();
    }

    /** Whether the browser finished loading the page (false without a browser). */
    public boolean loaded() {
        return loaded;
    }

    /** The browser, or the message when there is none (for tests and screenshots). */
    public Control content() {
        return browser != null ? browser : message;
    }

    @Override
    public void setFocus() {
        (browser != null ? browser : message).setFocus();
    }

}
