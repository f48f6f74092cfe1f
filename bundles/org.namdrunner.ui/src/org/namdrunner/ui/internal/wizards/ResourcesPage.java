package org.namdrunner.ui.internal.wizards;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.MemorySize;
import org.namdrunner.core.model.Resources;
import org.namdrunner.namd.NamdJobType;
import org.namdrunner.namd.PsfAtoms;
import org.namdrunner.namd.SystemSizePresets;
import org.namdrunner.ui.jobtypes.JobTypeWizardPage;
import org.namdrunner.ui.internal.views.JobTimes;

/** What to ask SLURM for: a preset to start from, then free values checked against the cluster's limits. */
public final class ResourcesPage extends WizardPage {

    public static final String PRESET_LABEL = "Start from:";
    public static final String CORES_LABEL = "Cores (MPI tasks):";
    public static final String MEMORY_LABEL = "Memory per node:";
    public static final String WALLTIME_LABEL = "Walltime:";
    public static final String PARTITION_LABEL = "Partition:";
    public static final String QOS_LABEL = "QoS:";
    public static final String ACCOUNT_LABEL = "Account:";
    public static final String GPUS_LABEL = "GPUs per node:";
    public static final String ATOMS_LABEL = "Atoms (NAMD system size):";
    static final String CUSTOM = "Custom values";

    private final JobBasicsPage basics;
    private ClusterProfile profile;
    private Resources initial;
    private List<ResourcePresets.Preset> presets = List.of();
    private Combo preset;
    private Spinner cores;
    private Text memory;
    private Text walltime;
    private Combo partition;
    private Combo qos;
    private Combo account;
    private Spinner gpus;
    private Label atomsLabel;
    private Text atoms;
    private Path atomsReadFrom;
    private Label limits;
    private Label notes;
    private boolean filling;

    ResourcesPage(JobBasicsPage basics) {
        super("resources");
        this.basics = basics;
        setTitle("Resources");
        setDescription("What the job asks SLURM for. Values are checked against the cluster's limits.");
    }

