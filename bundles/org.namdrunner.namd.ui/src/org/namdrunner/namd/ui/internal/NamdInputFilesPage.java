package org.namdrunner.namd.ui.internal;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.namdrunner.core.jobtype.JobType.InputFileSpec;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.validation.InputRules;
import org.namdrunner.namd.CharmmGuiFolder;
import org.namdrunner.namd.CharmmGuiRestraints;
import org.namdrunner.namd.NamdInputSet;
import org.namdrunner.namd.NamdJobType;
import org.namdrunner.ui.jobtypes.JobTypeWizardPage;
import org.namdrunner.ui.jobtypes.ResourceHints;

/**
 * The NAMD job's input files: structure (PSF), coordinates (PDB), the first CHARMM parameter file, any number of
 * further parameter/stream files, restraints and extra files (staged next to the others), each a local file the
 * person picks, or all at once from a CHARMM-GUI {@code namd/} folder ({@link CharmmGuiFolder}), or found in their own
 * config ({@link OwnConfigChoice}, read in the background). Every file is
 * checked here: a name usable on the cluster, the right extension, present and readable.
 */
public final class NamdInputFilesPage extends JobTypeWizardPage {

    public static final String IMPORT_LABEL = "Import CHARMM-GUI folder…";
    public static final String MORE_PARAMETERS_LABEL = "More parameter files:";
    public static final String EXTRA_FILES_LABEL = "Extra files:";
    public static final String OWN_CONFIG_LABEL = "Own NAMD config:";

    private final Map<String, Text> fields = new LinkedHashMap<>();
    private final NamdSizeHints sizeHints = new NamdSizeHints(() -> inputFiles().get("structure"));
    private FileList moreParameters;
    private FileList extras;
    private Map<String, String> importedBox = Map.of();
    private CharmmGuiRestraints.Found importedRestraints = CharmmGuiRestraints.Found.NONE;
    private String importProblem;
    private Text ownConfigPath;
    /** The own config in use (null: the template of the next page makes the config). */
    private OwnConfigChoice own;
    private Map<String, Path> prefilled = Map.of();
    /** The config of the job this one starts from ("New job from this job"), kept unless an own config is chosen. */
    private Map<String, String> earlierConfig = Map.of();
    /** The config being read in the background (null when none), and a count that tells a stale read from the last. */
    private Path reading;
    private int readings;

