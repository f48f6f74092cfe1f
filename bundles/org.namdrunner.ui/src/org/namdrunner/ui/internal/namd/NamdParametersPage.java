package org.namdrunner.ui.internal.namd;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.namd.NamdTemplate;
import org.namdrunner.namd.NamdTemplate.Variable;
import org.namdrunner.ui.jobtypes.JobTypeWizardPage;

/** The NAMD config template's typed variables, each checked as it is typed (range, whole number, name). */
public final class NamdParametersPage extends JobTypeWizardPage {

    private final NamdTemplate template = NamdTemplate.vacuumMinimization();
    private final Map<String, Control> fields = new LinkedHashMap<>();
    private Map<String, String> prefill = Map.of();

    public NamdParametersPage() {
        super("org.namdrunner.ui.namd.parameters");
        setTitle("Simulation settings");
        setDescription("Values for the NAMD config template \"" + template.name() + "\".");
    }

    @Override
    public void prefill(Map<String, String> parameters) {
        prefill = Map.copyOf(parameters);
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).spacing(10, 8).applyTo(c);
        for (Variable v : template.variables()) {
            String value = prefill.getOrDefault(v.key(), v.defaultValue());
            if (v.kind() == NamdTemplate.Kind.BOOLEAN) {
                new Label(c, SWT.NONE);
                Button check = new Button(c, SWT.CHECK);
                check.setText(label(v));
                check.setSelection("yes".equalsIgnoreCase(value) || "true".equalsIgnoreCase(value));
                check.addListener(SWT.Selection, e -> validate());
                fields.put(v.key(), check);
                continue;
            }
            new Label(c, SWT.NONE).setText(label(v) + ":");
            Text t = new Text(c, SWT.BORDER);
            t.setText(value == null ? "" : value);
            if (v.kind() != NamdTemplate.Kind.NAME) {
                t.setMessage("between " + fmt(v.min()) + " and " + fmt(v.max()));
            }
            GridDataFactory.swtDefaults().hint(160, SWT.DEFAULT).applyTo(t);
            t.addListener(SWT.Modify, e -> validate());
            fields.put(v.key(), t);
        }
        setControl(c);
        validate();
    }

    /** "Temperature (K)" for the variable labelled "temperature (K)". */
    public static String label(Variable v) {
        return Character.toUpperCase(v.label().charAt(0)) + v.label().substring(1);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private void validate() {
        try {
            template.values(parameters());
            setErrorMessage(null);
            setPageComplete(true);
        } catch (InvalidInputException e) {
            setErrorMessage(e.getMessage());
            setPageComplete(false);
        }
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> out = new LinkedHashMap<>();
        fields.forEach((key, control) -> out.put(key, control instanceof Button b ? (b.getSelection() ? "yes" : "no")
                : ((Text) control).getText().strip()));
        return out;
    }
}
