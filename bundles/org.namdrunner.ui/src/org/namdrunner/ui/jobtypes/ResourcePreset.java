package org.namdrunner.ui.jobtypes;

import java.util.Objects;

import org.namdrunner.core.model.Resources;

/**
 * A starting point for the Resources page that a job type suggests (for NAMD: by the size of the system).
 *
 * @param label     what the preset list shows, e.g. "NAMD, 60000 atoms: 50k–150k atoms"
 * @param resources what choosing it fills in
 */
public record ResourcePreset(String label, Resources resources) {

    public ResourcePreset {
        Objects.requireNonNull(label);
        Objects.requireNonNull(resources);
    }
}
