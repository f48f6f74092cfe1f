package org.namdrunner.ui.internal.editor;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.ui.forms.IManagedForm;
import org.namdrunner.core.model.Resources;
import org.namdrunner.ui.internal.views.JobTimes;

/** What the job asked SLURM for, and where its folders are on the cluster. */
final class ResourcesFormPage extends JobFormPage {

    static final String ID = "resources";

    private Facts asked;
    private Facts folders;

    ResourcesFormPage(JobEditor editor) {
        super(editor, ID, "Resources");
    }

    @Override
    void build(IManagedForm form) {
        var body = form.getForm().getBody();
        GridLayoutFactory.swtDefaults().numColumns(1).spacing(12, 12).applyTo(body);
        asked = new Facts(form.getToolkit(), body, "Requested from SLURM", "Cores", "Nodes", "Memory per node", "Walltime",
                "Partition", "QoS", "Account", "GPUs per node", "Constraint");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(asked.section());
        folders = new Facts(form.getToolkit(), body, "Folders on the cluster", "Project folder", "Working folder (scratch)");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(folders.section());
    }

    @Override
    void update(JobSnapshot s) {
        Resources r = s.job().resources();
        asked.set("Cores", Integer.toString(r.cores()));
        asked.set("Nodes", s.profile().map(p -> Integer.toString((r.cores() + p.coresPerNode() - 1) / p.coresPerNode())).orElse(""));
        asked.set("Memory per node", r.memory().toString());
        asked.set("Walltime", JobTimes.duration(r.walltime()) + "  (" + r.walltimeForSlurm() + ")");
        asked.set("Partition", r.partition().isEmpty() ? "the cluster's default" : r.partition());
        asked.set("QoS", r.qos().isEmpty() ? "the default" : r.qos());
        asked.set("Account", r.account().isEmpty() ? "your default" : r.account());
        asked.set("GPUs per node", Integer.toString(r.gpus()));
        asked.set("Constraint", r.constraint());
        folders.set("Project folder", s.job().projectDir().orElse(""));
        folders.set("Working folder (scratch)", s.job().scratchDir().orElse(""));
        asked.layout();
        folders.layout();
    }
}
