package org.namdrunner.ui.internal.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.forms.editor.FormEditor;
import org.namdrunner.core.model.StatusChange;
import org.namdrunner.core.store.JobStoreListener;
import org.namdrunner.core.store.StoreException;
import org.namdrunner.app.Backend;
import org.namdrunner.ui.internal.services.BackendTracker;
import org.namdrunner.ui.internal.views.StatusStyle;

/**
 * One job, on five pages: overview (status, times, what went wrong and what to do), resources, files, status
 * history and the log tail. Read-only; everything is read in background jobs and refreshed when the job
 * changes in the store. Its selection is the job, so the job commands work here as in the Jobs view.
 */
public final class JobEditor extends FormEditor {

    private final List<JobFormPage> jobPages = new ArrayList<>();
    private final JobSelection selection = new JobSelection();
    private LocalResourceManager resources;
    private Backend backend;
    private BackendTracker tracker;
    /** Captured on the UI thread: the loader runs in a background job, where widgets must not be asked. */
    private Display display;
    private Job loader;
    private JobSnapshot snapshot;
    private final JobStoreListener storeListener = ids -> {
        if (ids.contains(jobId())) {
            reload();
        }
    };

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof JobEditorInput)) {
            throw new PartInitException("The job editor opens jobs only.");
        }
        super.init(site, input);
        setPartName(input.getName());
        site.setSelectionProvider(selection);
    }

    String jobId() {
        return ((JobEditorInput) getEditorInput()).jobId();
    }

    @Override
    protected void addPages() {
        resources = new LocalResourceManager(JFaceResources.getResources(), getContainer());
        jobPages.add(new OverviewPage(this));
        jobPages.add(new ResourcesFormPage(this));
        jobPages.add(new FilesPage(this));
        jobPages.add(new HistoryPage(this));
        jobPages.add(new LogPage(this));
        for (JobFormPage p : jobPages) {
            try {
                addPage(p);
            } catch (PartInitException e) {
                throw new IllegalStateException(e);
            }
        }
        display = getSite().getShell().getDisplay();
        tracker = new BackendTracker();
        tracker.whenReadyOnUi(display, this::connect);
    }

    private void connect(Backend b) {
        if (getContainer() == null || getContainer().isDisposed()) {
            return;
        }
        backend = b;
        b.store().addListener(storeListener);
        loader = Job.create("Reading job " + getPartName(), this::load);
        loader.setSystem(true);
        reload();
    }

    void reload() {
        if (loader != null) {
            loader.schedule(100);
        }
    }

    private org.eclipse.core.runtime.IStatus load(IProgressMonitor monitor) {
        try {
            Optional<org.namdrunner.core.model.Job> job = backend.store().find(jobId());
            if (job.isEmpty()) {
                onUi(() -> getSite().getPage().closeEditor(this, false));
                return Status.OK_STATUS;
            }
            List<StatusChange> history = backend.store().history(jobId());
            Optional<org.namdrunner.core.jobtype.JobType> type = backend.jobTypes().find(job.get().jobTypeId());
            JobSnapshot s = new JobSnapshot(job.get(), history, backend.profiles().find(job.get().clusterProfileId()), type,
                    MeasuredSpeed.of(job.get(), type, backend.performance()));
            onUi(() -> show(s));
            return Status.OK_STATUS;
        } catch (StoreException e) {
            return Status.error("The job " + getPartName() + " could not be read from the job database: " + e.getMessage(), e);
        }
    }

    private void onUi(Runnable r) {
        Display d = display;
        if (d != null && !d.isDisposed()) {
            d.asyncExec(() -> {
                if (getContainer() != null && !getContainer().isDisposed()) {
                    r.run();
                }
            });
        }
    }

    private void show(JobSnapshot s) {
        snapshot = s;
        setPartName(s.job().name());
        setTitleImage(image(StatusStyle.icon(s.job().status())));
        selection.setJob(s.job());
        jobPages.forEach(p -> p.setSnapshot(s));
    }

    Image image(ImageDescriptor d) {
        return resources.create(d);
    }

    Backend backend() {
        return backend;
    }

    /** What the editor shows now (for tests), or null before the first read. */
    public JobSnapshot snapshot() {
        return snapshot;
    }

    /** Whether the shown page's toolbar offers this command for the editor's job (for tests). UI thread. */
    public boolean toolbarEnabled(String commandId) {
        return getActivePageInstance() instanceof JobFormPage p && p.toolbarEnabled(commandId);
    }

    /** Switches to a page by id (for tests and links between pages). */
    public void showPage(String pageId) {
        setActivePage(pageId);
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
    }

    @Override
    public void doSaveAs() {
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }

    @Override
    public boolean isDirty() {
        return false;
    }

    @Override
    public void dispose() {
        if (backend != null) {
            backend.store().removeListener(storeListener);
        }
        if (loader != null) {
            loader.cancel();
        }
        if (tracker != null) {
            tracker.close();
        }
        super.dispose();
    }
}
