package org.namdrunner.ui.internal.preferences;

import java.util.List;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.namdrunner.core.cluster.ClusterCheck;

/**
 * What "Test connection" found, part by part (login, SLURM commands after the prefix, partitions, QoS, accounts, both
 * job folders, the transfer host), each with its outcome in words, and an offer to fill the profile from the cluster.
 */
final class ConnectionReportDialog extends Dialog {

    static final String PROBLEMS_TITLE = "Connection test found problems";
    static final String FILL = "Fill from cluster";
    static final int FILL_ID = IDialogConstants.CLIENT_ID + 1;

    private final String profileName;
    private final List<ClusterCheck.Result> results;
    private final boolean canFill;

    ConnectionReportDialog(Shell parent, String profileName, List<ClusterCheck.Result> results, boolean canFill) {
        super(parent);
        this.profileName = profileName;
        this.results = List.copyOf(results);
        this.canFill = canFill;
    }

    static boolean allOk(List<ClusterCheck.Result> results) {
        return results.stream().allMatch(ClusterCheck.Result::ok);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(allOk(results) ? ClustersPreferencePage.TEST_OK_TITLE : PROBLEMS_TITLE);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite c = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(c);
        Label intro = new Label(c, SWT.WRAP);
        intro.setText(literal(allOk(results) ? "Everything a job needs on " + profileName + " works."
                : "A job on " + profileName + " would fail because of the parts marked 'problem'."));
        GridDataFactory.fillDefaults().span(3, 1).hint(560, SWT.DEFAULT).applyTo(intro);
        for (ClusterCheck.Result r : results) {
            new Label(c, SWT.NONE).setText(switch (r.level()) {
                case OK -> "ok";
                case WARNING -> "note";
                case ERROR -> "problem";
            });
            Label part = new Label(c, SWT.NONE);
            part.setText(literal(r.part()));
            Label detail = new Label(c, SWT.WRAP);
            detail.setText(literal(r.detail()));
            GridDataFactory.fillDefaults().grab(true, false).hint(420, SWT.DEFAULT).applyTo(detail);
        }
        if (canFill) {
            Label hint = new Label(c, SWT.WRAP);
            hint.setText(FILL + " sets the profile's partitions, QoS, accounts, walltime limits and node size to what the "
                    + "cluster reports for this user; press Apply afterwards to keep them.");
            GridDataFactory.fillDefaults().span(3, 1).hint(560, SWT.DEFAULT).applyTo(hint);
        }
        return c;
    }

    /** A label shows '&' as a mnemonic marker; the prefix {@code a && b} must read as typed. */
    private static String literal(String text) {
        return text.replace("&", "&&");
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        if (canFill) {
            createButton(parent, FILL_ID, FILL, false);
        }
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.OK_LABEL, true);
    }

    @Override
    protected void buttonPressed(int id) {
        setReturnCode(id);
        close();
    }
}
