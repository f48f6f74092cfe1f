package org.namdrunner.examples.batchscript.internal.ui;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.namdrunner.core.jobtype.JobType.InputFileSpec;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.validation.InputRules;
import org.namdrunner.examples.batchscript.BatchScriptJobType;
import org.namdrunner.examples.batchscript.BatchScriptRules;
import org.namdrunner.ui.jobtypes.JobTypeWizardPage;

/**
 * The batch script job's one wizard page: the commands (a text area), result files in subfolders, and up to
 * three optional input files. Every change is checked with the job type's own rules, so the page shows the
 * same message the workbench would give later. No network or disk work.
 */
public final class BatchScriptPage extends JobTypeWizardPage {

    public static final String PAGE_ID = "org.namdrunner.examples.batchscript.script";
    public static final String SCRIPT_LABEL = "Commands (run with bash in the job's folder):";
    public static final String RESULTS_LABEL = "Result files in subfolders:";

    private Text script;
    private Text results;
    private final Map<String, Text> inputs = new LinkedHashMap<>();
    private Map<String, String> prefill = Map.of();

    public BatchScriptPage() {
        super(PAGE_ID);
        setTitle("Batch script");
        setDescription("The commands the job runs on the cluster, and the files it needs.");
    }

    /** "Input file 1:" for the spec labelled "input file 1". */
    public static String label(InputFileSpec spec) {
        return Character.toUpperCase(spec.label().charAt(0)) + spec.label().substring(1) + ":";
    }

    @Override
    public void prefill(Map<String, String> parameters) {
        prefill = Map.copyOf(parameters);
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(3).spacing(10, 8).applyTo(c);

        Label scriptLabel = new Label(c, SWT.NONE);
        scriptLabel.setText(SCRIPT_LABEL);
        GridDataFactory.fillDefaults().span(3, 1).applyTo(scriptLabel);
        script = new Text(c, SWT.MULTI | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        script.setFont(JFaceResources.getTextFont());
        script.setText(prefill.getOrDefault(BatchScriptRules.SCRIPT, ""));
        script.setMessage("e.g.\necho \"PROGRESS 1/2\"\npython3 input_files/analysis.py\necho \"PROGRESS 2/2\"");
        GridDataFactory.fillDefaults().span(3, 1).grab(true, true).hint(520, 180).applyTo(script);

        new Label(c, SWT.NONE).setText(RESULTS_LABEL);
        results = new Text(c, SWT.BORDER);
        results.setText(prefill.getOrDefault(BatchScriptRules.RESULT_FILES, ""));
        results.setMessage("optional, comma-separated, e.g. out/summary.csv");
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(results);

        for (InputFileSpec spec : jobType().inputFiles()) {
            new Label(c, SWT.NONE).setText(label(spec));
            Text path = new Text(c, SWT.BORDER);
            path.setMessage("optional; uploaded to input_files/");
            GridDataFactory.fillDefaults().grab(true, false).applyTo(path);
            Button browse = new Button(c, SWT.PUSH);
            browse.setText("Browse…");
            browse.addListener(SWT.Selection, e -> browse(spec, path));
            path.addListener(SWT.Modify, e -> validate());
            inputs.put(spec.key(), path);
        }

        Label note = new Label(c, SWT.WRAP);
        note.setText("Output goes to " + BatchScriptJobType.LOG_FILE + ". A line 'PROGRESS 3/10' shows progress in the Jobs "
                + "view; a line 'ERROR: why' is shown when the job fails. Every file the script writes at the top of its "
                + "folder, and the result files above, are collected when it finishes.");
        GridDataFactory.fillDefaults().span(3, 1).hint(520, SWT.DEFAULT).indent(0, 6).applyTo(note);

        script.addListener(SWT.Modify, e -> validate());
        results.addListener(SWT.Modify, e -> validate());
        setControl(c);
        validate();
    }

    private void browse(InputFileSpec spec, Text path) {
        FileDialog d = new FileDialog(getShell(), SWT.OPEN);
        d.setText("Choose " + spec.label());
        String chosen = d.open();
        if (chosen != null) {
            path.setText(chosen);
        }
    }

    private void validate() {
        if (script.getText().isBlank()) {
            setErrorMessage(null);
            setMessage("Type the commands the job should run.");
            setPageComplete(false);
            return;
        }
        String error = null;
        try {
            jobType().validate(parameters());
            for (InputFileSpec spec : jobType().inputFiles()) {
                String p = inputs.get(spec.key()).getText().strip();
                if (!p.isEmpty()) {
                    Path file = Path.of(p).getFileName();
                    if (file == null) {
                        throw new InvalidInputException(spec.key(), "'" + p + "' is not a file.");
                    }
                    InputRules.checkExtension(file.toString(), spec.extensions());
                }
            }
        } catch (InvalidInputException | InvalidPathException e) {
            error = e.getMessage();
        }
        setMessage(null);
        setErrorMessage(error);
        setPageComplete(error == null);
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(BatchScriptRules.SCRIPT, script == null ? prefill.getOrDefault(BatchScriptRules.SCRIPT, "") : script.getText());
        String r = results == null ? prefill.getOrDefault(BatchScriptRules.RESULT_FILES, "") : results.getText().strip();
        if (!r.isEmpty()) {
            out.put(BatchScriptRules.RESULT_FILES, r);
        }
        return out;
    }

    @Override
    public Map<String, Path> inputFiles() {
        Map<String, Path> out = new LinkedHashMap<>();
        inputs.forEach((key, text) -> {
            String p = text.getText().strip();
            if (!p.isEmpty()) {
                out.put(key, Path.of(p));
            }
        });
        return out;
    }
}
