package org.namdrunner.ui.internal.preferences;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.namdrunner.ui.NamdRunnerUi;
import org.namdrunner.app.Backend;
import org.namdrunner.ui.internal.services.BackendTracker;
import org.namdrunner.app.SyncPreferences;

/** How NAMDRunner keeps job statuses current. The poll interval itself belongs to each cluster profile. */
public final class SyncPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    public static final String AUTOMATIC_LABEL = "Sync automatically while a cluster is connected";

    private final BackendTracker backend = new BackendTracker();

    public SyncPreferencePage() {
        super(GRID);
        setDescription("NAMDRunner asks SLURM about waiting and running jobs in the background, with one query per "
                + "cluster. Automatic syncs never start a login on their own; \"Sync\" in the Jobs view does.");
    }

    @Override
    public void init(IWorkbench workbench) {
        // the defaults come from the app bundle's preference initializer (and plugin_customization.ini)
        setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, SyncPreferences.QUALIFIER));
    }

    @Override
    protected void createFieldEditors() {
        addField(new BooleanFieldEditor(SyncPreferences.AUTOMATIC, AUTOMATIC_LABEL, getFieldEditorParent()));
        addField(new BooleanFieldEditor(SyncPreferences.AT_STARTUP,
                "At start-up, sync clusters that have waiting or running jobs (may ask you to log in)", getFieldEditorParent()));
        addField(new BooleanFieldEditor(SyncPreferences.READ_PROGRESS,
                "Read the progress of running jobs from their logs after each sync", getFieldEditorParent()));
        addField(new BooleanFieldEditor(SyncPreferences.NOTIFY_FINISHED, "Show a notification when a job finishes",
                getFieldEditorParent()));
        IntegerFieldEditor grace = new IntegerFieldEditor(SyncPreferences.MISSING_GRACE_MINUTES,
                "Minutes a job may be missing from SLURM before it is shown as Unknown:", getFieldEditorParent(), 4);
        grace.setValidRange(1, 10_000);
        addField(grace);
    }

    @Override
    public boolean performOk() {
        boolean ok = super.performOk();
        backend.current().ifPresent(Backend::settingsChanged);
        return ok;
    }

    @Override
    public void dispose() {
        backend.close();
        super.dispose();
    }
}
