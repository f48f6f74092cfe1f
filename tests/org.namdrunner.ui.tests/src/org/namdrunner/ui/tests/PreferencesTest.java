package org.namdrunner.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.ui.NamdRunnerUi;
import org.namdrunner.ui.internal.preferences.ClusterProfileDialog;
import org.namdrunner.ui.internal.preferences.ClustersPreferencePage;

/** Cluster profiles and sync settings through the preference pages, saved to the job database. */
class PreferencesTest {

    @Test
    void aClusterAddedOnThePreferencePageIsSavedAndUsable() throws Exception {
        Workbench.backend();
        Workbench.executeAsync(NamdRunnerUi.COMMAND_CLUSTER_PREFERENCES);
        Shell prefs = Dialogs.waitForPreferences();
        Screenshots.capture(prefs, "preferences-clusters");
        String pages = Ui.sync(() -> pageNames(prefs));
        assertTrue(pages.contains("Clusters") && pages.contains("Job Sync") && pages.contains("NAMD Templates"),
                "Jobs > Clusters… opens the one Preferences dialog with every page: " + pages);

        Ui.async(() -> Widgets.click(Widgets.button(prefs, ClustersPreferencePage.ADD)));
        Shell dialog = Dialogs.waitFor(ClusterProfileDialog.TITLE, Duration.ofSeconds(10));
        assertEquals(null, Ui.sync(() -> ((ClusterProfileDialog) dialog.getData()).getErrorMessage()),
                "a new cluster's dialog opens with a prompt, not an error");
        assertTrue(!Ui.sync(() -> Widgets.button(dialog, "OK").isEnabled()), "OK waits until the profile is complete");
        Ui.run(() -> {
            Widgets.type(Widgets.after(dialog, "Name:", Text.class), "Lab cluster");
            Widgets.type(Widgets.after(dialog, "Host:", Text.class), "hpc.lab.example.org");
            Widgets.type(Widgets.after(dialog, "User:", Text.class), "jdoe");
            Widgets.choose(Widgets.after(dialog, "Log in with:", Combo.class), "Password and second factor");
            Widgets.type(Widgets.after(dialog, "Partitions:", Text.class), "normal, gpu");
            Widgets.type(Widgets.after(dialog, "Module lines:", Text.class), "module load namd/3.0");
            Widgets.type(Widgets.after(dialog, "Job folders under:", Text.class), "/projects/jdoe");
            Widgets.type(Widgets.after(dialog, "Working folders under:", Text.class), "scratch/jdoe");
        });
        String error = Ui.sync(() -> Widgets.text(dialog));
        assertTrue(error.contains("must be absolute"), "a relative folder is refused as it is typed: " + error);
        assertTrue(!Ui.sync(() -> Widgets.button(dialog, "OK").isEnabled()), "OK waits for valid values");
        Ui.run(() -> Widgets.type(Widgets.after(dialog, "Working folders under:", Text.class), "/scratch/jdoe"));
        Ui.run(() -> Widgets.type(Widgets.after(dialog, "GPU partitions:", Text.class), "gpu"));
        String gpuError = Ui.sync(() -> Widgets.text(dialog));
        assertTrue(gpuError.contains("'gpu' is not a GPU partition like aa100=3"), "the GPU partitions are checked as typed: " + gpuError);
        Ui.run(() -> {
            Widgets.type(Widgets.after(dialog, "GPU partitions:", Text.class), "gpu=4");
            Widgets.choose(Widgets.after(dialog, "Request GPUs as:", Combo.class), "--gpus=N");
            Widgets.type(Widgets.after(dialog, "GPU module lines:", Text.class), "module load namd/3.0_gpu");
        });
        Dialogs.press(dialog, "OK");

        Dialogs.press(prefs, "Apply and Close");
        Ui.waitUntil("the new profile to be saved", Duration.ofSeconds(20),
                () -> Workbench.backend().profiles().find("lab-cluster").isPresent());
        ClusterProfile saved = Workbench.backend().profiles().find("lab-cluster").orElseThrow();
        assertEquals("hpc.lab.example.org", saved.host());
        assertEquals(ClusterProfile.AuthMethod.KEYBOARD_INTERACTIVE, saved.authMethod());
        assertEquals(java.util.List.of("normal", "gpu"), saved.partitions());
        assertEquals("/scratch/jdoe", saved.scratchRoot());
        assertEquals(new org.namdrunner.core.cluster.GpuSetup(java.util.Map.of("gpu", 4), org.namdrunner.core.cluster.GpuSetup.Request.GPUS,
                java.util.List.of("module load namd/3.0_gpu")), saved.gpu(), "the GPU rows are kept with the profile");
    }

    /** The page names in the dialog's tree, as a person sees them. */
    private static String pageNames(org.eclipse.swt.widgets.Composite c) {
        StringBuilder sb = new StringBuilder();
        for (org.eclipse.swt.widgets.Control child : c.getChildren()) {
            if (child instanceof org.eclipse.swt.widgets.Tree t) {
                for (org.eclipse.swt.widgets.TreeItem i : t.getItems()) {
                    sb.append(i.getText()).append(", ");
                }
            } else if (child instanceof org.eclipse.swt.widgets.Composite inner) {
                sb.append(pageNames(inner));
            }
        }
        return sb.toString();
    }

    @Test
    void theSyncPageShowsTheSyncSettings() throws Exception {
        Ui.async(() -> PreferencesUtil.createPreferenceDialogOn(Workbench.window().getShell(), NamdRunnerUi.SYNC_PREFERENCE_PAGE_ID,
                new String[] { NamdRunnerUi.CLUSTERS_PREFERENCE_PAGE_ID, NamdRunnerUi.SYNC_PREFERENCE_PAGE_ID }, null).open());
        Shell prefs = Dialogs.waitForPreferences();
        assertTrue(Ui.sync(() -> Widgets.button(prefs, org.namdrunner.ui.internal.preferences.SyncPreferencePage.AUTOMATIC_LABEL)
                .getSelection()), "automatic sync is on by default");
        Screenshots.capture(prefs, "preferences-sync");
        Dialogs.press(prefs, "Cancel");
    }

    @AfterAll
    static void remove() throws Exception {
        Workbench.backend().profiles().remove("lab-cluster");
    }
}
