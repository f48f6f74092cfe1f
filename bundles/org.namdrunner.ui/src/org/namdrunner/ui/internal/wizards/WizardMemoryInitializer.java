package org.namdrunner.ui.internal.wizards;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.namdrunner.ui.NamdRunnerUi;

/** The New Job wizard remembers nothing until a job is created: empty defaults (a product may preset them). */
public final class WizardMemoryInitializer extends AbstractPreferenceInitializer {

    @Override
    public void initializeDefaultPreferences() {
        IEclipsePreferences node = DefaultScope.INSTANCE.getNode(NamdRunnerUi.PLUGIN_ID);
        node.put(WizardMemory.CLUSTER, "");
        node.put(WizardMemory.PARTITION, "");
        node.put(WizardMemory.QOS, "");
        node.put(WizardMemory.ACCOUNT, "");
    }
}