    void setInitial(Resources r) {
        initial = r;
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).spacing(10, 8).applyTo(c);
        preset = combo(c, PRESET_LABEL, SWT.READ_ONLY);
        cores = spinner(c, CORES_LABEL, 1, Resources.MAX_CORES);
        memory = text(c, MEMORY_LABEL, "e.g. 16GB or 512MB");
        walltime = text(c, WALLTIME_LABEL, "hh:mm, d-hh:mm, 90m, 4h, 2d");
        partition = combo(c, PARTITION_LABEL, SWT.DROP_DOWN);
        qos = combo(c, QOS_LABEL, SWT.DROP_DOWN);
        account = combo(c, ACCOUNT_LABEL, SWT.DROP_DOWN);
        gpus = spinner(c, GPUS_LABEL, 0, 16);
        atoms = text(c, ATOMS_LABEL, "from the PSF, or type it: adds a preset by system size");
        atomsLabel = (Label) c.getChildren()[c.getChildren().length - 2];
        atoms.addListener(SWT.Modify, e -> atomsChanged());
        limits = new Label(c, SWT.WRAP);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(500, SWT.DEFAULT).indent(0, 8).applyTo(limits);
        notes = new Label(c, SWT.WRAP);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(500, SWT.DEFAULT).applyTo(notes);
        preset.addListener(SWT.Selection, e -> applyPreset());
        for (var w : List.of(cores, memory, walltime, partition, qos, account, gpus)) {
            w.addListener(SWT.Modify, e -> edited());
        }
        setControl(c);
    }

    private static Combo combo(Composite c, String label, int style) {
        new Label(c, SWT.NONE).setText(label);
        Combo combo = new Combo(c, style);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(combo);
        return combo;
    }

    private static Spinner spinner(Composite c, String label, int min, int max) {
        new Label(c, SWT.NONE).setText(label);
        Spinner s = new Spinner(c, SWT.BORDER);
        s.setValues(min, min, max, 0, 1, 10);
        GridDataFactory.swtDefaults().hint(90, SWT.DEFAULT).applyTo(s);
        return s;
    }

    private static Text text(Composite c, String label, String hint) {
        new Label(c, SWT.NONE).setText(label);
        Text t = new Text(c, SWT.BORDER);
        t.setMessage(hint);
        GridDataFactory.swtDefaults().hint(200, SWT.DEFAULT).applyTo(t);
        return t;
    }

    @Override
    public void setVisible(boolean visible) {
        if (visible && basics.profile() != null && !basics.profile().equals(profile)) {
            fillFor(basics.profile());
        }
        if (visible) {
            showAtomsFor(basics.jobType() != null && NamdJobType.ID.equals(basics.jobType().id()));
        }
        super.setVisible(visible);
    }

    private void fillFor(ClusterProfile p) {
        profile = p;
        filling = true;
        try {
            presets = withSizePreset(ResourcePresets.forProfile(p));
            preset.removeAll();
            presets.forEach(pr -> preset.add(pr.label()));
            preset.add(CUSTOM);
            setItems(partition, p.partitions());
            setItems(qos, p.qos());
            setItems(account, p.accounts());
            limits.setText("A node of " + p.name() + " has " + p.coresPerNode() + " cores and "
                    + ResourceCheck.gb(p.memoryPerNodeMb()) + "; the longest walltime is " + JobTimes.duration(p.maxWalltime()) + ".");
            if (initial != null) {
                show(initial);
                preset.select(presets.size());
                initial = null;
            } else {
                preset.select(0);
                show(presets.get(0).resources());
            }
        } finally {
            filling = false;
        }
        ((Composite) getControl()).layout(true, true);
        edited();
    }

    /** For NAMD jobs: the atoms row is shown, filled from the structure file's header (read in a background job). */
    private void showAtomsFor(boolean namd) {
        for (var w : List.of(atomsLabel, atoms)) {
            w.setVisible(namd);
            ((org.eclipse.swt.layout.GridData) w.getLayoutData()).exclude = !namd;
        }
        ((Composite) getControl()).layout(true, true);
        Path psf = namd ? structureFile() : null;
        if (psf == null || psf.equals(atomsReadFrom)) {
            return;
        }
        atomsReadFrom = psf;
        var display = getShell().getDisplay();
        org.eclipse.core.runtime.jobs.Job.create("Reading the atom count of " + psf.getFileName(), monitor -> {
            OptionalLong n;
            try {
                n = PsfAtoms.count(psf);
            } catch (java.io.IOException | RuntimeException e) {
                n = OptionalLong.empty();
            }
            OptionalLong found = n;
            display.asyncExec(() -> {
                if (!atoms.isDisposed() && found.isPresent() && atoms.getText().isBlank()) {
                    atoms.setText(Long.toString(found.getAsLong()));
                }
            });
        }).schedule();
    }

    private Path structureFile() {
        if (getWizard() instanceof NewJobWizard w) {
            for (JobTypeWizardPage page : w.jobTypePages()) {
                Path p = page.inputFiles().get("structure");
                if (p != null) {
                    return p;
                }
            }
        }
        return null;
    }

    /** The cluster's presets, plus one by system size when an atom count is known (last, never chosen by itself). */
    private List<ResourcePresets.Preset> withSizePreset(List<ResourcePresets.Preset> base) {
        List<ResourcePresets.Preset> out = new ArrayList<>(base);
        long n = atomCount();
        if (n > 0 && profile != null) {
            SystemSizePresets.SizePreset size = SystemSizePresets.forAtoms(n);
            out.add(new ResourcePresets.Preset("NAMD, " + n + " atoms: " + size.label(), SystemSizePresets.resources(size, profile)));
        }
        return out;
    }

    private long atomCount() {
        try {
            return atoms == null || atoms.getText().isBlank() ? 0 : Long.parseLong(atoms.getText().strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void atomsChanged() {
        if (profile == null) {
            return;
        }
        if (atomCount() < 0) {
            setErrorMessage("The number of atoms '" + atoms.getText().strip() + "' is not a whole number.");
            return;
        }
        int selected = preset.getSelectionIndex();
        boolean wasCustom = selected >= presets.size();
        filling = true;
        try {
            presets = withSizePreset(ResourcePresets.forProfile(profile));
            preset.removeAll();
            presets.forEach(pr -> preset.add(pr.label()));
            preset.add(CUSTOM);
            int index = wasCustom ? presets.size() : Math.min(selected, presets.size());
            preset.select(index);
            if (index < presets.size() && index >= ResourcePresets.forProfile(profile).size()) {
                show(presets.get(index).resources());
            }
        } finally {
            filling = false;
        }
        edited();
    }

    private static void setItems(Combo combo, List<String> items) {
        combo.setItems(items.toArray(String[]::new));
        combo.setText(items.isEmpty() ? "" : items.get(0));
    }

    private void applyPreset() {
        int i = preset.getSelectionIndex();
        if (i >= 0 && i < presets.size()) {
            filling = true;
            try {
                show(presets.get(i).resources());
            } finally {
                filling = false;
            }
            edited();
        }
    }

    private void show(Resources r) {
        cores.setSelection(r.cores());
        memory.setText(r.memory().toString());
        walltime.setText(Walltime.format(r.walltime()));
        partition.setText(r.partition());
        qos.setText(r.qos());
        account.setText(r.account());
        gpus.setSelection(r.gpus());
    }

    private void edited() {
        if (filling || profile == null) {
            return;
        }
        int i = preset.getSelectionIndex();
        if (i >= 0 && i < presets.size() && !presets.get(i).resources().equals(readOrNull())) {
            preset.select(presets.size());
        }
        String error = null;
        String noteText = "";
        try {
            ResourceCheck.Result result = ResourceCheck.check(resources(), profile);
            error = result.errors().isEmpty() ? null : String.join(" ", result.errors());
            noteText = String.join("\n", result.notes());
        } catch (InvalidInputException e) {
            error = e.getMessage();
        }
        notes.setText(noteText);
        setErrorMessage(error);
        setPageComplete(error == null);
    }

    private Resources readOrNull() {
        try {
            return resources();
        } catch (InvalidInputException e) {
            return null;
        }
    }

    /** The request as typed; throws naming the field when a value is not acceptable. */
    public Resources resources() {
        return new Resources(cores.getSelection(), MemorySize.parse(memory.getText()), Walltime.parse(walltime.getText()),
                partition.getText().strip(), qos.getText().strip(), account.getText().strip(), gpus.getSelection(), "");
    }
}
