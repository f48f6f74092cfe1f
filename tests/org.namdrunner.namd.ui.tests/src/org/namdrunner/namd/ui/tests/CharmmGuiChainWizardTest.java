package org.namdrunner.namd.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.namd.ui.internal.NamdInputFilesPage;
import org.namdrunner.namd.ui.internal.NamdProtocolSection;
import org.namdrunner.testing.CharmmGuiSystem;
import org.namdrunner.ui.internal.views.JobColumn;
import org.namdrunner.ui.internal.wizards.ReviewPage;
import org.namdrunner.ui.tests.JobsViewTester;
import org.namdrunner.ui.tests.NewJobWizardTester;
import org.namdrunner.ui.tests.Screenshots;
import org.namdrunner.ui.tests.TestClusterSetup;
import org.namdrunner.ui.tests.Ui;
import org.namdrunner.ui.tests.Widgets;
import org.namdrunner.ui.tests.Workbench;

/**
 * A CHARMM-GUI system (ten toppar files) as the CHARMM-GUI protocol, end to end in the workbench on the twin: its
 * folder imported on the inputs page, the protocol chosen on the settings page, the Review page naming the three
 * stages, Finish creating and submitting them, and the Jobs view following the chain to "3 of 3 stages done". (The
 * files handed from stage to stage on the cluster: integration.tests/ChainTest.)
 */
class CharmmGuiChainWizardTest {

    private static final String NAME = "cgui-wizard";

    @Test
    void aCharmmGuiSystemRunsAsAThreeStageChainFromTheWizard() throws Exception {
        TestClusterSetup.keyProfile("testcluster", "Test cluster");
        Path namd = CharmmGuiSystem.write(Files.createTempDirectory("namd-ui-cg-chain"));
        JobsViewTester jobs = JobsViewTester.open();
        NewJobWizardTester w = NewJobWizardTester.open();
        try {
            w.basics(NAME, "Test cluster");
            w.next();
            NamdInputFilesPage inputs = Ui.sync(() -> (NamdInputFilesPage) w.currentPage());
            Ui.run(() -> inputs.importFolder(namd));
            assertEquals(null, w.errorMessage());
            w.next();
            Composite c = Ui.sync(() -> (Composite) w.currentPage().getControl());
            Ui.run(() -> Widgets.choose(Widgets.after(c, NamdProtocolSection.PROTOCOL_LABEL, Combo.class), "CHARMM-GUI"));
            Ui.run(() -> Widgets.type(Widgets.after(c, "Minimization steps:", Text.class), "20"));
            Ui.run(() -> Widgets.type(Widgets.after(c, "Equilibration steps (one stage per number, e.g. 125000, 250000):", Text.class), "60"));
            Ui.run(() -> Widgets.type(Widgets.after(c, "Production steps:", Text.class), "80"));
            assertEquals(null, w.errorMessage());
            w.next();
            w.resources("Quick test", "400MB", "00:10", "acpu", "cpu-normal");
            w.next();
            ReviewPage review = w.review();
            Ui.waitUntil("the review to be prepared", Duration.ofSeconds(30), () -> review.summaryText().contains("Runs as"));
            String summary = Ui.sync(review::summaryText);
            assertTrue(summary.contains("Runs as a chain of 3 jobs, each waiting for the one before it (afterok): 1. "
                    + NAME + "_step4_minimization, 2. " + NAME + "_step4_equilibration, 3. " + NAME + "_step5_production."), summary);
            w.screenshot("namd-review-chain");
        } catch (Throwable e) {
            w.cancel();
            throw e;
        }
        WizardRuns.finishAndSubmit(w);
        Ui.waitUntil("three stages to be submitted", Duration.ofSeconds(180), () -> stages().size() == 3
                && stages().stream().allMatch(j -> j.slurmId().isPresent()));
        jobs.waitForRow(NAME, Duration.ofSeconds(30));
        assertEquals("\u25BE " + NAME + " (3 stages)", jobs.cell(NAME, JobColumn.NAME));
        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        WizardRuns.syncUntil(jobs, NAME, JobColumn.PROGRESS, "3 of 3 stages done", Duration.ofMinutes(5), seen::add,
                CharmmGuiChainWizardTest::stages);
        List<Job> done = stages();
        assertEquals(List.of(NAME + "_step4_minimization", NAME + "_step4_equilibration", NAME + "_step5_production"),
                done.stream().map(Job::name).toList());
        done.forEach(j -> assertEquals(JobStatus.COMPLETED, j.status(), j.name()));
        assertTrue(CharmmGuiSystem.topparFiles().size() >= 8, "at least eight toppar files");
        for (Job j : done) {
            for (String f : CharmmGuiSystem.topparFiles()) {
                assertTrue(j.inputFiles().contains("input_files/" + f), j.name() + " has " + f + ": " + j.inputFiles());
            }
        }
        assertEquals("Completed", jobs.status(NAME));
        System.out.println("[CharmmGuiChainWizardTest] the chain's progress as seen: " + seen);
        Screenshots.captureScreen("jobs-view-charmm-gui-chain");
    }

    private static List<Job> stages() {
        try {
            return Workbench.backend().store().list(JobFilter.all()).stream().filter(j -> j.name().startsWith(NAME + "_step"))
                    .sorted(Comparator.comparing(j -> j.chain().map(l -> l.stage()).orElse(0))).toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
