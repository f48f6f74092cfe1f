package org.namdrunner.ui.internal.wizards;

import java.util.ArrayList;
import java.util.List;

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
import org.namdrunner.ui.jobtypes.JobTypeWizardPage;
import org.namdrunner.ui.jobtypes.ResourceHints;
import org.namdrunner.ui.jobtypes.ResourcePreset;
import org.namdrunner.ui.internal.views.JobTimes;

/**
 * What to ask SLURM for: a preset to start from, then free values checked against the cluster's limits. The job
 * type's pages may add controls and presets of their own ({@link ResourceHints}; NAMD adds the system size).
 */
public final class ResourcesPage extends WizardPage {

    public static final String PRESET_LABEL = "Start from:";
    public static final String CORES_LABEL = "Cores (MPI tasks):";
    public static final String MEMORY_LABEL = "Memory per node:";
    public static final String WALLTIME_LABEL = "Walltime:";
    public static final String PARTITION_LABEL = "Partition:";
    public static final String QOS_LABEL = "QoS:";
    public static final String ACCOUNT_LABEL = "Account:";
    public static final String GPUS_LABEL = "GPUs per node:";
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
    /** The job type's hints shown now, and the controls they created. */
    private List<ResourceHints> hints = List.of();
    private final List<org.eclipse.swt.widgets.Control> hintControls = new ArrayList<>();
    private Label limits;
    private Label notes;
    private boolean filling;
    /** The preset from the last similar job's measured speed, found in the background; null while there is none. */
    private ResourcePresets.Preset evidence;
    private String evidenceFor;

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
        if (visible) {
            showHints();
        }
        if (visible && basics.profile() != null && !basics.profile().equals(profile)) {
            fillFor(basics.profile());
        }
        if (visible) {
            lookForEvidence();
        }
        super.setVisible(visible);
    }

    private void fillFor(ClusterProfile p) {
        profile = p;
        filling = true;
        try {
            presets = withTypePresets(ResourcePresets.forProfile(p));
            preset.removeAll();
            presets.forEach(pr -> preset.add(pr.label()));
            preset.add(CUSTOM);
            setItems(partition, p.partitions());
            setItems(qos, p.qos());
            setItems(account, p.accounts());
            limits.setText("A node of " + p.name() + " has " + p.coresPerNode() + " cores and "
                    + ResourceCheck.gb(p.memoryPerNodeMb()) + "; the longest walltime is " + JobTimes.duration(p.maxWalltime()) + "."
                    + (p.gpu().gpusPerNode().isEmpty() ? "" : " GPUs per node: " + p.gpu().describe() + "."));
            if (initial != null) {
                show(initial);
                preset.select(presets.size());
                initial = null;
            } else {
                preset.select(0);
                show(remembered(presets.get(0).resources(), p));
            }
        } finally {
            filling = false;
        }
        ((Composite) getControl()).layout(true, true);
        edited();
    }

    /** Shows the controls of the job type's {@link ResourceHints}, replacing those of a type chosen before. */
    private void showHints() {
        List<ResourceHints> now = new ArrayList<>();
        if (getWizard() instanceof NewJobWizard w) {
            for (JobTypeWizardPage page : w.jobTypePages()) {
                if (page.resourceHints() != null) {
                    now.add(page.resourceHints());
                }
            }
        }
        if (!now.equals(hints)) {
            hintControls.forEach(org.eclipse.swt.widgets.Control::dispose);
            hintControls.clear();
            Composite c = (Composite) getControl();
            for (ResourceHints h : now) {
                List<org.eclipse.swt.widgets.Control> before = List.of(c.getChildren());
                h.createControls(c, this::presetsChanged);
                for (org.eclipse.swt.widgets.Control child : c.getChildren()) {
                    if (!before.contains(child)) {
                        child.moveAbove(limits);
                        hintControls.add(child);
                    }
                }
            }
            hints = now;
            c.layout(true, true);
        }
        hints.forEach(ResourceHints::shown);
    }

    /** The cluster's presets, then those the job type suggests (never chosen by themselves). */
    private List<ResourcePresets.Preset> withTypePresets(List<ResourcePresets.Preset> base) {
        List<ResourcePresets.Preset> out = new ArrayList<>(base);
        if (profile != null) {
            for (ResourceHints h : hints) {
                for (ResourcePreset p : h.presets(profile)) {
                    out.add(new ResourcePresets.Preset(p.label(), p.resources()));
                }
            }
        }
        if (evidence != null) {
            out.add(evidence);
        }
        return out;
    }

    private void presetsChanged() {
        if (profile == null) {
            return;
        }
        for (ResourceHints h : hints) {
            if (h.error() != null) {
                setErrorMessage(h.error());
                return;
            }
        }
        int selected = preset.getSelectionIndex();
        boolean wasCustom = selected >= presets.size();
        filling = true;
        try {
            presets = withTypePresets(ResourcePresets.forProfile(profile));
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

    /** The preset with the partition, QoS and account of the last job on this cluster, where the profile still offers them. */
    static Resources remembered(Resources r, ClusterProfile p) {
        if (!p.id().equals(WizardMemory.cluster())) {
            return r;
        }
        Resources out = r;
        String partition = WizardMemory.partition();
        if (!partition.isEmpty() && p.partitions().contains(partition)) {
            out = out.withPartition(partition);
        }
        String q = WizardMemory.qos();
        if (!q.isEmpty() && p.qos().contains(q)) {
            out = out.withQos(q);
        }
        String a = WizardMemory.account();
        if (!a.isEmpty() && (p.accounts().isEmpty() || p.accounts().contains(a))) {
            out = out.withAccount(a);
        }
        return out;
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

    /**
     * Looks in the background for the last similar job's speed (same cluster and partition as typed, the type pages'
     * parameters for the size and the steps) and offers its preset once found.
     */
    private void lookForEvidence() {
        if (profile == null || !(getWizard() instanceof NewJobWizard w) || basics.jobType() == null) {
            return;
        }
        String part = partition.getText().strip().isEmpty() && !profile.partitions().isEmpty() ? profile.partitions().get(0)
                : partition.getText().strip();
        java.util.Map<String, String> params = new java.util.LinkedHashMap<>();
        for (JobTypeWizardPage page : w.jobTypePages()) {
            params.putAll(page.parameters());
            // the config names its inputs by file name, as JobService renders it
            page.inputFiles().forEach((k, v) -> params.putIfAbsent(k, String.valueOf(v.getFileName())));
        }
        String key = profile.id() + "/" + part + "/" + params;
        if (key.equals(evidenceFor)) {
            return;
        }
        evidenceFor = key;
        ClusterProfile p = profile;
        org.namdrunner.core.jobtype.JobType type = basics.jobType();
        org.eclipse.swt.widgets.Display display = getControl().getDisplay();
        org.eclipse.core.runtime.jobs.Job.create("Looking for a similar job's speed", monitor -> {
            ResourcePresets.Preset found = EvidencePreset.find(w.backend().performance(), type, p, part, params).orElse(null);
            display.asyncExec(() -> {
                if (!getControl().isDisposed() && key.equals(evidenceFor) && !java.util.Objects.equals(found, evidence)) {
                    evidence = found;
                    presetsChanged();
                }
            });
            return org.eclipse.core.runtime.Status.OK_STATUS;
        }).schedule();
    }

    private void edited() {
        if (filling || profile == null) {
            return;
        }
        lookForEvidence();
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
