package org.namdrunner.namd.ui.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.namdrunner.core.jobtype.JobType.InputFileSpec;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.validation.InputRules;
import org.namdrunner.ui.jobtypes.JobTypeWizardPage;
import org.namdrunner.ui.jobtypes.ResourceHints;

/**
 * The NAMD job's three input files: structure (PSF), coordinates (PDB) and CHARMM parameters, each a local
 * file the person picks. Names are checked here (they must be usable on the cluster); that the files exist is
 * checked when the review page renders the job.
 */
public final class NamdInputFilesPage extends JobTypeWizardPage {

    private final Map<String, Text> fields = new LinkedHashMap<>();
    private final NamdSizeHints sizeHints = new NamdSizeHints(() -> inputFiles().get("structure"));

    public NamdInputFilesPage() {
        super("org.namdrunner.ui.namd.inputs");
        setTitle("Input files");
        setDescription("The structure, coordinates and force-field parameters NAMD reads. They are uploaded with the job.");
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(3).spacing(10, 10).applyTo(c);
        for (InputFileSpec spec : jobType().inputFiles()) {
            new Label(c, SWT.NONE).setText(label(spec));
            Text path = new Text(c, SWT.BORDER);
            path.setMessage(String.join(", ", spec.extensions().stream().map(e -> "*." + e).toList()));
            GridDataFactory.fillDefaults().grab(true, false).hint(320, SWT.DEFAULT).applyTo(path);
            Button browse = new Button(c, SWT.PUSH);
            browse.setText("Browse…");
            browse.addListener(SWT.Selection, e -> browse(spec, path));
            path.addListener(SWT.Modify, e -> validate());
            fields.put(spec.key(), path);
        }
        Label note = new Label(c, SWT.WRAP);
        note.setText("File names become names on the cluster, so they may only use letters, digits, '.', '_', '+' and '-'.");
        GridDataFactory.fillDefaults().span(3, 1).hint(500, SWT.DEFAULT).indent(0, 8).applyTo(note);
        setControl(c);
        validate();
    }

    /** "Structure (PSF):" for the spec labelled "structure (PSF)". */
    public static String label(InputFileSpec spec) {
        String l = spec.label();
        return Character.toUpperCase(l.charAt(0)) + l.substring(1) + ":";
    }

    private void browse(InputFileSpec spec, Text path) {
        FileDialog d = new FileDialog(getShell(), SWT.OPEN);
        d.setText("Choose the " + spec.label() + " file");
        String patterns = String.join(";", spec.extensions().stream().map(e -> "*." + e + ";*." + e.toUpperCase()).toList());
        d.setFilterExtensions(new String[] { patterns, "*" });
        d.setFilterNames(new String[] { spec.label(), "All files" });
        String chosen = d.open();
        if (chosen != null) {
            path.setText(chosen);
        }
    }

    private void validate() {
        String error = null;
        for (InputFileSpec spec : jobType().inputFiles()) {
            String p = fields.get(spec.key()).getText().strip();
            if (p.isEmpty()) {
                if (spec.required() && error == null) {
                    error = "Choose the " + spec.label() + " file.";
                }
                continue;
            }
            try {
                Path file = Path.of(p);
                if (file.getFileName() == null) {
                    throw new InvalidInputException(spec.key(), "'" + p + "' is not a file.");
                }
                InputRules.checkExtension(file.getFileName().toString(), spec.extensions());
            } catch (InvalidInputException | java.nio.file.InvalidPathException e) {
                error = error == null ? e.getMessage() : error;
            }
        }
        setErrorMessage(error != null && error.startsWith("Choose") ? null : error);
        setMessage(error != null && error.startsWith("Choose") ? error : null);
        setPageComplete(error == null);
    }

    /** The system size row of the Resources page, filled from the structure file chosen here. */
    @Override
    public ResourceHints resourceHints() {
        return sizeHints;
    }

    @Override
    public Map<String, String> parameters() {
        return Map.of();
    }

    @Override
    public Map<String, Path> inputFiles() {
        Map<String, Path> out = new LinkedHashMap<>();
        fields.forEach((key, text) -> {
            String p = text.getText().strip();
            if (!p.isEmpty()) {
                out.put(key, Path.of(p));
            }
        });
        return out;
    }
}
