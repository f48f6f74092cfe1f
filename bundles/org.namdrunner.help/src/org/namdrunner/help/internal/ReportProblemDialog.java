package org.namdrunner.help.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/** Help &gt; Report a Problem: the report, collected in the background, to copy or save. */
public final class ReportProblemDialog extends Dialog {

    public static final String TITLE = "Report a Problem";
    static final int COPY_ID = IDialogConstants.CLIENT_ID + 1;
    static final int SAVE_ID = IDialogConstants.CLIENT_ID + 2;

    private Text text;
    private volatile String report;

    public ReportProblemDialog(Shell parent) {
        super(parent);
        setShellStyle(getShellStyle() | SWT.RESIZE | SWT.MAX);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(TITLE);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Label intro = new Label(area, SWT.WRAP);
        intro.setText("What NAMDRunner knows about this installation: versions, Java and system, where the data lives, "
                + "your cluster profiles by name, and the Error Log. Passwords, passphrases, keys, TOTP secrets and tokens "
                + "are taken out. Copy it into your message, or save it to a file, and say what you did and what you expected.");
        GridData introData = new GridData(SWT.FILL, SWT.TOP, true, false);
        introData.widthHint = 700;
        intro.setLayoutData(introData);
        text = new Text(area, SWT.MULTI | SWT.READ_ONLY | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        GridData textData = new GridData(SWT.FILL, SWT.FILL, true, true);
        textData.widthHint = 800;
        textData.heightHint = 450;
        text.setLayoutData(textData);
        text.setText("Collecting\u2026");
        Job collect = Job.create("Collecting a problem report", monitor -> {
            String r = ProblemReport.build(ReportSources.fromWorkbench(SavedSecrets.ofWorkbench()));
            report = r;
            text.getDisplay().asyncExec(() -> {
                if (!text.isDisposed()) {
                    text.setText(r);
                    getButton(COPY_ID).setEnabled(true);
                    getButton(SAVE_ID).setEnabled(true);
                }
            });
            return Status.OK_STATUS;
        });
        collect.schedule();
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, COPY_ID, "&Copy", false).setEnabled(false);
        createButton(parent, SAVE_ID, "&Save\u2026", false).setEnabled(false);
        createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    protected void buttonPressed(int id) {
        String r = report;
        if (id == COPY_ID && r != null) {
            Clipboard clipboard = new Clipboard(getShell().getDisplay());
            try {
                clipboard.setContents(new Object[] { r }, new Transfer[] { TextTransfer.getInstance() });
            } finally {
                clipboard.dispose();
            }
        } else if (id == SAVE_ID && r != null) {
            FileDialog d = new FileDialog(getShell(), SWT.SAVE);
            d.setFileName("namdrunner-problem-report.txt");
            d.setOverwrite(true);
            String file = d.open();
            if (file != null) {
                save(Path.of(file), r);
            }
        } else if (id == IDialogConstants.CLOSE_ID) {
            close();
        }
    }

    private void save(Path file, String r) {
        Shell shell = getShell();
        Job write = Job.create("Saving the problem report", monitor -> {
            try {
                Files.writeString(file, r, StandardCharsets.UTF_8);
                return Status.OK_STATUS;
            } catch (IOException e) {
                shell.getDisplay().asyncExec(() -> MessageDialog.openError(shell, TITLE,
                        "The report could not be saved to " + file + ": " + e.getMessage() + ". Choose another folder."));
                return Status.OK_STATUS;
            }
        });
        write.schedule();
    }

    /** The text shown (for tests). */
    public String shownText() {
        return text.getText();
    }
}
