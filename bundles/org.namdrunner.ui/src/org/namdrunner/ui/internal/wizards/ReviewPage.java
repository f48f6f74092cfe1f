package org.namdrunner.ui.internal.wizards;

import java.util.Map;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.namdrunner.core.cluster.CostEstimate;
import org.namdrunner.core.lifecycle.JobRequest;
import org.namdrunner.ui.Problems;
import org.namdrunner.app.Backend;

/**
 * The last page: every file the job will get (the job type's config and the sbatch script), rendered from what
 * the person entered, before anything is uploaded. Rendering checks the inputs exist, so it runs in the
 * background.
 */
public final class ReviewPage extends WizardPage {

    public static final String SUBMIT_NOW = "Submit to SLURM right after uploading";
    public static final String PREPARING = "Preparing the files…";

    private final Backend backend;
    private final NewJobWizard wizard;
    private Label summary;
    private CTabFolder files;
    private Button submitNow;
    private Job preview;
    private int generation;
    /** Captured on the UI thread in createControl. */
    private volatile org.eclipse.swt.widgets.Display display;

    ReviewPage(Backend backend, NewJobWizard wizard) {
        super("review");
        this.backend = backend;
        this.wizard = wizard;
        setTitle("Review");
        setDescription("These files will be uploaded to the cluster. Nothing has been uploaded yet.");
        setPageComplete(false);
    }

    @Override
    public void createControl(Composite parent) {
        display = parent.getDisplay();
        Composite c = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().applyTo(c);
        summary = new Label(c, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(560, SWT.DEFAULT).applyTo(summary);
        files = new CTabFolder(c, SWT.BORDER | SWT.FLAT);
        GridDataFactory.fillDefaults().grab(true, true).hint(560, 260).applyTo(files);
        submitNow = new Button(c, SWT.CHECK);
        submitNow.setText(SUBMIT_NOW);
        submitNow.setSelection(true);
        setControl(c);
    }

    @Override
    public void setVisible(boolean visible) {
        super.setVisible(visible);
        if (visible) {
            refresh();
        }
    }

    private void refresh() {
        for (CTabItem item : files.getItems()) {
            item.dispose();
        }
        setPageComplete(false);
        setErrorMessage(null);
        JobRequest request;
        try {
            request = wizard.request();
        } catch (RuntimeException e) {
            setErrorMessage(e.getMessage());
            return;
        }
        summary.setText(PREPARING);
        int mine = ++generation;
        preview = Job.create("Preparing the job's files", monitor -> {
            try {
                Map<String, String> rendered = backend.jobService().preview(request);
                asyncShow(mine, () -> show(request, rendered));
            } catch (RuntimeException e) {
                asyncShow(mine, () -> {
                    summary.setText("");
                    setErrorMessage(Problems.of("The job's files could not be prepared", e).getMessage());
                });
            }
            return Status.OK_STATUS;
        });
        preview.setSystem(true);
        preview.schedule();
    }

    /** Runs on the preview job's thread: uses the display captured when the page was built, never the widget's. */
    private void asyncShow(int mine, Runnable r) {
        org.eclipse.swt.widgets.Display d = display;
        if (d == null || d.isDisposed()) {
            return;
        }
        d.asyncExec(() -> {
            if (mine == generation && !getControl().isDisposed()) {
                r.run();
            }
        });
    }

    private void show(JobRequest request, Map<String, String> rendered) {
        var profile = backend.profiles().require(request.profileId());
        var r = request.resources();
        summary.setText(request.name() + " (" + backend.jobTypes().require(request.jobTypeId()).name() + ") on " + profile.name()
                + ": " + r.cores() + (r.cores() == 1 ? " core, " : " cores, ") + r.memory() + " per node, walltime "
                + Walltime.format(r.walltime()) + (r.partition().isEmpty() ? "" : ", partition " + r.partition())
                + (r.qos().isEmpty() ? "" : ", QoS " + r.qos()) + ".\nUploads " + request.inputs().size() + " input files and the files below to "
                + profile.projectsRoot() + "/namdrunner_jobs/<job id>, where <job id> is chosen when the job is created."
                + CostEstimate.beforeSubmission(profile.limits().billing(), r).map(t -> "\n" + t).orElse(""));
        for (Map.Entry<String, String> f : rendered.entrySet()) {
            CTabItem item = new CTabItem(files, SWT.NONE);
            item.setText(f.getKey());
            StyledText text = new StyledText(files, SWT.READ_ONLY | SWT.H_SCROLL | SWT.V_SCROLL);
            text.setFont(JFaceResources.getTextFont());
            text.setText(f.getValue());
            text.setMargins(6, 4, 6, 4);
            item.setControl(text);
        }
        if (files.getItemCount() > 0) {
            files.setSelection(files.getItemCount() - 1);
        }
        ((Composite) getControl()).layout(true, true);
        setPageComplete(true);
    }

    /** The summary above the files, with the cost estimate (for tests). */
    public String summaryText() {
        return summary.getText();
    }

    public boolean submitNow() {
        return submitNow.getSelection();
    }

    /** The names of the files shown (for tests). */
    public String[] fileNames() {
        return java.util.Arrays.stream(files.getItems()).map(CTabItem::getText).toArray(String[]::new);
    }

    /** The text of one shown file (for tests). */
    public String fileText(String name) {
        for (CTabItem item : files.getItems()) {
            if (item.getText().equals(name)) {
                return ((StyledText) item.getControl()).getText();
            }
        }
        return null;
    }

    @Override
    public void dispose() {
        if (preview != null) {
            preview.cancel();
        }
        super.dispose();
    }
}
