package org.namdrunner.ui.internal.wizards;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.namdrunner.core.model.Resources;
import org.namdrunner.ui.NamdRunnerUi;
import org.osgi.service.prefs.BackingStoreException;

/**
 * What the New Job wizard remembers between jobs: the last cluster, partition, QoS, account and each job type's last
 * template (parameter {@code template}). Instance-scope preferences of {@code org.namdrunner.ui}; the defaults (none)
 * are in {@link WizardMemoryInitializer}, so a product's {@code plugin_customization.ini} can preset a cluster.
 * Written when a job is created (flushed in the background), read when the wizard opens.
 */
public final class WizardMemory {

    public static final String CLUSTER = "wizard.lastCluster";
    public static final String PARTITION = "wizard.lastPartition";
    public static final String QOS = "wizard.lastQos";
    public static final String ACCOUNT = "wizard.lastAccount";
    /** Followed by {@code .<job type id>}. */
    public static final String TEMPLATE = "wizard.lastTemplate";
    public static final String TEMPLATE_PARAMETER = "template";

    private WizardMemory() {
    }

    public static String cluster() {
        return get(CLUSTER);
    }

    public static String partition() {
        return get(PARTITION);
    }

    public static String qos() {
        return get(QOS);
    }

    public static String account() {
        return get(ACCOUNT);
    }

    public static String template(String jobTypeId) {
        return get(TEMPLATE + "." + jobTypeId);
    }

    /** Keeps what a created job used. */
    public static void remember(String clusterId, Resources r, String jobTypeId, String template) {
        IEclipsePreferences node = InstanceScope.INSTANCE.getNode(NamdRunnerUi.PLUGIN_ID);
        node.put(CLUSTER, clusterId);
        node.put(PARTITION, r.partition());
        node.put(QOS, r.qos());
        node.put(ACCOUNT, r.account());
        if (template != null && !template.isBlank()) {
            node.put(TEMPLATE + "." + jobTypeId, template.strip());
        }
        org.eclipse.core.runtime.jobs.Job flush = org.eclipse.core.runtime.jobs.Job.create("Saving the New Job choices", m -> {
            try {
                node.flush();
                return Status.OK_STATUS;
            } catch (BackingStoreException e) {
                return Status.warning("The New Job wizard's choices could not be saved: " + e.getMessage(), e);
            }
        });
        flush.setSystem(true);
        flush.schedule();
    }

    private static String get(String key) {
        return Platform.getPreferencesService().getString(NamdRunnerUi.PLUGIN_ID, key, "", null).strip();
    }
}
