package org.namdrunner.ui.internal.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.eclipse.core.commands.Command;
import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.commands.common.NotDefinedException;
import org.eclipse.core.expressions.IEvaluationContext;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.ISources;
import org.eclipse.ui.IWorkbenchPartSite;
import org.eclipse.ui.commands.ICommandImageService;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.statushandlers.StatusManager;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.ui.NamdRunnerUi;
import org.namdrunner.ui.internal.handlers.ContinueHandler;
import org.namdrunner.ui.internal.handlers.JobActions;

/**
 * The job editor's toolbar: the lifecycle commands, each enabled by and run on the editor's own job, whatever is
 * selected in the Jobs view (Cancel on a finished job's editor stays disabled). The command runs in a context
 * whose selection is this job, so its handler, confirmation and enablement are the same as from the Jobs view.
 */
final class JobEditorActions {

    private final IWorkbenchPartSite site;
    private final List<JobAction> actions = new ArrayList<>();
    private Job job;

    JobEditorActions(IWorkbenchPartSite site) {
        this.site = site;
        add(NamdRunnerUi.COMMAND_SUBMIT, JobActions::canSubmit);
        add(NamdRunnerUi.COMMAND_SYNC_SELECTED, JobActions::canSync);
        add(NamdRunnerUi.COMMAND_CANCEL, JobActions::canCancel);
        add(NamdRunnerUi.COMMAND_DOWNLOAD, JobActions::canDownload);
        add(NamdRunnerUi.COMMAND_DELETE, JobActions::canDelete);
        add(ContinueHandler.COMMAND_ID, j -> j.status() == JobStatus.TIMEOUT);
    }

    private void add(String commandId, Predicate<Job> enabled) {
        JobAction a = new JobAction(commandId, enabled);
        ICommandService commands = site.getService(ICommandService.class);
        ICommandImageService images = site.getService(ICommandImageService.class);
        Command c = commands.getCommand(commandId);
        try {
            a.setText(c.getName());
            a.setToolTipText(c.getName());
        } catch (NotDefinedException e) {
            a.setText(commandId);
        }
        if (images != null && images.getImageDescriptor(commandId) != null) {
            a.setImageDescriptor(images.getImageDescriptor(commandId));
        }
        a.setEnabled(false);
        actions.add(a);
    }

    void fill(IToolBarManager toolbar) {
        actions.forEach(toolbar::add);
    }

    /** The editor shows this job now. UI thread. */
    void setJob(Job j) {
        job = j;
        actions.forEach(a -> a.setEnabled(j != null && a.enabled.test(j)));
    }

    private final class JobAction extends Action {

        final String commandId;
        final Predicate<Job> enabled;

        JobAction(String commandId, Predicate<Job> enabled) {
            super(null, AS_PUSH_BUTTON);
            this.commandId = commandId;
            this.enabled = enabled;
            setId(commandId);
        }

        @Override
        public void run() {
            Job j = job;
            if (j == null || !enabled.test(j)) {
                return;
            }
            IHandlerService handlers = site.getService(IHandlerService.class);
            IEvaluationContext context = handlers.createContextSnapshot(false);
            StructuredSelection selection = new StructuredSelection(j);
            context.addVariable(ISources.ACTIVE_CURRENT_SELECTION_NAME, selection);
            Command c = site.getService(ICommandService.class).getCommand(commandId);
            try {
                handlers.executeCommandInContext(new ParameterizedCommand(c, null), null, context);
            } catch (Exception e) {
                StatusManager.getManager().handle(Status.error("The command " + getText() + " could not run: " + e.getMessage(), e),
                        StatusManager.LOG | StatusManager.SHOW);
            }
        }
    }
}
