package org.namdrunner.namd.ui.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.namd.PsfAtoms;
import org.namdrunner.namd.SystemSizePresets;
import org.namdrunner.ui.jobtypes.ResourceHints;
import org.namdrunner.ui.jobtypes.ResourcePreset;

/**
 * The NAMD row of the Resources page: the number of atoms, read from the structure file's header in a background
 * job (or typed), and the preset by system size it suggests.
 */
public final class NamdSizeHints extends ResourceHints {

    public static final String ATOMS_LABEL = "Atoms (NAMD system size):";

    private final Supplier<Path> structure;
    private Text atoms;
    private Path readFrom;

    /** @param structure the structure file chosen on the input page, or null */
    NamdSizeHints(Supplier<Path> structure) {
        this.structure = structure;
    }

    @Override
    public void createControls(Composite parent, Runnable changed) {
        new Label(parent, SWT.NONE).setText(ATOMS_LABEL);
        atoms = new Text(parent, SWT.BORDER);
        atoms.setMessage("from the PSF, or type it: adds a preset by system size");
        GridDataFactory.swtDefaults().hint(200, SWT.DEFAULT).applyTo(atoms);
        atoms.addListener(SWT.Modify, e -> changed.run());
        readFrom = null;
    }

    @Override
    public void shown() {
        Path psf = structure.get();
        if (atoms == null || atoms.isDisposed() || psf == null || psf.equals(readFrom)) {
            return;
        }
        readFrom = psf;
        // captured here, on the UI thread: the job below must not ask a widget for its display
        Display display = atoms.getDisplay();
        Text target = atoms;
        Job.create("Reading the atom count of " + psf.getFileName(), monitor -> {
            OptionalLong n;
            try {
                n = PsfAtoms.count(psf);
            } catch (java.io.IOException | RuntimeException e) {
                n = OptionalLong.empty();
            }
            OptionalLong found = n;
            if (found.isPresent() && !display.isDisposed()) {
                display.asyncExec(() -> {
                    if (!target.isDisposed() && target.getText().isBlank()) {
                        target.setText(Long.toString(found.getAsLong()));
                    }
                });
            }
            return Status.OK_STATUS;
        }).schedule();
    }

    @Override
    public List<ResourcePreset> presets(ClusterProfile profile) {
        long n = count();
        if (n <= 0) {
            return List.of();
        }
        SystemSizePresets.SizePreset size = SystemSizePresets.forAtoms(n);
        return List.of(new ResourcePreset("NAMD, " + n + " atoms: " + size.label(), SystemSizePresets.resources(size, profile)));
    }

    @Override
    public String error() {
        return count() < 0 ? "The number of atoms '" + atoms.getText().strip() + "' is not a whole number." : null;
    }

    /** The atom count shown, 0 when none (or not a number). */
    long atoms() {
        return Math.max(0, count());
    }

    private long count() {
        try {
            return atoms == null || atoms.isDisposed() || atoms.getText().isBlank() ? 0 : Long.parseLong(atoms.getText().strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
