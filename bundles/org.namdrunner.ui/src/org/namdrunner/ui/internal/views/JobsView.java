package org.namdrunner.ui.internal.views;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.commands.common.NotDefinedException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.statushandlers.StatusManager;
import org.namdrunner.core.store.JobStoreListener;
import org.namdrunner.core.store.JobSummary;
import org.namdrunner.core.store.StoreException;
import org.namdrunner.ui.NamdRunnerUi;
import org.namdrunner.app.Backend;
import org.namdrunner.ui.internal.services.BackendTracker;
import org.namdrunner.app.ClusterState;
import org.namdrunner.app.SyncCoordinator;

/**
 * The researcher's list of jobs, read from the job store in the background and kept current by the store's
 * change events and the background sync. Shows "Starting…" until the services are there and a short
 * explanation instead of an empty table while there are no jobs.
 */
public class JobsView extends ViewPart {

    public static final String STARTING = "Starting…";
    public static final String EMPTY_TITLE = "No jobs yet";
    public static final String EMPTY_HINT = "Jobs you create and submit to a cluster appear here, with their status "
            + "kept up to date from SLURM.\nClosing NAMDRunner loses nothing: every job and its history is stored on "
            + "this computer.";
    public static final String EMPTY_ACTIONS = "<a href=\"new\">Create a job…</a>     <a href=\"clusters\">Set up your cluster…</a>"
            + "     <a href=\"import\">Import jobs from a cluster…</a>";

    private static final int REPAINT_MILLIS = 30_000;
    private static final int RELOAD_DELAY_MILLIS = 150;

    private Composite stack;
    private StackLayout stackLayout;
    private Label starting;
    private Composite emptyState;
    private Composite content;
    private FilterBar filterBar;
    private StaleBanner staleBanner;
    private JobsTable table;
    private Backend backend;
    private BackendTracker tracker;
    /** Captured on the UI thread: the listeners run on background jobs, where widgets must not be asked. */
    private Display display;
    private Job reload;
    private boolean loaded;
    private final JobListReader reader = new JobListReader();
    private final JobStoreListener storeListener = ids -> {
        reader.changed(ids);
        scheduleReload();
    };
    private final Runnable profilesListener = () -> onUi(this::profilesChanged);
    private final SyncCoordinator.Listener syncListener = new SyncCoordinator.Listener() {
        @Override
        public void clusterChanged(ClusterState state) {
            onUi(JobsView.this::staleChanged);
        }

        @Override
        public void progressChanged() {
            onUi(() -> table.repaint());
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        stack = new Composite(parent, SWT.NONE);
        stackLayout = new StackLayout();
        stack.setLayout(stackLayout);
        starting = new Label(stack, SWT.NONE);
        starting.setText(STARTING);
        emptyState = createEmptyState(stack);
        content = createContent(stack);
        show(starting);
        StartupTiming.reportFirstPaint(starting, emptyState, table.viewer().getControl());
        display = parent.getDisplay();
        tracker = new BackendTracker();
        tracker.whenReadyOnUi(display, this::connect);
        display.timerExec(REPAINT_MILLIS, new Runnable() {
            @Override
            public void run() {
                if (!table.viewer().getControl().isDisposed()) {
                    table.repaint();
                    display.timerExec(REPAINT_MILLIS, this);
                }
            }
        });
    }

    private Composite createEmptyState(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().margins(24, 24).spacing(8, 12).applyTo(c);
        Label title = new Label(c, SWT.NONE);
        title.setText(EMPTY_TITLE);
        title.setFont(JFaceResources.getHeaderFont());
        Label hint = new Label(c, SWT.WRAP);
        hint.setText(EMPTY_HINT);
        GridDataFactory.fillDefaults().grab(true, false).hint(520, SWT.DEFAULT).applyTo(hint);
        Link actions = new Link(c, SWT.NONE);
        actions.setText(EMPTY_ACTIONS);
        // the import signs in only when the person clicks it, never by itself at first start
        actions.addListener(SWT.Selection, e -> runCommand("new".equals(e.text) ? NamdRunnerUi.COMMAND_NEW_JOB
                : "import".equals(e.text) ? NamdRunnerUi.COMMAND_IMPORT_FROM_CLUSTER : NamdRunnerUi.COMMAND_CLUSTER_PREFERENCES));
        return c;
    }

    private Composite createContent(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(0, 0).applyTo(c);
        filterBar = new FilterBar(c, q -> table.setQuery(q));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(filterBar.control());
        staleBanner = new StaleBanner(c, this::syncNow);
        staleBanner.show(List.of());
        table = new JobsTable(c);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table.viewer().getControl());
        table.onRowsChanged(rows -> filterBar.showCount(rows.visibleJobCount(), rows.totalCount()));

        MenuManager menu = new MenuManager();
        menu.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        table.viewer().getControl().setMenu(menu.createContextMenu(table.viewer().getControl()));
        getSite().registerContextMenu(NamdRunnerUi.JOBS_VIEW_ID, menu, table.viewer());
        getSite().setSelectionProvider(table.viewer());
        // a chain's or a replica set's row is no job: opening it folds or unfolds its jobs
        table.viewer().addDoubleClickListener(e -> {
            var selection = (org.eclipse.jface.viewers.IStructuredSelection) e.getSelection();
            if (!(selection.size() == 1 && selection.getFirstElement() instanceof JobSummary row && table.toggleGroup(row))) {
                runCommand(NamdRunnerUi.COMMAND_OPEN);
            }
        });
        return c;
    }

