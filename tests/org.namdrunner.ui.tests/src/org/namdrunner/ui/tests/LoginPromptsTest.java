package org.namdrunner.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.testing.TestCluster;
import org.namdrunner.testing.DuoAnswers;
import org.namdrunner.ui.NamdRunnerUi;
import org.namdrunner.ui.internal.preferences.ClustersPreferencePage;
import org.namdrunner.ui.internal.prompts.DialogCredentialPrompter;
import org.namdrunner.ui.internal.prompts.HostKeyDialog;
import org.namdrunner.ui.internal.prompts.LoginDialog;

/**
 * A keyboard-interactive login of the built-in Alpine profile as a CSU user (ralphie@colostate.edu): the password,
 * then the twin's Duo menu answered with "1" (a push the twin approves after a few seconds), started with "Test
 * connection" on the Clusters preference page and answered in the login dialogs.
 */
class LoginPromptsTest {

    private static final String ID = "testcluster-mfa";
    private static final String NAME = "Test cluster (Duo)";

    @Test
    void passwordAndSecondFactorAreAskedInTheLoginDialog() throws Exception {
        TestCluster cluster = TestClusterSetup.cluster();
        ClusterProfile p = TestClusterSetup.mfaProfile(ID, NAME);
        Workbench.executeAsync(NamdRunnerUi.COMMAND_CLUSTER_PREFERENCES);
        Shell prefs = Dialogs.waitForPreferences();
        Ui.run(() -> {
            Table t = Widgets.find(prefs, Table.class, x -> true, "profiles table");
            for (int i = 0; i < t.getItemCount(); i++) {
                if (t.getItem(i).getText(0).equals(NAME)) {
                    t.setSelection(i);
                    t.notifyListeners(SWT.Selection, selection(t, i));
                }
            }
        });
        Ui.run(() -> Widgets.click(Widgets.button(prefs, ClustersPreferencePage.TEST)));

        int answered = 0;
        Instant end = Instant.now().plus(Duration.ofMinutes(2));
        while (Ui.sync(() -> Widgets.shell(ClustersPreferencePage.TEST_OK_TITLE).isEmpty())) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("The MFA login did not finish; answered " + answered + " prompts.\n" + Ui.sync(Ui::describeShells));
            }
            if (Ui.sync(() -> Widgets.shell(HostKeyDialog.TITLE).isPresent())) {
                // Test connection checks the transfer host too, which has a key of its own
                String shown = Dialogs.text(Dialogs.waitFor(HostKeyDialog.TITLE, Duration.ofSeconds(1)));
                String transfer = cluster.get("transferHostKeySha256");
                HostKeys.trustIfAsked(shown.contains(transfer) ? transfer : cluster.get("hostKeySha256"), Duration.ofSeconds(1));
            }
            if (Ui.sync(() -> Widgets.shell(DialogCredentialPrompter.NOT_SAVED_TITLE).isPresent())) {
                Shell notSaved = Dialogs.waitFor(DialogCredentialPrompter.NOT_SAVED_TITLE, Duration.ofSeconds(1));
                System.out.println("Secure storage on this machine: " + Dialogs.text(notSaved).replace('\n', ' '));
                Screenshots.capture(notSaved, "dialog-password-not-saved");
                Dialogs.press(notSaved, "OK");
            }
            if (Ui.sync(() -> Widgets.shell(LoginDialog.TITLE).isPresent())) {
                Shell s = Dialogs.waitFor(LoginDialog.TITLE, Duration.ofSeconds(1));
                boolean password = Dialogs.text(s).contains("Password");
                Ui.run(() -> answerEachPrompt(s, cluster));
                if (password) {
                    assertTrue(Ui.sync(() -> !Widgets.button(s, LoginDialog.SAVE).getSelection()), "saving is never the default");
                }
                Screenshots.capture(s, password ? "dialog-login-password" : "dialog-login-code");
                Dialogs.press(s, "Log in");
                answered++;
            }
            Ui.pause(100);
        }
        Shell ok = Dialogs.waitFor(ClustersPreferencePage.TEST_OK_TITLE, Duration.ofSeconds(1));
        String report = Dialogs.text(ok);
        assertTrue(report.contains("Logged in to " + p.host() + " as " + p.user()), report);
        for (String part : java.util.List.of("SLURM commands", "Partitions", "Transfer host")) {
            assertTrue(report.contains(part), "Test connection reports the part '" + part + "':\n" + report);
        }
        Screenshots.capture(ok, "dialog-test-connection");
        Dialogs.press(ok, "OK");
        Dialogs.press(prefs, "Cancel");
        assertTrue(answered >= 2, "a password and Duo's menu were asked for: " + answered);
        assertTrue(Workbench.backend().sync().state(ID).connected(), "the status line knows the cluster is connected");

    }

    private static org.eclipse.swt.widgets.Event selection(Table t, int i) {
        org.eclipse.swt.widgets.Event e = new org.eclipse.swt.widgets.Event();
        e.item = t.getItem(i);
        return e;
    }

    /** Types the password after a "Password" prompt and "1" (Duo Push, approved after a few seconds) at Duo's menu. UI thread. */
    private static void answerEachPrompt(Shell s, TestCluster cluster) {
        String lastLabel = "";
        for (Control c : Widgets.all(s)) {
            if (c instanceof Label l && !l.getText().isBlank()) {
                lastLabel = l.getText();
            } else if (c instanceof Text t && (t.getStyle() & SWT.READ_ONLY) == 0) {
                Widgets.type(t, lastLabel.contains(DuoAnswers.MENU) ? "1" : cluster.get("duoPassword"));
            }
        }
    }

    @AfterAll
    static void remove() throws Exception {
        Workbench.backend().profiles().remove(ID);
    }
}
