package org.namdrunner.ui.internal.preferences;

import java.util.function.Consumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.namdrunner.core.cluster.GpuSetup;

/** The GPU rows of the profile dialog's SLURM tab: GPU partitions, how to request GPUs, a GPU job's module lines. */
final class GpuFields {

    static final String PARTITIONS_LABEL = "GPU partitions:";
    static final String REQUEST_LABEL = "Request GPUs as:";
    static final String MODULES_LABEL = "GPU module lines:";
    private static final String[] REQUEST_LABELS = { "--gres=gpu:N (GPUs per node)", "--gpus=N (GPUs per job)" };

    private final Text partitions;
    private final Combo request;
    private final Text moduleLines;

    GpuFields(Composite c, Runnable changed) {
        new Label(c, SWT.NONE).setText(PARTITIONS_LABEL);
        partitions = new Text(c, SWT.BORDER);
        partitions.setMessage("partition=GPUs per node, e.g. aa100=3, al40=3");
        GridDataFactory.fillDefaults().grab(true, false).hint(320, SWT.DEFAULT).applyTo(partitions);
        new Label(c, SWT.NONE).setText(REQUEST_LABEL);
        request = new Combo(c, SWT.READ_ONLY);
        request.setItems(REQUEST_LABELS);
        request.select(0);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(request);
        new Label(c, SWT.NONE).setText(MODULES_LABEL);
        moduleLines = new Text(c, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL);
        moduleLines.setMessage("empty: GPU jobs use the module lines above");
        GridDataFactory.fillDefaults().grab(true, false).hint(300, 45).applyTo(moduleLines);
        Consumer<org.eclipse.swt.widgets.Event> listener = e -> changed.run();
        partitions.addListener(SWT.Modify, listener::accept);
        moduleLines.addListener(SWT.Modify, listener::accept);
        request.addListener(SWT.Selection, listener::accept);
    }

    void fill(GpuSetup gpu) {
        partitions.setText(gpu.partitionsText());
        request.select(gpu.request() == GpuSetup.Request.GPUS ? 1 : 0);
        moduleLines.setText(String.join("\n", gpu.moduleLines()));
    }

    GpuSetup read() {
        return new GpuSetup(GpuSetup.parsePartitions(partitions.getText()),
                request.getSelectionIndex() == 1 ? GpuSetup.Request.GPUS : GpuSetup.Request.GRES, ProfileForm.lines(moduleLines.getText()));
    }
}
