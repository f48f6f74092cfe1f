package org.namdrunner.ui.internal.prompts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.namdrunner.core.cluster.CredentialPrompter.Prompt;

/**
 * Asks the questions of one login round: a password, a key passphrase, or the prompts of a
 * keyboard-interactive exchange (password, then a Duo or one-time-code prompt). Offers to save the password
 * in secure storage; saving is never the default.
 */
public final class LoginDialog extends TitleAreaDialog {

    public static final String TITLE = "Log in to the cluster";
    public static final String SAVE = "Save the password in secure storage";

    private final String heading;
    private final String instruction;
    private final List<Prompt> prompts;
    private final int savable;
    private final char[] prefill;
    private final String note;
    private final List<Text> fields = new ArrayList<>();
    private Button save;
    private List<char[]> answers;
    private boolean saveChosen;

    /**
     * @param savable index of the prompt whose answer may be saved, or -1
     * @param prefill a saved answer for that prompt, or null
     * @param note    a line above the fields (e.g. "The saved password was not accepted"), or null
     */
    public LoginDialog(Shell parent, String heading, String instruction, List<Prompt> prompts, int savable, char[] prefill, String note) {
        super(parent);
        this.heading = heading;
        this.instruction = instruction;
        this.prompts = List.copyOf(prompts);
        this.savable = savable;
        this.prefill = prefill;
        this.note = note;
        setHelpAvailable(false);
    }

    /** The prompt that asks for the password, or -1: the first hidden prompt that says "password". */
    public static int passwordPrompt(List<Prompt> prompts) {
        for (int i = 0; i < prompts.size(); i++) {
            if (!prompts.get(i).echo() && prompts.get(i).text().toLowerCase(Locale.ROOT).contains("password")) {
                return i;
            }
        }
        return -1;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(TITLE);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(heading);
        setMessage(note != null ? note : instruction == null || instruction.isBlank() ? "Answer to log in." : instruction.strip(),
                note != null ? org.eclipse.jface.dialogs.IMessageProvider.WARNING : org.eclipse.jface.dialogs.IMessageProvider.INFORMATION);
        Composite c = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(12, 12).spacing(10, 10).applyTo(c);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(c);
        if (note != null && instruction != null && !instruction.isBlank()) {
            Label l = new Label(c, SWT.WRAP);
            l.setText(instruction.strip());
            GridDataFactory.fillDefaults().span(2, 1).hint(420, SWT.DEFAULT).applyTo(l);
        }
        for (int i = 0; i < prompts.size(); i++) {
            Prompt p = prompts.get(i);
            Label l = new Label(c, SWT.WRAP);
            l.setText(p.text().strip());
            GridDataFactory.swtDefaults().hint(Math.min(260, l.computeSize(SWT.DEFAULT, SWT.DEFAULT).x), SWT.DEFAULT).applyTo(l);
            Text t = new Text(c, SWT.BORDER | (p.echo() ? SWT.NONE : SWT.PASSWORD));
            GridDataFactory.fillDefaults().grab(true, false).hint(240, SWT.DEFAULT).applyTo(t);
            if (i == savable && prefill != null) {
                t.setTextChars(prefill);
            }
            fields.add(t);
        }
        if (savable >= 0) {
            save = new Button(c, SWT.CHECK);
            save.setText(SAVE);
            save.setSelection(false);
            GridDataFactory.fillDefaults().span(2, 1).indent(0, 6).applyTo(save);
        }
        int first = savable >= 0 && prefill != null && prompts.size() > 1 ? (savable == 0 ? 1 : 0) : 0;
        if (!fields.isEmpty()) {
            fields.get(first).setFocus();
        }
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "Log in", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    @Override
    protected void okPressed() {
        answers = new ArrayList<>();
        fields.forEach(f -> answers.add(f.getTextChars()));
        saveChosen = save != null && save.getSelection();
        fields.forEach(f -> f.setText(""));
        super.okPressed();
    }

    /** The answers in prompt order, or null when cancelled. The caller wipes them after use. */
    public List<char[]> answers() {
        return answers;
    }

    public boolean saveChosen() {
        return saveChosen;
    }

    static void wipe(List<char[]> secrets) {
        if (secrets != null) {
            secrets.forEach(s -> Arrays.fill(s, '\0'));
        }
    }
}
