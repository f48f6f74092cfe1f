package org.namdrunner.ui.internal.wizards;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.jobtype.JobTypeRegistry;
import org.namdrunner.core.jobtype.JobType;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.validation.InputRules;
import org.namdrunner.ui.NamdRunnerUi;
import org.namdrunner.app.Backend;

/** The first page: the job's name, its type (from the job-type registry) and the cluster it goes to. */
public final class JobBasicsPage extends WizardPage {

    public static final String NAME_LABEL = "Job name:";
    public static final String TYPE_LABEL = "Job type:";
    public static final String CLUSTER_LABEL = "Cluster:";

    private final Backend backend;
    private Text name;
    private Combo type;
    private Label typeDescription;
    private Combo cluster;
    private List<JobType> types = List.of();
    private List<ClusterProfile> profiles = List.of();
    private String initialName;
    private String initialType;
    private String initialCluster;

    JobBasicsPage(Backend backend) {
        super("basics");
        this.backend = backend;
        setTitle("New Job");
        setDescription("Name the job, choose what kind of job it is and the cluster it runs on.");
    }

    void setInitial(String name, String typeId, String clusterId) {
        initialName = name;
        initialType = typeId;
        initialCluster = clusterId;
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).spacing(10, 10).applyTo(c);

        new Label(c, SWT.NONE).setText(NAME_LABEL);
        name = new Text(c, SWT.BORDER);
        name.setText(initialName != null ? initialName : "md-" + LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE));
        name.setMessage("letters, digits, '.', '_' and '-'");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(name);
        Label nameHint = new Label(c, SWT.WRAP);
        nameHint.setText("The name becomes the job's folder and its SLURM job name, so it may only use letters, digits, '.', '_' and '-'.");
        GridDataFactory.fillDefaults().span(2, 1).hint(500, SWT.DEFAULT).indent(0, -4).applyTo(nameHint);

        new Label(c, SWT.NONE).setText(TYPE_LABEL);
        type = new Combo(c, SWT.READ_ONLY);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(type);
        new Label(c, SWT.NONE);
        typeDescription = new Label(c, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(420, SWT.DEFAULT).applyTo(typeDescription);

        new Label(c, SWT.NONE).setText(CLUSTER_LABEL);
        cluster = new Combo(c, SWT.READ_ONLY);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(cluster);
        new Label(c, SWT.NONE);
        Link edit = new Link(c, SWT.NONE);
        edit.setText("<a>Add or change clusters…</a>");
        edit.addListener(SWT.Selection, e -> editClusters());

        fillTypes();
        fillClusters(initialCluster != null ? initialCluster : WizardMemory.cluster());
        name.addListener(SWT.Modify, e -> validate());
        type.addListener(SWT.Selection, e -> {
            showDescription();
            validate();
        });
        cluster.addListener(SWT.Selection, e -> validate());
        setControl(c);
        validate();
    }

    private void fillTypes() {
        types = backend.jobTypes().all();
        for (JobType t : types) {
            type.add(t.name());
        }
        if (!types.isEmpty()) {
            type.select(0);
        }
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i).id().equals(initialType)) {
                type.select(i);
            }
        }
        showDescription();
    }

    private void showDescription() {
        JobType t = jobType();
        typeDescription.setText(t == null ? "" : description(t.id()));
        typeDescription.getParent().layout(true);
    }

    private static String description(String typeId) {
        for (IConfigurationElement e : Platform.getExtensionRegistry().getConfigurationElementsFor(JobTypeRegistry.EXTENSION_POINT)) {
            if (typeId.equals(e.getAttribute("id"))) {
                String d = e.getAttribute("description");
                return d == null ? "" : d;
            }
        }
        return "";
    }

    private void fillClusters(String keep) {
        profiles = backend.profiles().all();
        cluster.removeAll();
        int select = 0;
        for (int i = 0; i < profiles.size(); i++) {
            ClusterProfile p = profiles.get(i);
            cluster.add(p.name() + "  (" + (p.user().isEmpty() ? "" : p.user() + "@") + p.host() + ")");
            if (p.id().equals(keep)) {
                select = i;
            }
        }
        if (!profiles.isEmpty()) {
            cluster.select(select);
        }
    }

    private void editClusters() {
        ClusterProfile before = profile();
        PreferencesUtil.createPreferenceDialogOn(getShell(), NamdRunnerUi.CLUSTERS_PREFERENCE_PAGE_ID,
                new String[] { NamdRunnerUi.CLUSTERS_PREFERENCE_PAGE_ID }, null).open();
        fillClusters(before == null ? null : before.id());
        validate();
    }

    private void validate() {
        String error = null;
        try {
            InputRules.checkJobName(name.getText().strip());
        } catch (InvalidInputException e) {
            error = e.getMessage();
        }
        if (error == null && jobType() == null) {
            error = "No job type is installed. Install a plug-in that provides one (NAMD comes with NAMDRunner).";
        }
        if (error == null && profile() == null) {
            error = "There is no cluster yet. Add one with 'Add or change clusters…'.";
        }
        setErrorMessage(error);
        setPageComplete(error == null);
    }

    public String jobName() {
        return name.getText().strip();
    }

    public JobType jobType() {
        int i = type == null ? -1 : type.getSelectionIndex();
        return i < 0 || i >= types.size() ? null : types.get(i);
    }

    public ClusterProfile profile() {
        int i = cluster == null ? -1 : cluster.getSelectionIndex();
        return i < 0 || i >= profiles.size() ? null : profiles.get(i);
    }

}
