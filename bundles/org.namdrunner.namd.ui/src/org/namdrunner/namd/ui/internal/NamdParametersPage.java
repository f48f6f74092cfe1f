package org.namdrunner.namd.ui.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.store.StoreException;
import org.namdrunner.namd.BuiltInTemplates;
import org.namdrunner.namd.NamdJobType;
import org.namdrunner.namd.NamdTemplate;
import org.namdrunner.namd.NamdTemplate.Variable;
import org.namdrunner.ui.jobtypes.JobTypeWizardPage;

/**
 * The NAMD config template (built-in or stored) and its typed variables, each checked as it is typed (range, whole
 * number, name, file extension).
 */
public final class NamdParametersPage extends JobTypeWizardPage {

    public static final String TEMPLATE_LABEL = "Template:";

    private List<NamdTemplate> templates = List.of(BuiltInTemplates.vacuumMinimization());
    private NamdTemplate template = templates.get(0);
    private final Map<String, Control> fields = new LinkedHashMap<>();
    private Map<String, String> prefill = Map.of();
    private Map<String, String> appliedBox = Map.of();
    private Combo chooser;
    private Composite variablesArea;
    private NamdProtocolSection protocol;

    public NamdParametersPage() {
        super("org.namdrunner.ui.namd.parameters");
        setTitle("Simulation settings");
        setDescription("A NAMD config template and the values of its variables.");
    }

    @Override
    public void prefill(Map<String, String> parameters) {
        prefill = Map.copyOf(parameters);
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).spacing(10, 8).applyTo(c);
        new Label(c, SWT.NONE).setText(TEMPLATE_LABEL);
        chooser = new Combo(c, SWT.READ_ONLY);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(chooser);
        // the built-in templates at once; the stored ones are read from the database in a background job
        templates = new ArrayList<>(BuiltInTemplates.all());
        String wanted = prefill.getOrDefault(NamdJobType.TEMPLATE, BuiltInTemplates.DEFAULT_ID);
        int selected = 0;
        for (int i = 0; i < templates.size(); i++) {
            chooser.add(templates.get(i).name());
            if (templates.get(i).id().equals(wanted)) {
                selected = i;
            }
        }
        chooser.select(selected);
        template = templates.get(selected);
        chooser.addListener(SWT.Selection, e -> {
            template = templates.get(chooser.getSelectionIndex());
            buildFields();
        });
        loadStoredTemplates(wanted);
        variablesArea = new Composite(c, SWT.NONE);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, true).applyTo(variablesArea);
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(10, 8).applyTo(variablesArea);
        buildFields();
        // a multi-stage protocol (a chain of jobs) or one job: below the template's variables
        // (what a chain or a replica set makes is said in the page's message)
        protocol = new NamdProtocolSection(c, prefill, (problem, message) -> {
            setMessage(message);
            validate();
        });
        setControl(c);
        validate();
    }

    /** A CHARMM-GUI folder imported on the inputs page brings its box: the explicit-solvent template with it. */
    @Override
    public void setVisible(boolean visible) {
        if (visible) {
            for (var page = getPreviousPage(); page != null; page = page.getPreviousPage()) {
                if (page instanceof NamdInputFilesPage inputs && !inputs.importedBox().isEmpty()
                        && !inputs.importedBox().equals(appliedBox)) {
                    appliedBox = inputs.importedBox();
                    for (int i = 0; i < templates.size(); i++) {
                        if (templates.get(i).id().equals(BuiltInTemplates.explicitSolventNpt().id())) {
                            chooser.select(i);
                            template = templates.get(i);
                        }
                    }
                    Map<String, String> withBox = new LinkedHashMap<>(prefill);
                    withBox.putAll(appliedBox);
                    prefill = withBox;
                    fields.clear();
                    buildFields();
                    for (String k : appliedBox.keySet()) {
                        if (fields.get(k) instanceof Text t) {
                            t.setText(appliedBox.get(k));
                        }
                    }
                }
            }
        }
        super.setVisible(visible);
    }

    private void loadStoredTemplates(String wanted) {
        if (!(jobType() instanceof NamdJobType namd)) {
            return;
        }
        var display = getShell().getDisplay();
        org.eclipse.core.runtime.jobs.Job.create("Reading NAMD templates", monitor -> {
            List<NamdTemplate> stored = new ArrayList<>();
            String problem = null;
            try {
                namd.templates().all().stream().filter(t -> !t.builtIn()).forEach(stored::add);
            } catch (StoreException | RuntimeException e) {
                problem = "Your stored templates cannot be read (" + e.getMessage() + "); only the built-in ones are offered.";
            }
            String p = problem;
            display.asyncExec(() -> {
                if (chooser == null || chooser.isDisposed()) {
                    return;
                }
                for (NamdTemplate t : stored) {
                    templates.add(t);
                    chooser.add(t.name() + " (yours)");
                    if (t.id().equals(wanted)) {
                        chooser.select(templates.size() - 1);
                        template = t;
                        buildFields();
                    }
                }
                if (p != null) {
                    setMessage(p);
                }
            });
        }).schedule();
    }

    private void buildFields() {
        Map<String, String> typed = new LinkedHashMap<>(prefill);
        typed.putAll(parameters());
        for (Control child : variablesArea.getChildren()) {
            child.dispose();
        }
        fields.clear();
        for (Variable v : template.variables()) {
            String value = typed.getOrDefault(v.key(), v.defaultValue());
            if (v.kind() == NamdTemplate.Kind.BOOLEAN) {
                new Label(variablesArea, SWT.NONE);
                Button check = new Button(variablesArea, SWT.CHECK);
                check.setText(label(v));
                check.setSelection("yes".equalsIgnoreCase(value) || "true".equalsIgnoreCase(value));
                check.addListener(SWT.Selection, e -> validate());
                fields.put(v.key(), check);
                continue;
            }
            new Label(variablesArea, SWT.NONE).setText(label(v) + ":");
            Text t = new Text(variablesArea, SWT.BORDER);
            t.setText(value == null ? "" : value);
            if (v.kind() == NamdTemplate.Kind.INTEGER || v.kind() == NamdTemplate.Kind.NUMBER) {
                t.setMessage("between " + fmt(v.min()) + " and " + fmt(v.max()));
            } else if (v.kind() == NamdTemplate.Kind.FILE) {
                t.setMessage(String.join(", ", v.extensions().stream().map(x -> "*." + x).toList()) + " (one of the job's input files)");
            }
            GridDataFactory.swtDefaults().hint(160, SWT.DEFAULT).applyTo(t);
            t.addListener(SWT.Modify, e -> validate());
            fields.put(v.key(), t);
        }
        variablesArea.layout(true, true);
        if (getControl() != null) {
            ((Composite) getControl()).layout(true, true);
        }
        setDescription("Values for the NAMD config template \"" + template.name() + "\"."
                + (template.description().isBlank() ? "" : " " + template.description()));
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
            if (protocol != null && protocol.problem() != null) {
                throw new InvalidInputException("protocol", protocol.problem());
            }
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
        fields.forEach((key, control) -> {
            if (!control.isDisposed()) {
                out.put(key, control instanceof Button b ? (b.getSelection() ? "yes" : "no") : ((Text) control).getText().strip());
            }
        });
        if (template != null) {
            out.put(NamdJobType.TEMPLATE, template.id());
        }
        if (protocol != null) {
            out.putAll(protocol.parameters());
        }
        return out;
    }
}
