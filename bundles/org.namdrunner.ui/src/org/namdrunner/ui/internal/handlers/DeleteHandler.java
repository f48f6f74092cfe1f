package org.namdrunner.ui.internal.handlers;

import java.util.List;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.handlers.HandlerUtil;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.model.Job;
import org.namdrunner.app.Backend;

/**
 * Deletes the selected jobs after a confirmation that names exactly what will be removed on the cluster: the
 * job's project and scratch folders, and a cancel for jobs that still run.
 */
public final class DeleteHandler extends BackendHandler {

    public static final String TITLE = "Delete jobs";
    public static final String CONFIRM = "Delete";

    @Override
    public Object execute(ExecutionEvent event) {
        List<Job> jobs = SelectedJobs.of(event, JobActions::canDelete);
        Backend b = jobs.isEmpty() ? null : backend(event, TITLE).orElse(null);
        if (b == null) {
            return null;
        }
        MessageDialog d = new MessageDialog(HandlerUtil.getActiveShell(event), TITLE, null, message(jobs, b),
                MessageDialog.WARNING, 1, CONFIRM, "Keep");
        if (d.open() == 0) {
            Operations.delete(b, jobs).schedule();
        }
        return null;
    }

    static String message(List<Job> jobs, Backend b) {
        StringBuilder sb = new StringBuilder(jobs.size() == 1 ? "Delete the job " + jobs.get(0).name() + "?"
                : "Delete these " + jobs.size() + " jobs?");
        sb.append("\n\nThis removes for good, on the cluster:");
        int shown = 0;
        for (Job j : jobs) {
            if (shown++ == 8) {
                sb.append("\n  … and the folders of ").append(jobs.size() - 8).append(" more jobs");
                break;
            }
            ClusterProfile p = b.profiles().find(j.clusterProfileId()).orElse(null);
            String where = p == null ? j.clusterProfileId() : p.name() + " (" + (p.user().isEmpty() ? "" : p.user() + "@") + p.host() + ")";
            sb.append("\n\n").append(j.name()).append(" on ").append(where).append(':');
            j.projectDir().ifPresent(d -> sb.append("\n  • ").append(d).append("   (inputs, scripts and results)"));
            j.scratchDir().ifPresent(d -> sb.append("\n  • ").append(d).append("   (the working copy)"));
            if (j.status().isActive() && j.slurmId().isPresent()) {
                sb.append("\n  • SLURM job ").append(j.slurmId().get()).append(" is ").append(j.status().label().toLowerCase())
                        .append(" and will be cancelled first");
            }
        }
        sb.append("\n\nand the job with its status history from this computer. Results you downloaded stay where they are.");
        return sb.toString();
    }
}
