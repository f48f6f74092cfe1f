package org.namdrunner.ui.internal.editor;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.ui.forms.IManagedForm;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.NotConnectedException;
import org.namdrunner.core.jobtype.JobType;
import org.namdrunner.core.jobtype.JobType.LogSummary;
import org.namdrunner.core.model.Job;
import org.namdrunner.ui.Problems;
import org.namdrunner.app.Backend;
import org.namdrunner.app.ClusterReads;
import org.namdrunner.app.JobLogs;
import org.namdrunner.ui.internal.views.JobColumn;

/**
 * The end of the job's log, with the progress and ETA its job type reads from it. Read when the page is
 * shown, on Refresh, and every minute while the page is visible and the job runs.
 */
final class LogPage extends JobFormPage {

    static final String ID = "log";
    private static final long TAIL_BYTES = 64 * 1024;
    private static final int AUTO_REFRESH_MILLIS = 60_000;

    private StyledText text;
    private ProgressBar bar;
    private Label summary;
    private final BackgroundRead reader = new BackgroundRead();
    private boolean readOnce;

    LogPage(JobEditor editor) {
        super(editor, ID, "Log");
    }

    @Override
    void build(IManagedForm form) {
        var tk = form.getToolkit();
        Composite body = form.getForm().getBody();
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(body);
        bar = new ProgressBar(body, SWT.SMOOTH);
        bar.setMaximum(1000);
        GridDataFactory.swtDefaults().hint(200, SWT.DEFAULT).applyTo(bar);
        summary = tk.createLabel(body, "", SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(summary);
        Button refresh = tk.createButton(body, "Refresh", SWT.PUSH);
        refresh.addListener(SWT.Selection, e -> read(ClusterReads.Trigger.PERSON));
        text = new StyledText(body, SWT.BORDER | SWT.READ_ONLY | SWT.H_SCROLL | SWT.V_SCROLL);
        text.setFont(JFaceResources.getTextFont());
        GridDataFactory.fillDefaults().span(3, 1).grab(true, true).hint(600, 320).applyTo(text);
        body.getDisplay().timerExec(AUTO_REFRESH_MILLIS, new Runnable() {
            @Override
            public void run() {
                if (text.isDisposed()) {
                    return;
                }
                JobSnapshot s = snapshot();
                if (s != null && s.job().status().isActive() && text.isVisible()) {
                    read(ClusterReads.Trigger.BACKGROUND);
                }
                text.getDisplay().timerExec(AUTO_REFRESH_MILLIS, this);
            }
        });
    }

    @Override
    void update(JobSnapshot s) {
        if (!readOnce) {
            readOnce = true;
            // also when an editor is restored at start-up: nobody pressed anything yet
            read(ClusterReads.Trigger.BACKGROUND);
        }
    }

    private void read(ClusterReads.Trigger trigger) {
        JobSnapshot s = snapshot();
        Backend b = jobEditor().backend();
        if (s == null || b == null) {
            return;
        }
        Job job = s.job();
        ClusterProfile profile = s.profile().orElse(null);
        JobType type = s.type().orElse(null);
        String path = type == null ? null : JobLogs.remotePath(job, type).orElse(null);
        if (profile == null || path == null || job.submittedAt().isEmpty()) {
            summary.setText(job.submittedAt().isEmpty() ? "The job has not run yet, so there is no log."
                    : "The log cannot be read: the job's cluster profile or job type is missing.");
            return;
        }
        summary.setText("Reading " + path + "…");
        reader.start("Reading the log of " + job.name(), text, monitor -> {
            String log;
            LogSummary parsed;
            String message;
            try {
                log = b.reads().logTail(job, type, profile, TAIL_BYTES, trigger, monitor);
                parsed = type.parseLog(log);
                if (job.status().isActive()) {
                    b.progress().put(job.id(), parsed);
                }
                b.performance().record(job, parsed);   // also a finished job's speed: evidence for its advice
                message = describe(job, parsed);
            } catch (NotConnectedException e) {
                log = null;
                parsed = null;
                message = e.getMessage();
            } catch (Exception e) {
                log = null;
                parsed = null;
                message = job.status().isActive() && job.startedAt().isEmpty() ? "The job has not started yet, so there is no log."
                        : Problems.of("The log could not be read", e).getMessage();
            }
            return new Reading(log, parsed, message);
        }, r -> {
            if (r.log() != null) {
                text.setText(r.log());
                text.setTopIndex(Math.max(0, text.getLineCount() - 1));
            }
            bar.setSelection(r.parsed() == null || r.parsed().fraction() < 0 ? 0 : (int) Math.round(r.parsed().fraction() * 1000));
            summary.setText(r.message());
            summary.getParent().layout(true);
        });
    }

    /** What one read found: the log tail and its summary (null when it could not be read) and the line that says so. */
    private record Reading(String log, LogSummary parsed, String message) {
    }

    static String describe(Job job, LogSummary s) {
        StringBuilder sb = new StringBuilder();
        if (s.totalSteps() > 0) {
            sb.append(String.format("Step %,d of %,d", s.step(), s.totalSteps()));
            String pct = JobColumn.progressText(job, s);
            if (!pct.isEmpty()) {
                sb.append(" (").append(pct).append(')');
            }
        } else {
            sb.append("No step count in the log yet");
        }
        if (s.nsPerDay() > 0) {
            sb.append(String.format(" · %.2f ns/day", s.nsPerDay()));
        }
        if (!s.failureCause().isEmpty()) {
            sb.append("\n").append(s.failureCause());
        }
        return sb.toString();
    }

    String summaryText() {
        return summary.getText();
    }

    String logText() {
        return text.getText();
    }

    @Override
    public void dispose() {
        reader.cancel();
        super.dispose();
    }
}
