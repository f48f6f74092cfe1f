package org.namdrunner.ui.internal.handlers;

import java.util.Objects;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.services.IEvaluationService;
import org.namdrunner.app.Backend;
import org.namdrunner.app.ClusterImport;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.ui.NamdRunnerUi;
import org.namdrunner.ui.Problems;

/** One import from one cluster, as a user job; its result is shown in a dialog when it ends. */
public final class ImportFromClusterJob extends Job {

    /** All imports, for the enablement test and for tests. */
    public static final Object FAMILY = ImportFromClusterJob.class;
    /** The property the command's enablement tests (re-evaluated when an import starts or ends). */
    static final String IDLE_PROPERTY = "org.namdrunner.ui.import.idle";

    private final Backend backend;
    private final ClusterProfile profile;

    ImportFromClusterJob(Backend backend, ClusterProfile profile, Display display) {
        super("Importing jobs from " + profile.name());
        this.backend = Objects.requireNonNull(backend);
        this.profile = Objects.requireNonNull(profile);
        setUser(true);
        addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void scheduled(IJobChangeEvent event) {
                reevaluate(display);
            }

            @Override
            public void done(IJobChangeEvent event) {
                reevaluate(display);
            }
        });
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        monitor.beginTask("Reading the job folders on " + profile.name(), IProgressMonitor.UNKNOWN);
        try {
            ClusterImport.Result r = ClusterImport.run(backend, profile, monitor);
            String text = ClusterImport.describe(r);
            if (!r.report().rejected().isEmpty()) {
                ILog.of(ImportFromClusterJob.class).log(new Status(IStatus.WARNING, NamdRunnerUi.PLUGIN_ID, text));
            }
            show(r.report().rejected().isEmpty() ? MessageDialog.INFORMATION : MessageDialog.WARNING, text);
            return Status.OK_STATUS;
        } catch (Exception e) {
            // the workbench shows a failed user job's status in a dialog of its own
            return Problems.of("Importing jobs from " + profile.name() + " failed", e);
        } finally {
            monitor.done();
        }
    }

    private static void show(int kind, String text) {
        if (!PlatformUI.isWorkbenchRunning()) {
            return;
        }
        Display display = PlatformUI.getWorkbench().getDisplay();
        display.asyncExec(() -> MessageDialog.open(kind, display.getActiveShell(), ImportFromClusterHandler.TITLE, text, 0));
    }

    private static void reevaluate(Display display) {
        display.asyncExec(() -> {
            if (PlatformUI.isWorkbenchRunning()) {
                IEvaluationService s = PlatformUI.getWorkbench().getService(IEvaluationService.class);
                if (s != null) {
                    s.requestEvaluation(IDLE_PROPERTY);
                }
            }
        });
    }
}
