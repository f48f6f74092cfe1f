package org.namdrunner.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;

import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.testing.BuiltInProfiles;
import org.namdrunner.ui.internal.preferences.ClusterProfileDialog;

/**
 * The profile dialog has no fields for QoS limits and the billing rule; editing or copying a profile in it must keep
 * them (before, OK built a profile without them, so an edited Alpine profile lost its QoS walltimes and SU rates).
 */
class ProfileDialogKeepsLimitsTest {

    @Test
    void editingAndCopyingKeepQosLimitsAndBilling() throws Exception {
        ClusterProfile alpine = BuiltInProfiles.get("alpine", "ralphie");
        assertTrue(alpine.limits().billing().isKnown(), "the built-in profile carries Alpine's SU rule");
        for (ClusterProfileDialog.Mode mode : new ClusterProfileDialog.Mode[] { ClusterProfileDialog.Mode.EDIT, ClusterProfileDialog.Mode.COPY }) {
            ClusterProfileDialog[] opened = new ClusterProfileDialog[1];
            int[] code = new int[1];
            Ui.async(() -> {
                opened[0] = new ClusterProfileDialog(Workbench.window().getShell(), alpine, Set.of("alpine"), mode);
                code[0] = opened[0].open();
            });
            Shell dialog = Dialogs.waitFor(ClusterProfileDialog.TITLE, Duration.ofSeconds(10));
            Ui.run(() -> Widgets.type(Widgets.after(dialog, "Name:", Text.class), "Alpine (mine, " + mode + ")"));
            Dialogs.press(dialog, "OK");
            Ui.waitUntil("the dialog to close", Duration.ofSeconds(10), () -> Ui.sync(dialog::isDisposed));
            ClusterProfile result = Ui.sync(() -> opened[0].result());
            assertEquals(0, code[0], mode + ": OK");
            assertEquals("Alpine (mine, " + mode + ")", result.name());
            assertEquals(alpine.limits(), result.limits(), mode + " keeps the QoS limits and the billing rule");
        }
    }
}
