package org.namdrunner.ui.internal.editor;

import java.util.List;
import java.util.Optional;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.namdrunner.core.cluster.BillingRule;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.CostEstimate;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobUsage;
import org.namdrunner.core.model.UsageAdvice;

/**
 * The Overview's "Efficiency and cost" section for a finished job: what it used of its cores, memory and walltime (from
 * SLURM's accounting, read by the sync that saw it finish), what to ask for next time, and the service units it cost by
 * its cluster's billing rule. Hidden for a job that has not finished or whose usage is not known.
 */
final class UsageSection {

    static final String TITLE = "Efficiency and cost";
    static final String CPU = "CPU";
    static final String MEMORY = "Memory";
    static final String WALLTIME = "Walltime";
    static final String GPUS = "GPUs";
    static final String COST = "Service units";

    private final Facts facts;

    UsageSection(FormToolkit toolkit, Composite body) {
        facts = new Facts(toolkit, body, TITLE, CPU, MEMORY, WALLTIME, GPUS, COST);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(facts.section());
    }

    void update(Job job, Optional<ClusterProfile> profile) {
        Optional<JobUsage> usage = job.status().isTerminal() ? job.usage() : Optional.empty();
        show(facts.section(), usage.isPresent());
        if (usage.isEmpty()) {
            return;
        }
        JobUsage u = usage.get();
        facts.set(CPU, UsageAdvice.cores(u).map(UsageSection::capitalised).orElse("not reported by the cluster"));
        facts.set(MEMORY, UsageAdvice.memory(u).map(UsageSection::capitalised).orElse("not reported (no step ran long enough to be measured)"));
        facts.set(WALLTIME, UsageAdvice.walltime(u).map(UsageSection::capitalised).orElse(""));
        facts.set(GPUS, u.gpus() > 0 ? u.gpus() + " allocated" : "none");
        BillingRule rule = profile.map(p -> p.limits().billing()).orElse(BillingRule.NONE);
        facts.set(COST, CostEstimate.used(rule, job.resources(), u)
                .map(su -> UsageAdvice.serviceUnits(su) + " (" + u.allocatedCpus() + (u.allocatedCpus() == 1 ? " core" : " cores")
                        + (u.gpus() > 0 ? " + " + u.gpus() + (u.gpus() == 1 ? " GPU" : " GPUs") : "")
                        + " for " + UsageAdvice.duration(u.elapsed()) + ")")
                .orElse("the cluster profile has no billing rule"));
        facts.layout();
    }

    /** "CPU: asked 64 cores, …" → "Asked 64 cores, …": the row's name already says what it is about. */
    private static String capitalised(String line) {
        int colon = line.indexOf(": ");
        String rest = colon < 0 ? line : line.substring(colon + 2);
        return rest.isEmpty() ? rest : Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
    }

    String text(String row) {
        return facts.section().isVisible() ? facts.get(row) : "";
    }

    List<String> rows() {
        return List.of(CPU, MEMORY, WALLTIME, GPUS, COST);
    }

    private static void show(Control c, boolean visible) {
        c.setVisible(visible);
        GridDataFactory.createFrom((org.eclipse.swt.layout.GridData) c.getLayoutData()).exclude(!visible).applyTo(c);
    }
}
