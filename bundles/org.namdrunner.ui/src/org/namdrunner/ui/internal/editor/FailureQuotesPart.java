package org.namdrunner.ui.internal.editor;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.namdrunner.app.Backend;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.model.Job;
import org.namdrunner.ui.Problems;

/**
 * On the Overview of a failed job: the lines of its SLURM {@code .err}/{@code .out} that hold the cause, quoted. Read
 * once per failure, in the background, with ranged reads of the files' ends; the page reads on its own only over an
 * open session ({@link SessionPolicy}), otherwise it offers a link that reads (and may log in).
 */
final class FailureQuotesPart {

    private final OverviewPage page;
    private final Label heading;
    private final StyledText lines;
    private final Link readLink;
    private final BackgroundRead reader = new BackgroundRead();
    private String readFor;
    private String shown = "";
    private int generation;

    FailureQuotesPart(OverviewPage page, FormToolkit tk, Composite parent) {
        this.page = page;
        heading = tk.createLabel(parent, "", SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(heading);
        lines = new StyledText(parent, SWT.READ_ONLY | SWT.WRAP | SWT.BORDER);
        lines.setFont(JFaceResources.getTextFont());
        GridDataFactory.fillDefaults().grab(true, false).hint(500, SWT.DEFAULT).applyTo(lines);
        readLink = new Link(parent, SWT.NONE);
        readLink.setText("<a>Read the job's SLURM output from the cluster</a>");
        tk.adapt(readLink, false, false);
        GridDataFactory.fillDefaults().applyTo(readLink);
        readLink.addListener(SWT.Selection, e -> read(page.snapshot(), true));
        show(false, false, false);
    }

    private void show(boolean head, boolean quoted, boolean link) {
        visible(heading, head);
        visible(lines, quoted);
        visible(readLink, link);
    }

    private static void visible(org.eclipse.swt.widgets.Control c, boolean v) {
        c.setVisible(v);
        ((org.eclipse.swt.layout.GridData) c.getLayoutData()).exclude = !v;
    }

    /** Reads the quotes for a failed, finished job once (again when its files or state change). */
    void update(JobSnapshot s) {
        Job j = s.job();
        if (!j.status().isFailure() || !j.status().isTerminal() || SlurmOutput.of(j).isEmpty()) {
            show(false, false, false);
            readFor = null;
            return;
        }
        String key = j.status() + "|" + j.slurmId().orElse("") + "|" + j.outputFiles().size();
        if (!key.equals(readFor)) {
            readFor = key;
            read(s, false);
        }
    }

    private void read(JobSnapshot s, boolean userAsked) {
        Backend b = page.jobEditor().backend();
        ClusterProfile profile = s == null ? null : s.profile().orElse(null);
        Optional<SlurmOutput.Files> files = s == null ? Optional.empty() : SlurmOutput.of(s.job());
        if (b == null || profile == null || files.isEmpty()) {
            return;
        }
        String log = s.type().flatMap(t -> org.namdrunner.app.JobLogs.remotePath(s.job(), t)).orElse(null);
        heading.setText("Reading the end of " + files.get().errName() + " and " + files.get().outName() + "…");
        show(true, false, false);
        page.relayout();
        int gen = ++generation;
        reader.start("Reading the SLURM output of " + s.job().name(), lines, m -> {
            try {
                Optional<ClusterConnection> c = userAsked ? Optional.of(SessionPolicy.forUser(b, profile)) : SessionPolicy.ifOpen(b, profile);
                if (c.isEmpty()) {
                    return new Result(null, "The SLURM output can say more; it is read when a session to " + profile.name() + " is open.");
                }
                return new Result(SlurmOutput.quotes(c.get(), files.get(), log, m), null);
            } catch (Exception e) {
                return new Result(null, Problems.of("The SLURM output could not be read", e).getMessage());
            }
        }, r -> {
            if (gen != generation) {
                return; // a later read (the job's files changed) replaces this one
            }
            if (r.quotes() == null) {
                heading.setText(r.problem());
                show(true, false, true);
            } else if (r.quotes().isEmpty()) {
                heading.setText("The job's output (" + files.get().errName() + ", " + files.get().outName() + (log == null ? "" : ", its log")
                        + ") says nothing more.");
                shown = "";
                show(true, false, false);
            } else {
                heading.setText("From the job's output:");
                shown = r.quotes().stream().map(FailureQuotes.Quote::toString).collect(Collectors.joining("\n"));
                lines.setText(shown);
                show(true, true, false);
            }
            page.relayout();
        });
    }

    private record Result(List<FailureQuotes.Quote> quotes, String problem) {
    }

    String text() {
        return shown;
    }

    void dispose() {
        reader.cancel();
    }
}
