package org.namdrunner.ui.internal.prompts;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.namdrunner.core.cluster.CredentialPrompter.HostKeyDecision;

/**
 * A host NAMDRunner has not connected to before presents its key: shows the SHA256 fingerprint (selectable, to
 * compare with what the cluster publishes) and lets the person trust it for good, this once, or not connect.
 */
public final class HostKeyDialog extends MessageDialog {

    public static final String TITLE = "Unknown host key";
    public static final String REMEMBER = "Trust and remember";
    public static final String ONCE = "Trust this time";
    public static final String REJECT = "Don't connect";

    private final String fingerprint;

    public HostKeyDialog(Shell parent, String host, int port, String keyType, String fingerprint) {
        super(parent, TITLE, null, message(host, port, keyType), QUESTION, 2, REMEMBER, ONCE, REJECT);
        this.fingerprint = fingerprint;
    }

    static String message(String host, int port, String keyType) {
        return "NAMDRunner has not connected to " + host + (port == 22 ? "" : " (port " + port + ")") + " before. Compare the "
                + keyType + " key fingerprint below with the one your cluster's documentation publishes (or ask its "
                + "administrators). Connect only if they are the same: a different key can mean someone is listening in.";
    }

    @Override
    protected Control createCustomArea(Composite parent) {
        Text t = new Text(parent, SWT.READ_ONLY | SWT.BORDER);
        t.setFont(JFaceResources.getTextFont());
        t.setText(fingerprint);
        GridDataFactory.fillDefaults().grab(true, false).indent(60, 0).applyTo(t);
        return t;
    }

    /** Opens and maps the button pressed to a decision; closing the window rejects. */
    public HostKeyDecision ask() {
        return switch (open()) {
            case 0 -> HostKeyDecision.ACCEPT_AND_REMEMBER;
            case 1 -> HostKeyDecision.ACCEPT_ONCE;
            default -> HostKeyDecision.REJECT;
        };
    }
}
