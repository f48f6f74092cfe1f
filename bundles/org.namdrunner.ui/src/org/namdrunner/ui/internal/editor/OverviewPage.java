package org.namdrunner.ui.internal.editor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.Section;
import org.namdrunner.core.jobtype.JobType.LogSummary;
import org.namdrunner.core.model.ErrorInfo;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.ui.internal.views.JobColumn;
import org.namdrunner.ui.internal.views.JobTimes;
import org.namdrunner.ui.internal.wizards.NewJobWizard;

/** Status, times, progress and — for a job that did not complete — the cause in plain words and what to do. */
final class OverviewPage extends JobFormPage {

    static final String ID = "overview";
    static final String PROBLEM_TITLE = "What went wrong";

    private Facts status;
    private Facts times;
    private Section progressSection;
    private ProgressBar progressBar;
    private Label progressText;
    private Section problem;
    private Label cause;
    private Composite advice;
    private FailureQuotesPart quotes;
    private FormToolkit toolkit;
    private UsageSection usage;

    OverviewPage(JobEditor editor) {
        super(editor, ID, "Overview");
    }

    @Override
    void build(IManagedForm form) {
        toolkit = form.getToolkit();
        Composite body = form.getForm().getBody();
        GridLayoutFactory.swtDefaults().numColumns(2).equalWidth(true).spacing(16, 12).applyTo(body);

        problem = toolkit.createSection(body, Section.TITLE_BAR);
        problem.setText(PROBLEM_TITLE);
        Composite pc = toolkit.createComposite(problem);
        GridLayoutFactory.fillDefaults().margins(4, 4).spacing(6, 8).applyTo(pc);
        cause = toolkit.createLabel(pc, "", SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(500, SWT.DEFAULT).applyTo(cause);
        quotes = new FailureQuotesPart(this, toolkit, pc);
        advice = toolkit.createComposite(pc);
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(10, 6).applyTo(advice);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(advice);
        problem.setClient(pc);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(problem);

        status = new Facts(toolkit, body, "Status", "Status", "SLURM job", "SLURM state", "Reason", "Exit code", "Signal",
                "Cluster", "Type", "Job id");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status.section());
        times = new Facts(toolkit, body, "Times", "Created", "Submitted", "Started", "Finished", "Run time", "Walltime", "Time left");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(times.section());

        progressSection = toolkit.createSection(body, Section.TITLE_BAR);
        progressSection.setText("Progress");
        Composite prog = toolkit.createComposite(progressSection);
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(prog);
        progressBar = new ProgressBar(prog, SWT.HORIZONTAL | SWT.SMOOTH);
        progressBar.setMaximum(1000);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(progressBar);
        progressText = toolkit.createLabel(prog, "", SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(progressText);
        progressSection.setClient(prog);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(progressSection);
        usage = new UsageSection(toolkit, body);
    }

    @Override
    void update(JobSnapshot s) {
        Job j = s.job();
        Instant now = Instant.now();
        status.set("Status", j.status().label());
        status.set("SLURM job", j.slurmId().orElse("not submitted yet"));
        status.set("SLURM state", j.slurmState().orElse(""));
        status.set("Reason", j.slurmReason().filter(r -> !"None".equals(r)).orElse(""));
        var exit = j.error().flatMap(e -> ExitCode.parse(e.exitCode()));
        status.set("Exit code", exit.map(ExitCode::codeText).orElse(""));
        status.set("Signal", exit.map(ExitCode::signalText).orElse(""));
        status.set("Cluster", s.clusterName());
        status.set("Type", s.typeName());
        status.set("Job id", j.id());
        times.set("Created", JobTimes.fullTime(j.createdAt()));
        times.set("Submitted", JobTimes.fullTime(j.submittedAt().orElse(null)));
        times.set("Started", JobTimes.fullTime(j.startedAt().orElse(null)));
        times.set("Finished", JobTimes.fullTime(j.completedAt().orElse(null)));
        Duration elapsed = JobTimes.elapsed(j, now);
        times.set("Run time", elapsed == null ? "" : JobTimes.duration(elapsed));
        times.set("Walltime", JobTimes.duration(j.resources().walltime()));
        times.set("Time left", elapsed == null || j.status().isTerminal() ? ""
                : JobTimes.duration(j.resources().walltime().minus(elapsed).isNegative() ? Duration.ZERO : j.resources().walltime().minus(elapsed)));
        updateProgress(s);
        updateProblem(s);
        usage.update(j, s.profile());
        status.layout();
        times.layout();
    }

    private void updateProgress(JobSnapshot s) {
        Job j = s.job();
        LogSummary p = jobEditor().backend() == null ? null : jobEditor().backend().progress().get(j.id()).orElse(null);
        boolean visible = j.status() == JobStatus.RUNNING || j.status() == JobStatus.COMPLETED;
        show(progressSection, visible);
        if (!visible) {
            return;
        }
        double f = j.status() == JobStatus.COMPLETED ? 1 : p == null ? -1 : p.fraction();
        progressBar.setSelection(f < 0 ? 0 : (int) Math.round(f * 1000));
        progressText.setText(f < 0 ? "Progress appears after the next sync reads the job's log (or open the Log tab)."
                : JobColumn.progressText(j, p) + (p != null && p.nsPerDay() > 0 ? String.format(" · %.2f ns/day", p.nsPerDay()) : ""));
    }

    private void updateProblem(JobSnapshot s) {
        Job j = s.job();
        ErrorInfo e = j.error().orElse(null);
        boolean visible = e != null || j.status().isFailure();
        show(problem, visible);
        if (!visible) {
            return;
        }
        String text = e == null ? j.status().label() : e.message();
        cause.setText(text);
        quotes.update(s);
        for (Control c : advice.getChildren()) {
            c.dispose();
        }
        List<FailureAdvice.Step> steps = j.status().isTerminal() ? FailureAdvice.forJob(j, s.profile().orElse(null), s.speed()) : List.of();
        for (FailureAdvice.Step step : steps) {
            Label l = toolkit.createLabel(advice, "• " + step.advice(), SWT.WRAP);
            GridDataFactory.fillDefaults().grab(true, false).hint(380, SWT.DEFAULT).span(step.action() == null ? 2 : 1, 1).applyTo(l);
            if (step.action() != null) {
                Button b = toolkit.createButton(advice, step.action(), SWT.PUSH);
                b.addListener(SWT.Selection, ev -> resubmit(j, step));
                GridDataFactory.swtDefaults().align(SWT.END, SWT.CENTER).applyTo(b);
            }
        }
        advice.layout(true);
    }

    private void resubmit(Job j, FailureAdvice.Step step) {
        NewJobWizard wizard = new NewJobWizard(jobEditor().backend());
        wizard.prefillFrom(j, step.retry());
        WizardDialog d = new WizardDialog(getSite().getShell(), wizard);
        d.setPageSize(640, 460);
        d.open();
    }

    private static void show(Control c, boolean visible) {
        c.setVisible(visible);
        GridDataFactory.createFrom((org.eclipse.swt.layout.GridData) c.getLayoutData()).exclude(!visible).applyTo(c);
    }

    /** A row of the efficiency section ({@link UsageSection}), empty when it is hidden (for tests). */
    String usageText(String row) {
        return usage.text(row);
    }

    /** The text of the problem section, empty when it is hidden (for tests). */
    String problemText() {
        return problem.isVisible() ? cause.getText() : "";
    }

    @Override
    public void dispose() {
        if (quotes != null) {
            quotes.dispose();
        }
        super.dispose();
    }

    /** The quoted SLURM output lines shown (for tests). */
    String quotedText() {
        return quotes.text();
    }

    String fact(String name) {
        String v = status.get(name);
        return v != null ? v : times.get(name);
    }

    void relayout() {
        problem.getParent().layout(true, true);
        getManagedForm().reflow(true);
    }
}
