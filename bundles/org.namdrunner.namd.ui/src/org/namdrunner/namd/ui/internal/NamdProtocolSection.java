package org.namdrunner.namd.ui.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.namdrunner.core.jobtype.ReplicableJobType;
import org.namdrunner.core.lifecycle.ReplicaRequest;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.namd.NamdProtocols;

/**
 * The protocol part of the NAMD settings page: one job, or a multi-stage protocol as a chain — minimization →
 * equilibration(s) → production, or the CHARMM-GUI-shaped step4/step5 protocol. Each stage is the chosen template with
 * its own steps; the stages are submitted at once and each waits for the one before it (afterok). Or one job as a set
 * of replicas, each with its own seed, side by side. Checked as it is typed; the page shows the problem and waits.
 */
public final class NamdProtocolSection {

    /** Told after every change: the problem, or null. */
    interface Listener {
        void changed(String problem, String message);
    }

    public static final String PROTOCOL_LABEL = "Protocol:";
    static final String SINGLE = "One job (the template's minimization and run)";
    /** Not "Minimization steps:", which is the template's own field on the same page. */
    public static final String MINIMIZE_LABEL = "Minimization stage steps:";
    public static final String PRODUCTION_LABEL = "Production stage steps:";

    private Combo chooser;
    private Text minimize;
    private Text equilibration;
    private Text production;
    private Button continueOnTimeout;
    private Text replicas;
    private Text firstSeed;
    private final Map<String, String> prefill;
    private final Listener listener;
    private String problem;

    /** Adds the protocol fields (two columns) to {@code c}. */
    NamdProtocolSection(Composite parent, Map<String, String> prefill, Listener listener) {
        this.prefill = Map.copyOf(prefill);
        this.listener = listener;
        Composite c = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(c);
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(10, 8).applyTo(c);
        new Label(c, SWT.NONE).setText(PROTOCOL_LABEL);
        chooser = new Combo(c, SWT.READ_ONLY);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(chooser);
        chooser.add(SINGLE);
        NamdProtocols.all().forEach(p -> chooser.add(p.name()));
        String wanted = prefill.getOrDefault(NamdProtocols.PROTOCOL, "none");
        chooser.select(0);
        for (int i = 0; i < NamdProtocols.all().size(); i++) {
            if (NamdProtocols.all().get(i).id().equals(wanted)) {
                chooser.select(i + 1);
            }
        }
        minimize = field(c, MINIMIZE_LABEL, NamdProtocols.MINIMIZE_STEPS, "10000");
        equilibration = field(c, "Equilibration steps (one stage per number, e.g. 125000, 250000):", NamdProtocols.EQUILIBRATION_STEPS, "125000");
        production = field(c, PRODUCTION_LABEL, NamdProtocols.PRODUCTION_STEPS, "5000000");
        new Label(c, SWT.NONE);
        continueOnTimeout = new Button(c, SWT.CHECK);
        continueOnTimeout.setText("Continue until done: when the production runs out of walltime, continue it from its restart files");
        continueOnTimeout.setSelection("yes".equalsIgnoreCase(prefill.getOrDefault(NamdProtocols.CONTINUE_ON_TIMEOUT, "no")));
        replicas = field(c, "Replicas (copies with their own seeds, run side by side):", ReplicableJobType.REPLICAS, "1");
        firstSeed = field(c, "First seed (blank: random; replica k gets it + k \u2212 1):", ReplicableJobType.FIRST_SEED, "");
        chooser.addListener(SWT.Selection, e -> validate());
        continueOnTimeout.addListener(SWT.Selection, e -> validate());
        validate();
    }

    /** What is wrong with the protocol fields, or null. */
    String problem() {
        return problem;
    }

    private Text field(Composite c, String label, String key, String value) {
        new Label(c, SWT.NONE).setText(label);
        Text t = new Text(c, SWT.BORDER);
        t.setText(prefill.getOrDefault(key, value));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(t);
        t.addListener(SWT.Modify, e -> validate());
        return t;
    }

    private void validate() {
        boolean chain = chooser.getSelectionIndex() > 0;
        for (var w : new org.eclipse.swt.widgets.Control[] { minimize, equilibration, production, continueOnTimeout }) {
            w.setEnabled(chain);
        }
        try {
            int stages = NamdProtocols.fromParameters(parameters()).size();
            int copies = ReplicaRequest.count(replicas.getText().strip());
            firstSeed.setEnabled(copies > 1);
            if (copies > 1 && chain) {
                throw new InvalidInputException(ReplicableJobType.REPLICAS, "Replicas are copies of one job: choose \u201C" + SINGLE
                        + "\u201D as the protocol, or 1 replica.");
            }
            String seed = firstSeed.getText().strip();
            if (copies > 1 && !seed.isEmpty()) {
                ReplicaRequest.firstSeed(seed, copies);
            }
            problem = null;
            listener.changed(null, chain ? stages + " stages, each a job of its own that starts from the files of the one before it."
                    : copies > 1 ? copies + " replicas side by side, each a job of its own with its own seed: " + (seed.isEmpty()
                            ? "chosen at random when they are made, one apart." : seed + " to " + (Long.parseLong(seed) + copies - 1) + ".")
                            : null);
        } catch (InvalidInputException e) {
            problem = e.getMessage();
            listener.changed(problem, null);
        }
    }

    /** The protocol's or the replicas' parameters; none for one job. */
    public Map<String, String> parameters() {
        Map<String, String> out = new LinkedHashMap<>();
        if (chooser == null || chooser.isDisposed()) {
            return out;
        }
        String copies = replicas.getText().strip();
        if (!copies.isEmpty() && !copies.equals("1")) {
            out.put(ReplicableJobType.REPLICAS, copies);
            out.put(ReplicableJobType.FIRST_SEED, firstSeed.getText().strip());
        }
        if (chooser.getSelectionIndex() <= 0) {
            return out;
        }
        out.put(NamdProtocols.PROTOCOL, NamdProtocols.all().get(chooser.getSelectionIndex() - 1).id());
        out.put(NamdProtocols.MINIMIZE_STEPS, minimize.getText().strip());
        out.put(NamdProtocols.EQUILIBRATION_STEPS, equilibration.getText().strip());
        out.put(NamdProtocols.PRODUCTION_STEPS, production.getText().strip());
        out.put(NamdProtocols.CONTINUE_ON_TIMEOUT, continueOnTimeout.getSelection() ? "yes" : "no");
        return out;
    }
}
