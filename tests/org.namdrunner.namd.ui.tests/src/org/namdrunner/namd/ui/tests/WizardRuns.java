package org.namdrunner.namd.ui.tests;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.namdrunner.ui.NamdRunnerUi;
import org.namdrunner.ui.internal.views.JobColumn;
import org.namdrunner.ui.tests.HostKeys;
import org.namdrunner.ui.tests.JobsViewTester;
import org.namdrunner.ui.tests.NewJobWizardTester;
import org.namdrunner.ui.tests.TestClusterSetup;
import org.namdrunner.ui.tests.Ui;
import org.namdrunner.ui.tests.Workbench;

/** Running what the New Job wizard made on the twin, as a person does: Finish with Submit, then Sync until done. */
final class WizardRuns {

    private WizardRuns() {
    }

    /** Finish with "Submit right away", trusting the twin's two host keys when asked; the wizard is closed after. */
    static void finishAndSubmit(NewJobWizardTester w) throws Exception {
        try {
            w.submitRightAway(true);
            w.finish();
            HostKeys.trustIfAsked(TestClusterSetup.cluster().get("hostKeySha256"), Duration.ofSeconds(30));
            HostKeys.trustIfAsked(TestClusterSetup.cluster().get("transferHostKeySha256"), Duration.ofSeconds(30));
        } finally {
            if (Ui.sync(() -> !w.shell().isDisposed())) {
                w.cancel();
            }
        }
    }

    /**
     * Presses Sync All every four seconds until the row shows {@code expected} in the column; each look is also handed
     * to {@code seen}. Fails after the deadline with the row's text and {@code state}.
     */
    static void syncUntil(JobsViewTester jobs, String row, JobColumn column, String expected, Duration deadline,
            Consumer<String> seen, Supplier<Object> state) throws InterruptedException {
        Instant end = Instant.now().plus(deadline);
        while (true) {
            String now = jobs.cell(row, column);
            seen.accept(String.valueOf(now));
            if (expected.equals(now)) {
                return;
            }
            if (Instant.now().isAfter(end)) {
                throw new AssertionError(row + " did not show '" + expected + "' within " + deadline + ": " + now + "; " + state.get());
            }
            Workbench.execute(NamdRunnerUi.COMMAND_SYNC_ALL);
            Thread.sleep(4000);
        }
    }
}
