package org.namdrunner.namd.ui.internal;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.store.StoredTemplate;
import org.namdrunner.namd.NamdJobType;
import org.namdrunner.namd.NamdTemplate;

/** Adds or edits a stored NAMD template; every change is checked as it is typed, OK only for a valid template. */
public final class NamdTemplateDialog extends TitleAreaDialog {

    public static final String TITLE = "NAMD Template";
    public static final String ID_LABEL = "Id:";
    public static final String NAME_LABEL = "Name:";
    public static final String DESCRIPTION_LABEL = "Description:";
    public static final String VARIABLES_LABEL = "Variables:";
    public static final String TEXT_LABEL = "Config text:";

    private final NamdTemplate initial;
    private final boolean editing;
    private Text id;
    private Text name;
    private Text description;
    private Text variables;
    private Text text;
    private NamdTemplate result;

    /** {@code initial} null: a new template; {@code editing}: its id stays. */
    public NamdTemplateDialog(Shell parent, NamdTemplate initial, boolean editing) {
        super(parent);
        this.initial = initial;
        this.editing = editing;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(TITLE);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(editing ? "Edit a NAMD template" : "New NAMD template");
        Composite c = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(c);
        GridLayoutFactory.swtDefaults().numColumns(2).spacing(10, 6).applyTo(c);
        id = field(c, ID_LABEL, SWT.BORDER);
        name = field(c, NAME_LABEL, SWT.BORDER);
        description = field(c, DESCRIPTION_LABEL, SWT.BORDER);
        variables = field(c, VARIABLES_LABEL, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        variables.setMessage(VariableLines.HINT);
        GridDataFactory.fillDefaults().grab(true, false).hint(560, 110).applyTo(variables);
        text = field(c, TEXT_LABEL, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        GridDataFactory.fillDefaults().grab(true, true).hint(560, 260).applyTo(text);
        text.setFont(org.eclipse.jface.resource.JFaceResources.getTextFont());
        variables.setFont(text.getFont());
        if (initial != null) {
            id.setText(initial.id());
            name.setText(initial.name());
            description.setText(initial.description());
            variables.setText(VariableLines.format(initial));
            text.setText(initial.text());
        }
        id.setEditable(!editing);
        for (Text t : new Text[] { id, name, description, variables, text }) {
            t.addListener(SWT.Modify, e -> check());
        }
        return area;
    }

    private static Text field(Composite c, String label, int style) {
        Label l = new Label(c, SWT.NONE);
        l.setText(label);
        GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(l);
        Text t = new Text(c, style);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(t);
        return t;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        check();
    }

    private void check() {
        if (getButton(IDialogConstants.OK_ID) == null) {
            return;
        }
        try {
            StoredTemplate st = new StoredTemplate(id.getText().strip(), name.getText(), NamdJobType.ID, description.getText(), text.getText(),
                    VariableLines.parse(variables.getText()));
            result = NamdTemplate.fromStored(st);
            setErrorMessage(null);
            setMessage("Placeholders: {{variable}} and the input files {{structure}}, {{coordinates}}, {{parameters}}, {{restraints}}.");
            getButton(IDialogConstants.OK_ID).setEnabled(true);
        } catch (InvalidInputException e) {
            result = null;
            setErrorMessage(e.getMessage());
            getButton(IDialogConstants.OK_ID).setEnabled(false);
        }
    }

    /** The checked template, after OK. */
    public NamdTemplate result() {
        return result;
    }
}
