package org.namdrunner.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.testing.BuiltInProfiles;
import org.namdrunner.testing.TestCluster;
import org.namdrunner.ui.NamdRunnerUi;
import org.namdrunner.ui.internal.preferences.ClustersPreferencePage;
import org.namdrunner.ui.internal.prompts.HostKeyDialog;

/**
 * Test connection in the Clusters preference page, against the twin: a profile whose partitions and QoS are wrong is
 * reported part by part in words, and "Fill from cluster" replaces them with what the cluster reports for the user.
 */
class ConnectionFillTest {

    private static final String ID = "testcluster-fill";
    private static final String NAME = "Test cluster (wrong partitions)";

    @Test
    void wrongPartitionsAreNamedAndFilledFromTheCluster() throws Exception {
        TestCluster cluster = TestClusterSetup.cluster();
        ClusterProfile good = TestClusterSetup.keyProfile(ID, NAME);
        ClusterProfile wrong = BuiltInProfiles.with(good, java.util.Map.of("partitions", List.of("amilan", "acpu"), "qos", List.of("standby")));
        Workbench.backend().profiles().save(wrong);

        Workbench.executeAsync(NamdRunnerUi.COMMAND_CLUSTER_PREFERENCES);
        Shell prefs = Dialogs.waitForPreferences();
        try {
            Ui.run(() -> {
                Table t = Widgets.find(prefs, Table.class, x -> true, "profiles table");
                for (int i = 0; i < t.getItemCount(); i++) {
                    if (t.getItem(i).getText(0).equals(NAME)) {
                        t.setSelection(i);
                        Event e = new Event();
                        e.item = t.getItem(i);
                        t.notifyListeners(SWT.Selection, e);
                    }
                }
            });
            Ui.run(() -> Widgets.click(Widgets.button(prefs, ClustersPreferencePage.TEST)));
            String problems = "Connection test found problems";
            Instant end = Instant.now().plus(Duration.ofMinutes(2));
            while (Ui.sync(() -> Widgets.shell(problems).isEmpty())) {
                if (Instant.now().isAfter(end)) {
                    throw new AssertionError("No test report appeared.\n" + Ui.sync(Ui::describeShells));
                }
                if (Ui.sync(() -> Widgets.shell(HostKeyDialog.TITLE).isPresent())) {
                    String shown = Dialogs.text(Dialogs.waitFor(HostKeyDialog.TITLE, Duration.ofSeconds(1)));
                    String transfer = cluster.get("transferHostKeySha256");
                    HostKeys.trustIfAsked(shown.contains(transfer) ? transfer : cluster.get("hostKeySha256"), Duration.ofSeconds(1));
                }
                Ui.pause(100);
            }
            Shell report = Dialogs.waitFor(problems, Duration.ofSeconds(1));
            String text = Dialogs.text(report);
            assertTrue(text.contains("amilan"), "the report names the partition the cluster does not have:\n" + text);
            assertTrue(text.contains("standby"), "and the QoS:\n" + text);
            Screenshots.capture(report, "dialog-test-connection-problems");
            Dialogs.press(report, "Fill from cluster");

            Ui.waitUntil("the profile filled from the cluster", Duration.ofMinutes(1), () -> Widgets.text(prefs).contains("Filled " + NAME));
            ClustersPreferencePage page = Ui.sync(() -> (ClustersPreferencePage) ((org.eclipse.jface.preference.PreferenceDialog) prefs.getData())
                    .getSelectedPage());
            ClusterProfile filled = Ui.sync(() -> page.shownProfiles().stream().filter(p -> p.id().equals(ID)).findFirst().orElseThrow());
            assertEquals(List.of("acpu", "atesting", "aa100"), filled.partitions(), "the twin's partitions, default first");
            assertTrue(filled.qos().contains("cpu-normal") && !filled.qos().contains("standby"), filled.qos().toString());
            assertEquals(Duration.ofDays(1), filled.limits().maxWalltime("cpu-normal").orElseThrow());
        } finally {
            Dialogs.press(prefs, "Cancel");
        }
    }

    @AfterAll
    static void remove() throws Exception {
        Workbench.backend().profiles().remove(ID);
    }
}
