package org.namdrunner.namd.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.lifecycle.TypeParameters;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.namd.CharmmGuiRestraints;
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
 * A CHARMM-GUI system (ten toppar files) end to end in the workbench on the twin, its folder imported on the inputs
 * page: as the CHARMM-GUI protocol (the Review page naming the three stages, Finish creating and submitting them, the
 * Jobs view following the chain to "3 of 3 stages done"), and as a GPU production on aa100 (NAMD 3's GPU-resident run,
 * which the stand-in's CUDA build alone accepts). The files handed from stage to stage on the cluster:
 * integration.tests/ChainTest; the GPU run's command line and log: integration.tests/GpuRunTest.
 */
class CharmmGuiRunsWizardTest {

    private static final String NAME = "cgui-wizard";

    @Test
    void aCharmmGuiSystemRunsAsAThreeStageChainFromTheWizard() throws Exception {
        ClusterProfile profile = TestClusterSetup.keyProfile("testcluster", "Test cluster");
        Path namd = CharmmGuiSystem.write(Files.createTempDirectory("namd-ui-cg-chain"));
        JobsViewTester jobs = JobsViewTester.open();
        NewJobWizardTester w = NewJobWizardTester.open();
        try {
            w.basics(NAME, "Test cluster");
            w.next();
            NamdInputFilesPage inputs = Ui.sync(() -> (NamdInputFilesPage) w.currentPage());
            Ui.run(() -> inputs.importFolder(namd));
            assertEquals(null, w.errorMessage());
            String told = Ui.sync(() -> inputs.getMessage());
            assertTrue(told != null && told.contains("step4 restraints (extraBonds yes, extraBondsFile prot_pos.txt)"), told);
            w.next();
            Composite c = Ui.sync(() -> (Composite) w.currentPage().getControl());
            Ui.run(() -> Widgets.choose(Widgets.after(c, NamdProtocolSection.PROTOCOL_LABEL, Combo.class), "CHARMM-GUI"));
            Ui.run(() -> Widgets.type(Widgets.after(c, NamdProtocolSection.MINIMIZE_LABEL, Text.class), "20"));
            Ui.run(() -> Widgets.type(Widgets.after(c, "Equilibration steps (one stage per number, e.g. 125000, 250000):", Text.class), "60"));
            Ui.run(() -> Widgets.type(Widgets.after(c, NamdProtocolSection.PRODUCTION_LABEL, Text.class), "80"));
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
        // the view re-reads the store a moment after it changes: wait for it to show the third stage
        jobs.waitForCell(NAME, JobColumn.NAME, "\u25BE " + NAME + " (3 stages)", Duration.ofSeconds(30));
        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        WizardRuns.syncUntil(jobs, NAME, JobColumn.PROGRESS, "3 of 3 stages done", Duration.ofMinutes(5), seen::add,
                CharmmGuiRunsWizardTest::stages);
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
        // CHARMM-GUI's step4 restraints in the step4 stages only; each stage ran, so NAMD opened its restraint file
        var connection = Workbench.backend().connections().connectionFor(profile);
        for (Job j : done) {
            String config = connection.readFile(j.projectDir().orElseThrow() + "/config.namd", 1 << 20, new NullProgressMonitor());
            long restrained = config.lines().filter(l -> l.matches("extraBondsFile\\s+input_files/prot_pos\\.txt")).count();
            assertEquals(j.name().contains("_step4_") ? 1 : 0, restrained, j.name() + ":\n" + config);
        }
        System.out.println("[CharmmGuiRunsWizardTest] the chain's progress as seen: " + seen);
        Screenshots.captureScreen("jobs-view-charmm-gui-chain");

        // a new job from a stage (as the editor's Resubmit opens it) keeps the folder's restraints; its files are chosen again
        String restraints = TypeParameters.read(done.get(0).typeParameters()).get(CharmmGuiRestraints.PARAMETER);
        assertTrue(restraints != null && restraints.contains("extraBondsFile input_files/prot_pos.txt"), "stored: " + restraints);
        NewJobWizardTester copy = NewJobWizardTester.openFrom(done.get(0));
        try {
            copy.next();
            NamdInputFilesPage inputs = Ui.sync(() -> (NamdInputFilesPage) copy.currentPage());
            assertEquals(restraints, Ui.sync(inputs::parameters).get(CharmmGuiRestraints.PARAMETER));
            String message = Ui.sync(inputs::getMessage);
            assertTrue(message.startsWith("Choose the structure (PSF) file.") && message.contains("step4 restraints"), message);
            Ui.run(() -> inputs.importFolder(namd));
            assertEquals(null, copy.errorMessage());
            assertEquals(restraints, Ui.sync(inputs::parameters).get(CharmmGuiRestraints.PARAMETER));
        } finally {
            copy.cancel();
        }
    }

    private static List<Job> stages() {
        try {
            return Workbench.backend().store().list(JobFilter.all()).stream().filter(j -> j.name().startsWith(NAME + "_step"))
                    .sorted(Comparator.comparing(j -> j.chain().map(l -> l.stage()).orElse(0))).toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aCharmmGuiSystemRunsAsAGpuProductionFromTheWizard() throws Exception {
        TestClusterSetup.keyProfile("testcluster", "Test cluster");
        Path namd = CharmmGuiSystem.write(Files.createTempDirectory("namd-ui-cg-gpu"));
        String name = "cgui-gpu-production";
        JobsViewTester jobs = JobsViewTester.open();
        NewJobWizardTester w = NewJobWizardTester.open();
        try {
            w.basics(name, "Test cluster");
            w.next();
            NamdInputFilesPage inputs = Ui.sync(() -> (NamdInputFilesPage) w.currentPage());
            Ui.run(() -> inputs.importFolder(namd));
            w.next();
            w.parameter("Minimization steps:", "0");
            w.parameter("Dynamics steps:", "100");
            w.next();
            Composite page = Ui.sync(() -> (Composite) w.currentPage().getControl());
            w.resources("Quick test", "1GB", "00:10", "aa100", "gpu-testing");
            Ui.run(() -> {
                org.eclipse.swt.widgets.Spinner s = Widgets.after(page, org.namdrunner.ui.internal.wizards.ResourcesPage.GPUS_LABEL,
                        org.eclipse.swt.widgets.Spinner.class);
                s.setSelection(1);
                s.notifyListeners(org.eclipse.swt.SWT.Modify, new org.eclipse.swt.widgets.Event());
            });
            assertEquals(null, w.errorMessage());
            w.next();
            ReviewPage review = w.review();
            String config = Ui.sync(() -> review.fileText("config.namd"));
            String script = Ui.sync(() -> review.fileText("scripts/job.sbatch"));
            assertTrue(config.contains("CUDASOAintegrate   on"), config);
            assertEquals(CharmmGuiSystem.topparFiles().size(), config.lines().filter(l -> l.startsWith("parameters")).count(), config);
            assertTrue(script.contains("--gres=gpu:1") && script.contains("+devices 0 config.namd") && !script.contains("mpirun"), script);
        } catch (Throwable e) {
            w.cancel();
            throw e;
        }
        WizardRuns.finishAndSubmit(w);
        jobs.waitForRow(name, Duration.ofSeconds(120));
        WizardRuns.syncUntil(jobs, name, JobColumn.STATUS, "Completed", Duration.ofMinutes(5), seen -> { }, () -> jobs.row(name));
        Job done = Workbench.backend().store().list(JobFilter.all()).stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow();
        assertEquals(JobStatus.COMPLETED, done.status(), "error: " + done.error());
        assertEquals(1, done.resources().gpus());
        assertEquals("aa100", done.resources().partition());
        Screenshots.captureScreen("jobs-view-charmm-gui-gpu");
    }
}