    public NamdInputFilesPage() {
        super("org.namdrunner.ui.namd.inputs");
        setTitle("Input files");
        setDescription("The structure, coordinates and force-field parameters NAMD reads. They are uploaded with the job.");
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(3).spacing(10, 8).applyTo(c);
        Button importFolder = new Button(c, SWT.PUSH);
        importFolder.setText(IMPORT_LABEL);
        importFolder.addListener(SWT.Selection, e -> {
            DirectoryDialog d = new DirectoryDialog(getShell());
            d.setText("Choose the namd/ folder of a CHARMM-GUI download");
            String chosen = d.open();
            if (chosen != null) {
                importFolder(Path.of(chosen));
            }
        });
        GridDataFactory.swtDefaults().span(3, 1).applyTo(importFolder);
        new Label(c, SWT.NONE).setText(OWN_CONFIG_LABEL);
        ownConfigPath = new Text(c, SWT.BORDER);
        ownConfigPath.setMessage("optional: a .namd/.conf/.inp file; its files are found, staged and rewritten");
        GridDataFactory.fillDefaults().grab(true, false).hint(320, SWT.DEFAULT).applyTo(ownConfigPath);
        ownConfigPath.addListener(SWT.DefaultSelection, e -> ownConfigTyped());
        ownConfigPath.addListener(SWT.FocusOut, e -> ownConfigTyped());
        Button browseConfig = new Button(c, SWT.PUSH);
        browseConfig.setText("Browse…");
        browseConfig.addListener(SWT.Selection, e -> {
            FileDialog d = new FileDialog(getShell(), SWT.OPEN);
            d.setText("Choose your NAMD config");
            d.setFilterExtensions(new String[] { "*.namd;*.conf;*.inp;*.config", "*" });
            String chosen = d.open();
            if (chosen != null) {
                useOwnConfig(Path.of(chosen));
            }
        });
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
            if (spec.key().equals(NamdInputSet.PARAMETERS)) {
                moreParameters = new FileList(c, MORE_PARAMETERS_LABEL, "Add parameter/stream files",
                        NamdInputSet.PARAMETER_EXTENSIONS, this::validate);
            }
        }
        extras = new FileList(c, EXTRA_FILES_LABEL, "Add files the job reads (restraints, CHARMM-GUI inputs)", List.of(), this::validate);
        Label note = new Label(c, SWT.WRAP);
        note.setText("All files land in input_files/ on the cluster under their own names, so each name must differ and may only "
                + "use letters, digits, '.', '_', '+' and '-'.");
        GridDataFactory.fillDefaults().span(3, 1).hint(500, SWT.DEFAULT).indent(0, 8).applyTo(note);
        setControl(c);
        fillFrom(prefilled);
        validate();
    }

    /** The files of an earlier job, by input key ({@code parameters.N} and {@code extra.N} into their lists). */
    @Override
    public void prefillInputs(Map<String, Path> inputs) {
        prefilled = new LinkedHashMap<>(inputs);
    }

    private void fillFrom(Map<String, Path> inputs) {
        List<Path> more = new java.util.ArrayList<>();
        List<Path> extra = new java.util.ArrayList<>();
        new java.util.TreeMap<>(inputs).entrySet().stream()
                .sorted(java.util.Comparator.comparing((Map.Entry<String, Path> e) -> e.getKey().replaceAll("\\d+$", ""))
                        .thenComparingInt(e -> NamdInputFilesPage.number(e.getKey())))
                .forEach(e -> {
                    if (fields.containsKey(e.getKey())) {
                        fields.get(e.getKey()).setText(e.getValue().toString());
                    } else if (e.getKey().startsWith(NamdInputSet.PARAMETERS + ".")) {
                        more.add(e.getValue());
                    } else if (e.getKey().startsWith("extra.")) {
                        extra.add(e.getValue());
                    }
                });
        moreParameters.set(more);
        extras.set(extra);
    }

    private static int number(String key) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)$").matcher(key);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** Fills the page from a CHARMM-GUI namd/ folder; a missing or unreadable file in it is shown, naming it. */
    public void importFolder(Path folder) {
        try {
            CharmmGuiFolder.System s = CharmmGuiFolder.read(folder);
            fields.get("structure").setText(s.structure().toString());
            fields.get("coordinates").setText(s.coordinates().toString());
            fields.get(NamdInputSet.PARAMETERS).setText(s.parameters().get(0).toString());
            moreParameters.set(s.parameters().subList(1, s.parameters().size()));
            extras.set(s.extras());
            importedBox = s.boxParameters();
            importedRestraints = s.restraints();
            importProblem = null;
        } catch (InvalidInputException e) {
            importProblem = "The CHARMM-GUI folder cannot be used: " + e.getMessage();
        }
        validate();
    }

    /**
     * Makes the job run this config: the files it references fill the fields and lists (a sourced file whose paths were
     * rewritten is staged from a rewritten copy), and what keeps it from running (a missing or unreadable file, a path
     * that cannot be worked out, an output outside the job folder) is shown here, naming the line. The files are read in
     * a background job; the page waits (not complete) until they are.
     */
    public void useOwnConfig(Path config) {
        ownConfigPath.setText(config.toString());
        reading = config;
        own = null;
        int mine = ++readings;
        setPageComplete(false);
        setErrorMessage(null);
        setMessage("Reading " + config.getFileName() + " and the files it names…");
        org.eclipse.swt.widgets.Display display = getShell().getDisplay();
        org.eclipse.core.runtime.jobs.Job read = org.eclipse.core.runtime.jobs.Job.create("Reading the NAMD config " + config.getFileName(),
                monitor -> {
                    OwnConfigChoice choice = OwnConfigChoice.read(config);
                    if (!display.isDisposed()) {
                        display.asyncExec(() -> {
                            if (mine == readings && getControl() != null && !getControl().isDisposed()) {
                                reading = null;
                                apply(choice);
                            }
                        });
                    }
                    return org.eclipse.core.runtime.Status.OK_STATUS;
                });
        read.setSystem(true);
        read.schedule();
    }

    private void apply(OwnConfigChoice choice) {
        own = choice;
        if (own.staged().usable()) {
            Map<String, Path> in = own.staged().inputs();
            for (String key : List.of("structure", "coordinates", NamdInputSet.PARAMETERS, "restraints")) {
                fields.get(key).setText(in.containsKey(key) ? in.get(key).toString() : "");
            }
            moreParameters.set(in.entrySet().stream().filter(e -> e.getKey().startsWith(NamdInputSet.PARAMETERS + "."))
                    .sorted(java.util.Comparator.comparingInt(e -> Integer.parseInt(e.getKey().substring(e.getKey().indexOf('.') + 1))))
                    .map(Map.Entry::getValue).toList());
            extras.set(in.entrySet().stream().filter(e -> e.getKey().startsWith(NamdInputSet.EXTRA + "."))
                    .sorted(java.util.Comparator.comparingInt(e -> Integer.parseInt(e.getKey().substring(e.getKey().indexOf('.') + 1))))
                    .map(Map.Entry::getValue).toList());
        }
        validate();
    }

    private void ownConfigTyped() {
        String p = ownConfigPath.getText().strip();
        if (p.isEmpty()) {
            if (own != null || reading != null) {
                own = null;
                reading = null;
                readings++;
                validate();
            }
            return;
        }
        try {
            Path now = own != null ? own.file() : reading;
            if (now == null || !now.equals(Path.of(p))) {
                useOwnConfig(Path.of(p));
            }
        } catch (InvalidPathException e) {
            own = null;
            setErrorMessage("'" + p + "' is not a path.");
        }
    }

    /** The own config in use, or null (also while it is being read). */
    public OwnConfigChoice ownConfig() {
        return own;
    }

    /** True while a chosen config is being read (for tests). */
    public boolean readingOwnConfig() {
        return reading != null;
    }

    /** The box edges (cellX/Y/Z) of the last imported folder, empty when it gave none. */
    public Map<String, String> importedBox() {
        return importedBox;
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
        if (moreParameters == null || extras == null || reading != null) {
            return;
        }
        String missing = null;
        String error = own == null ? importProblem : own.problem();
        String note = own != null ? own.note() : earlierConfig.isEmpty() ? null
                : "The job runs the config of the job it starts from (see and edit it on the Review page); choose the files it reads "
                        + "again, or choose an own config.";
        for (InputFileSpec spec : jobType().inputFiles()) {
            String p = fields.get(spec.key()).getText().strip();
            if (p.isEmpty()) {
                if (spec.required() && missing == null) {
                    missing = "Choose the " + spec.label() + " file.";
                }
                continue;
            }
            error = error != null ? error : problem(p, spec.label() + " file", spec.extensions());
        }
        for (Path p : moreParameters.files()) {
            error = error != null ? error : problem(p.toString(), "parameter file", NamdInputSet.PARAMETER_EXTENSIONS);
        }
        for (Path p : extras.files()) {
            error = error != null ? error : problem(p.toString(), "extra file", List.of());
        }
        if (error == null) {
            Map<String, String> names = new LinkedHashMap<>();
            inputFiles().forEach((k, v) -> names.put(k, v.getFileName().toString()));
            try {
                NamdInputSet.validate(names);
                if (own == null && missing == null) {
                    CharmmGuiRestraints.check(importedRestraints.parameter(), names.values());
                }
            } catch (InvalidInputException e) {
                error = e.getMessage();
            }
        }
        if (note == null && own == null) {
            note = importedRestraints.note();
        }
        setErrorMessage(error);
        setMessage(error != null ? null : missing != null ? (note == null ? missing : missing + " " + note) : note, note != null
                ? org.eclipse.jface.dialogs.IMessageProvider.INFORMATION : org.eclipse.jface.dialogs.IMessageProvider.NONE);
        setPageComplete(error == null && missing == null);
    }

    /** Why the file cannot be an input (name, extension, missing, unreadable), naming it; null when it can. */
    static String problem(String p, String what, List<String> extensions) {
        try {
            Path file = Path.of(p);
            if (file.getFileName() == null) {
                return "'" + p + "' is not a file.";
            }
            String name = InputRules.checkName("file", what, file.getFileName().toString());
            if (!extensions.isEmpty()) {
                InputRules.checkExtension(name, extensions);
            }
            if (!Files.exists(file)) {
                return "The " + what + " " + p + " does not exist.";
            }
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                return "The " + what + " " + p + " cannot be read (it is not a readable file).";
            }
            return null;
        } catch (InvalidInputException | InvalidPathException e) {
            return e.getMessage();
        }
    }

    /** The system size row of the Resources page, filled from the structure file chosen here. */
    @Override
    public ResourceHints resourceHints() {
        return sizeHints;
    }

    /** The atom count (when known) goes with the job: the evidence for sizing a similar job later. */
    @Override
    public Map<String, String> parameters() {
        Map<String, String> out = new LinkedHashMap<>(own != null ? own.staged().usable() ? own.parameters() : Map.of() : earlierConfig);
        if (own == null && !importedRestraints.lines().isEmpty()) {
            out.put(CharmmGuiRestraints.PARAMETER, importedRestraints.parameter());
        }
        long atoms = sizeHints.atoms();
        if (atoms > 0) {
            out.put(NamdJobType.ATOMS, Long.toString(atoms));
        }
        return out;
    }

    /**
     * A job that ran its own (or an edited) config starts its copy with that config; its files are chosen again. A job
     * made from a CHARMM-GUI folder passes on the folder's step4 restraints (checked against the files chosen again).
     */
    @Override
    public void prefill(Map<String, String> parameters) {
        String restraints = parameters.get(CharmmGuiRestraints.PARAMETER);
        if (restraints != null && !restraints.isBlank()) {
            importedRestraints = new CharmmGuiRestraints.Found(restraints.lines().filter(l -> !l.isBlank()).toList(), List.of());
        }
        String config = parameters.get(NamdJobType.CONFIG);
        if (config != null && !config.isBlank()) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put(NamdJobType.CONFIG, config);
            String name = parameters.get(NamdJobType.OWN_CONFIG);
            if (name != null && !name.isBlank()) {
                p.put(NamdJobType.OWN_CONFIG, name);
            }
            earlierConfig = Map.copyOf(p);
        }
    }

    @Override
    public Map<String, Path> inputFiles() {
        Map<String, Path> out = new LinkedHashMap<>();
        fields.forEach((key, text) -> {
            String p = text.getText().strip();
            if (!p.isEmpty()) {
                try {
                    out.put(key, Path.of(p));
                } catch (InvalidPathException e) {
                    // shown by validate
                }
            }
        });
        if (moreParameters != null) {
            List<Path> more = moreParameters.files();
            for (int i = 0; i < more.size(); i++) {
                out.put(NamdInputSet.parameterKey(i + 2), more.get(i));
            }
            List<Path> extra = extras.files();
            for (int i = 0; i < extra.size(); i++) {
                out.put(NamdInputSet.extraKey(i + 1), extra.get(i));
            }
        }
        if (own != null) {
            out.replaceAll((k, v) -> own.uploadInstead().getOrDefault(v, v));
        }
        return out;
    }
}
