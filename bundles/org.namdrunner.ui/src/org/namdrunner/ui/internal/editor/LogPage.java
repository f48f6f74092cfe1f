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
import org.namdrunner.app.LogView;
import org.namdrunner.ui.internal.views.JobColumn;

/**
 * The job's progress and ETA, plots of energy, temperature and pressure, and the end of its log, as its job type
 * reads them. The log is followed ({@link JobLogs#refresh}): its head, its tail and samples of its middle once, then
 * only what was appended. Read when the page is shown, on Refresh, and every minute while the page is visible and the
 * job runs; that timed read uses the session only if it is open (it never starts a login).
 */
final class LogPage extends JobFormPage {

    static final String ID = "log";
    private static final int AUTO_REFRESH_MILLIS = 60_000;

    private StyledText text;
    private ProgressBar bar;
    private Label summary;
    private LogPlots plots;
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
        plots = new LogPlots(body);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).hint(600, 230).applyTo(plots.control());
        text = new StyledText(body, SWT.BORDER | SWT.READ_ONLY | SWT.H_SCROLL | SWT.V_SCROLL);
        text.setFont(JFaceResources.getTextFont());
        GridDataFactory.fillDefaults().span(3, 1).grab(true, true).hint(600, 200).applyTo(text);
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

    /** @param trigger whether the person asked for it (opened the page, pressed Refresh): only then may it log in */
    private void read(ClusterReads.Trigger trigger) {
        boolean asked = trigger == ClusterReads.Trigger.PERSON;
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
        if (asked) {
            summary.setText("Reading " + path + "…");
        }
        reader.start("Reading the log of " + job.name(), text, monitor -> {
            try {
                LogView view = b.reads().refreshLog(b.progress(), job, type, profile, true, trigger, monitor).orElse(null);
                if (view != null) {
                    b.performance().record(job, view.summary());   // also a finished job's speed: evidence for its advice
                }
                return view == null ? null : new Reading(view, describe(job, view.summary()));
            } catch (NotConnectedException e) {
                return null;   // said on the page below when nothing is shown yet
            } catch (Exception e) {
                return new Reading(null, job.status().isActive() && job.startedAt().isEmpty() ? "The job has not started yet, so there is no log."
                        : Problems.of("The log could not be read", e).getMessage());
            }
        }, r -> {
            if (r == null) {
                // a read nobody asked for while the session is closed: nothing read; say so once, change nothing else
                if (summary.getText().isEmpty()) {
                    summary.setText(new NotConnectedException(profile).getMessage());
                    summary.getParent().layout(true);
                }
                return;
            }
            if (r.view() != null) {
                text.setText(r.view().text());
                text.setTopIndex(Math.max(0, text.getLineCount() - 1));
                plots.show(r.view());
            }
            LogSummary parsed = r.view() == null ? null : r.view().summary();
            bar.setSelection(parsed == null || parsed.fraction() < 0 ? 0 : (int) Math.round(parsed.fraction() * 1000));
            summary.setText(r.message());
            summary.getParent().layout(true);
        });
    }

    /** What one read found: the followed log (null when it could not be read) and the line that says so. */
    private record Reading(LogView view, String message) {
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

    LogPlots plots() {
        return plots;
    }

    @Override
    public void dispose() {
        reader.cancel();
        super.dispose();
    }
}