    private void connect(Backend b) {
        if (stack.isDisposed()) {
            return;
        }
        backend = b;
        table.setContext(new BackendRowContext(b));
        filterBar.setClusters(b.profiles().all());
        b.store().addListener(storeListener);
        b.sync().addListener(syncListener);
        b.profiles().addListener(profilesListener);
        reload = Job.create("Loading jobs", monitor -> {
            try {
                JobListReader.Update update = reader.read(b.store(), b.jobListPrefetch());
                onUi(() -> {
                    if (update.whole()) {
                        setJobs(update.jobs());
                    } else {
                        patchJobs(update.changedIds(), update.jobs());
                    }
                });
                return Status.OK_STATUS;
            } catch (StoreException e) {
                return Status.error("The list of jobs could not be read from the job database: " + e.getMessage(), e);
            }
        });
        reload.setSystem(true);
        reload.schedule();
    }

    private void scheduleReload() {
        Job r = reload;
        if (r != null) {
            r.schedule(RELOAD_DELAY_MILLIS);
        }
    }

    private void onUi(Runnable r) {
        Display d = display;
        if (d != null && !d.isDisposed()) {
            d.asyncExec(() -> {
                if (!stack.isDisposed()) {
                    r.run();
                }
            });
        }
    }

    /** Shows these jobs, or the empty state when there are none. UI thread only. */
    public void setJobs(List<JobSummary> jobs) {
        loaded = true;
        table.setJobs(jobs);
        staleChanged();
        show(jobs.isEmpty() ? emptyState : content);
        StartupTiming.reportJobsShown(jobs.size());
    }

    private void patchJobs(Set<String> changedIds, List<JobSummary> found) {
        table.patchJobs(changedIds, found);
        staleChanged();
        show(table.rows().totalCount() == 0 ? emptyState : content);
    }

    private void show(org.eclipse.swt.widgets.Control top) {
        if (stackLayout.topControl != top) {
            stackLayout.topControl = top;
            stack.layout(true, true);
        }
    }

    private void profilesChanged() {
        filterBar.setClusters(backend.profiles().all());
        table.refreshRows();
    }

    private void staleChanged() {
        if (backend == null) {
            return;
        }
        Set<String> withActiveJobs = new HashSet<>();
        for (JobSummary j : table.rows().visible()) {
            if (j.status().isActive()) {
                withActiveJobs.add(j.clusterProfileId());
            }
        }
        List<StaleBanner.Entry> entries = new ArrayList<>();
        for (ClusterState s : backend.sync().states()) {
            if (s.stale() && withActiveJobs.contains(s.profileId())) {
                entries.add(new StaleBanner.Entry(s.profileId(), backend.profiles().displayName(s.profileId()), s));
            }
        }
        staleBanner.show(entries);
        content.layout(true, true);
        table.repaint();
    }

    private void syncNow(String profileId) {
        Backend b = backend;
        if (b != null) {
            b.sync().syncNow(profileId);
        }
    }

    private void runCommand(String commandId) {
        try {
            getSite().getService(IHandlerService.class).executeCommand(commandId, null);
        } catch (NotDefinedException e) {
            StatusManager.getManager().handle(Status.error("The command " + commandId + " is missing.", e), StatusManager.LOG);
        } catch (org.eclipse.core.commands.ExecutionException | org.eclipse.core.commands.NotEnabledException
                | org.eclipse.core.commands.NotHandledException e) {
            StatusManager.getManager().handle(Status.error(e.getMessage(), e), StatusManager.LOG);
        }
    }

    /** Whether the empty-state explanation is showing (for tests). */
    public boolean isShowingEmptyState() {
        return stackLayout.topControl == emptyState;
    }

    /** Whether the jobs have been read from the store at least once (for tests). */
    public boolean isLoaded() {
        return loaded;
    }

    /** The text of the stale banner, empty when it is hidden (for tests). */
    public String staleBannerText() {
        return staleBanner.control().isVisible() ? staleBanner.text() : "";
    }

    public JobsTable table() {
        return table;
    }

    public org.eclipse.jface.viewers.TableViewer viewer() {
        return table.viewer();
    }

    @Override
    public void setFocus() {
        stackLayout.topControl.setFocus();
    }

    @Override
    public void dispose() {
        Backend b = backend;
        if (b != null) {
            b.store().removeListener(storeListener);
            b.sync().removeListener(syncListener);
            b.profiles().removeListener(profilesListener);
        }
        if (reload != null) {
            reload.cancel();
        }
        if (tracker != null) {
            tracker.close();
        }
        super.dispose();
    }
}
