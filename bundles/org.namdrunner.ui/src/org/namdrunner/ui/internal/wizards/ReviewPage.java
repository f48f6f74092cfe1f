package org.namdrunner.ui.internal.wizards;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.namdrunner.core.jobtype.ReplicableJobType;
import org.namdrunner.core.lifecycle.JobRequest;
import org.namdrunner.core.lifecycle.ReplicaRequest;
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
    public static final String UNDO_EDITS = "Use the generated file";
    public static final String CHECKING = "Checking your edit…";

    private final Backend backend;
    private final NewJobWizard wizard;
    private Label summary;
    private CTabFolder files;
    private Button submitNow;
    private Label editNote;
    private Button undoEdits;
    /** The person's edits of editable files: parameter → text, the file it is, and the generated text it started from. */
    private final Map<String, String> edits = new LinkedHashMap<>();
    private final Map<String, String> editedFile = new HashMap<>();
    private final Map<String, String> editedFrom = new HashMap<>();
    private Map<String, String> generated = Map.of();
    private boolean filling;
    private final Runnable recheck = this::recheck;
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
        Composite editRow = new Composite(c, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(editRow);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(editRow);
        editNote = new Label(editRow, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(420, SWT.DEFAULT).applyTo(editNote);
        undoEdits = new Button(editRow, SWT.PUSH);
        undoEdits.setText(UNDO_EDITS);
        undoEdits.setEnabled(false);
        undoEdits.addListener(SWT.Selection, e -> {
            edits.clear();
            editedFile.clear();
            editedFrom.clear();
            refresh();
        });
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
        setMessage(null);
        JobRequest request;
        JobRequest base;
        try {
            request = wizard.request();
            base = wizard.requestWithoutEdits();
        } catch (RuntimeException e) {
            setErrorMessage(e.getMessage());
            return;
        }
        summary.setText(PREPARING);
        int mine = ++generation;
        boolean anyEdits = !edits.isEmpty();
        preview = Job.create("Preparing the job's files", monitor -> {
            Map<String, String> plain = null;
            Map<String, String> rendered = null;
            RuntimeException failure = null;
            try {
                plain = backend.jobService().preview(base);
                rendered = anyEdits ? backend.jobService().preview(request) : plain;
            } catch (RuntimeException e) {
                failure = e;
            }
            Map<String, String> p = plain;
            Map<String, String> r = rendered;
            RuntimeException f = failure;
            asyncShow(mine, () -> show(request, p, r, f));
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

    /**
     * The files, the editable ones (the job type names them) in an editable text; a person's edit is shown even when
     * it cannot be rendered, so it is never lost from the page.
     */
    private void show(JobRequest request, Map<String, String> plain, Map<String, String> rendered, RuntimeException failure) {
        var type = backend.jobTypes().require(request.jobTypeId());
        generated = plain == null ? Map.of() : plain;
        if (plain == null) {
            summary.setText("");
        } else {
            var profile = backend.profiles().require(request.profileId());
            var r = request.resources();
            summary.setText(request.name() + " (" + type.name() + ") on " + profile.name()
                    + ": " + r.cores() + (r.cores() == 1 ? " core, " : " cores, ") + r.memory() + " per node, walltime "
                    + Walltime.format(r.walltime()) + (r.partition().isEmpty() ? "" : ", partition " + r.partition())
                    + (r.qos().isEmpty() ? "" : ", QoS " + r.qos()) + ".\nUploads " + request.inputs().size() + " input files and the files below to "
                    + profile.projectsRoot() + "/namdrunner_jobs/<job id>, where <job id> is chosen when the job is created."
                    + CostEstimate.beforeSubmission(profile.limits().billing(), r).map(t -> "\n" + t).orElse("")
                    + runsAs(type, request));
        }
        Map<String, String> shown = new LinkedHashMap<>(rendered != null ? rendered : generated);
        edits.forEach((param, text) -> shown.put(editedFile.get(param), text));
        String editable = null;
        for (Map.Entry<String, String> f : shown.entrySet()) {
            String param = type.editedFileParameter(f.getKey());
            CTabItem item = new CTabItem(files, SWT.NONE);
            item.setText(f.getKey());
            StyledText text = new StyledText(files, (param == null ? SWT.READ_ONLY : SWT.NONE) | SWT.H_SCROLL | SWT.V_SCROLL);
            text.setFont(JFaceResources.getTextFont());
            filling = true;
            text.setText(f.getValue());
            filling = false;
            text.setMargins(6, 4, 6, 4);
            item.setControl(text);
            if (param != null) {
                editable = f.getKey();
                String file = f.getKey();
                text.addListener(SWT.Modify, e -> edited(param, file, text.getText()));
            }
        }
        if (files.getItemCount() > 0) {
            int at = files.getItemCount() - 1;
            for (int i = 0; i < files.getItemCount(); i++) {
                at = files.getItem(i).getText().equals(editable) ? i : at;
            }
            files.setSelection(at);
        }
        showEditState(editable);
        ((Composite) getControl()).layout(true, true);
        if (failure != null) {
            setErrorMessage(Problems.of(edits.isEmpty() ? "The job's files could not be prepared" : "Your edit cannot be used", failure).getMessage());
            setPageComplete(false);
        } else {
            setErrorMessage(null);
            setPageComplete(true);
        }
    }

    private void showEditState(String editable) {
        undoEdits.setEnabled(!edits.isEmpty());
        if (editable == null && edits.isEmpty()) {
            editNote.setText("");
            return;
        }
        boolean stale = edits.entrySet().stream().anyMatch(e -> {
            String now = generated.get(editedFile.get(e.getKey()));
            return now != null && !now.equals(editedFrom.get(e.getKey()));
        });
        editNote.setText(edits.isEmpty() ? "You may edit " + editable + " here: the job stores and runs exactly what you leave in it."
                : "Your edit of " + String.join(", ", edits.keySet().stream().map(editedFile::get).toList())
                        + " is kept: the job stores and runs exactly this text."
                        + (stale ? " The generated file has changed since you edited it (an earlier page changed); "
                                + UNDO_EDITS + " takes the new one." : ""));
        editNote.getParent().layout(true);
    }

    /** A keystroke in an editable file: the edit is kept at once, checked after a short pause, and Finish waits for it. */
    private void edited(String param, String file, String text) {
        if (filling) {
            return;
        }
        String from = editedFrom.containsKey(param) ? editedFrom.get(param) : generated.get(file);
        if (text.equals(from)) {
            edits.remove(param);
            editedFile.remove(param);
            editedFrom.remove(param);
        } else {
            edits.put(param, text);
            editedFile.put(param, file);
            editedFrom.putIfAbsent(param, from == null ? "" : from);
        }
        setPageComplete(false);
        setMessage(CHECKING);
        showEditState(file);
        display.timerExec(400, recheck);
    }

    /** Renders the files again with the edits (in the background) and shows what is wrong with them, naming it. */
    private void recheck() {
        if (getControl() == null || getControl().isDisposed()) {
            return;
        }
        JobRequest request;
        try {
            request = wizard.request();
        } catch (RuntimeException e) {
            setErrorMessage(e.getMessage());
            return;
        }
        int mine = ++generation;
        Job check = Job.create("Checking the edited file", monitor -> {
            RuntimeException failure = null;
            try {
                backend.jobService().preview(request);
            } catch (RuntimeException e) {
                failure = e;
            }
            RuntimeException f = failure;
            asyncShow(mine, () -> {
                setMessage(null);
                if (f == null) {
                    setErrorMessage(null);
                    setPageComplete(true);
                } else {
                    setErrorMessage(Problems.of("Your edit cannot be used", f).getMessage());
                    setPageComplete(false);
                }
            });
            return Status.OK_STATUS;
        });
        check.setSystem(true);
        check.schedule();
    }

    /** The person's edits, by the job type's parameter (what the job stores instead of the generated file). */
    Map<String, String> edits() {
        return Map.copyOf(edits);
    }

    /** How many jobs Finish makes when they are more than one: a chain's stages or a set of replicas. */
    private static String runsAs(org.namdrunner.core.jobtype.JobType type, JobRequest request) {
        try {
            org.namdrunner.core.lifecycle.ChainRequest chain = ChainRequests.of(type, request);
            if (chain != null) {
                List<String> stages = new ArrayList<>();
                for (int i = 0; i < chain.stages().size(); i++) {
                    stages.add((i + 1) + ". " + chain.stageName(i));
                }
                return "\nRuns as a chain of " + stages.size() + " jobs, each waiting for the one before it (afterok): "
                        + String.join(", ", stages) + ". The files below are the parameters shared by every stage.";
            }
            String seed = request.parameters().getOrDefault(ReplicableJobType.FIRST_SEED, "").strip();
            ReplicaRequest set = ReplicaRequest.of(request, new java.util.Random(1));
            if (set != null) {
                return "\nRuns as " + set.count() + " replicas side by side, " + set.replicaName(1) + " to " + set.replicaName(set.count())
                        + ", with seeds " + (seed.isEmpty() ? "chosen at random when they are made, one apart"
                                : set.seed(1) + " to " + set.seed(set.count())) + "; each costs as much as one job. "
                        + "The files below are one replica's, before its own seed is added.";
            }
        } catch (RuntimeException e) {
            return "\n" + e.getMessage();
        }
        return "";
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

    /** Types into a shown file as a person would (for tests); only an editable file takes it. */
    public void editFile(String name, String text) {
        for (CTabItem item : files.getItems()) {
            if (item.getText().equals(name) && (((StyledText) item.getControl()).getStyle() & SWT.READ_ONLY) == 0) {
                StyledText t = (StyledText) item.getControl();
                t.setText(text);
                t.setCaretOffset(t.getCharCount());
                t.showSelection();
                return;
            }
        }
        throw new IllegalArgumentException(name + " is not an editable file on the review page");
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
