package org.namdrunner.ui.jobtypes;

import java.util.List;

import org.eclipse.swt.widgets.Composite;
import org.namdrunner.core.cluster.ClusterProfile;

/**
 * What a job type adds to the New Job wizard's Resources page: a few controls (for NAMD, the number of atoms) and
 * the presets they suggest, listed after the cluster's own. A {@link JobTypeWizardPage} offers one through
 * {@link JobTypeWizardPage#resourceHints()}; all methods are called on the UI thread.
 */
public abstract class ResourceHints {

    /**
     * Creates the controls, as label/control pairs in {@code parent}'s two-column grid. Call {@code changed} whenever
     * {@link #presets} would now answer differently.
     */
    public abstract void createControls(Composite parent, Runnable changed);

    /** The presets to add for this cluster; empty when there is nothing to suggest. */
    public abstract List<ResourcePreset> presets(ClusterProfile profile);

    /** Why the controls' values cannot be used, in words for the page's error line; null when they can. */
    public String error() {
        return null;
    }

    /** Called each time the Resources page is shown (e.g. to read something from the input files chosen before). */
    public void shown() {
    }
}
