package org.namdrunner.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.lifecycle.TypeParameters;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.ui.internal.handlers.NewFromJobHandler;
import org.namdrunner.ui.internal.wizards.ResourcesPage;
import org.namdrunner.ui.internal.wizards.ReviewPage;

/**
 * A GPU job through the workbench on the twin: the Resources page offers GPUs on the GPU partition aa100 and refuses
 * more than a node has or GPUs on the CPU partition; the review shows --gres and the multicore-CUDA namd3; submitted,
 * it runs to COMPLETED. Then the wizard remembers the cluster, partition, QoS and template, and "New Job from This
 * Job" opens it with every input file and setting of the GPU job.
 */
class GpuWizardTest {

    /** The NAMD settings page's template list (org.namdrunner.namd.ui, not visible from here). */
    private static final String TEMPLATE_LABEL = "Template:";
    private static final String NAME = "gpu-ui-" + System.currentTimeMillis() % 100_000;

    private static void spin(Composite page, String label, int value) {
        Ui.run(() -> {
            Spinner s = Widgets.after(page, label, Spinner.class);
            s.setSelection(value);
            s.notifyListeners(org.eclipse.swt.SWT.Modify, new org.eclipse.swt.widgets.Event());
        });
    }

    private static void combo(Composite page, String label, String text) {
        Ui.run(() -> {
            Combo c = Widgets.after(page, label, Combo.class);
            c.setText(text);
            c.notifyListeners(org.eclipse.swt.SWT.Modify, new org.eclipse.swt.widgets.Event());
        });
    }

    @Test
    void aGpuJobIsChosenOnTheResourcesPageRunsAndIsRemembered() throws Exception {
        TestClusterSetup.keyProfile("testcluster", "Test cluster");
        TestInputs in = TestInputs.write(Files.createTempDirectory("namd-gpu").resolve("in"));
        NewJobWizardTester w = NewJobWizardTester.open();
        w.basics(NAME, "Test cluster");
        w.next();
        w.inputs(in.psf, in.pdb, in.prm);
        w.next();
        Composite settings = Ui.sync(() -> (Composite) w.currentPage().getControl());
        Ui.run(() -> Widgets.choose(Widgets.after(settings, TEMPLATE_LABEL, Combo.class), "Explicit solvent"));
        w.parameter("Minimization steps:", "0");
        w.parameter("Dynamics steps:", "300");
        w.next();

        Composite page = Ui.sync(() -> (Composite) w.currentPage().getControl());
        w.resources("Quick test", "1GB", "00:10", "aa100", "gpu-testing");
        spin(page, ResourcesPage.CORES_LABEL, 4);
        spin(page, ResourcesPage.GPUS_LABEL, 4);
        assertTrue(String.valueOf(w.errorMessage()).contains("at most 3"), "a node of aa100 has 3 GPUs: " + w.errorMessage());
        assertFalse(w.canGoNext());
        spin(page, ResourcesPage.GPUS_LABEL, 2);
        combo(page, ResourcesPage.PARTITION_LABEL, "acpu");
        combo(page, ResourcesPage.QOS_LABEL, "cpu-normal");
        assertTrue(String.valueOf(w.errorMessage()).contains("'acpu'") && w.errorMessage().contains("no GPUs"), w.errorMessage());
        combo(page, ResourcesPage.PARTITION_LABEL, "aa100");
        combo(page, ResourcesPage.QOS_LABEL, "cpu-normal");
        assertTrue(String.valueOf(w.errorMessage()).contains("not allowed on the partition 'aa100'"), "the QoS too: " + w.errorMessage());
        combo(page, ResourcesPage.QOS_LABEL, "gpu-testing");
        assertNull(w.errorMessage(), "2 GPUs on aa100 with gpu-testing fit");
        String text = Ui.sync(() -> Widgets.text(page));
        assertTrue(text.contains("GPUs per node: aa100: 3"), text);
        w.screenshot("wizard-resources-gpu");
        w.next();

        ReviewPage review = w.review();
        String script = Ui.sync(() -> review.fileText("scripts/job.sbatch"));
        String config = Ui.sync(() -> review.fileText("config.namd"));
        assertTrue(script.contains("#SBATCH --gres=gpu:2") && script.contains("namd3 +p4 +devices 0,1 config.namd"), script);
        assertTrue(script.contains("namd/3.0.1_gpu") && !script.contains("mpirun"), script);
        assertTrue(config.contains("CUDASOAintegrate   on"), config);
        w.submitRightAway(true);
        w.finish();
        HostKeys.trustIfAsked(TestClusterSetup.cluster().get("hostKeySha256"), Duration.ofSeconds(30));
        HostKeys.trustIfAsked(TestClusterSetup.cluster().get("transferHostKeySha256"), Duration.ofSeconds(30));

        JobsViewTester jobs = JobsViewTester.open();
        jobs.waitForRow(NAME, Duration.ofSeconds(60));
        Ui.waitUntil("the GPU job to be handed to SLURM", Duration.ofSeconds(90),
                () -> !"Created".equals(jobs.status(NAME)) && !"Submitting".equals(jobs.status(NAME)));
        Job job = Workbench.backend().store().list(JobFilter.all()).stream().filter(j -> j.name().equals(NAME)).findFirst().orElseThrow();
        Ui.waitUntil("the GPU job to complete", Duration.ofMinutes(4), () -> {
            try {
                Workbench.backend().jobService().sync("testcluster", new org.eclipse.core.runtime.NullProgressMonitor());
                Thread.sleep(2000);
                return Workbench.backend().store().find(job.id()).orElseThrow().status().isTerminal();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        Job done = Workbench.backend().store().find(job.id()).orElseThrow();
        assertEquals(JobStatus.COMPLETED, done.status(), "error: " + done.error());
        assertEquals(2, done.resources().gpus());

        // the wizard remembers: cluster, partition, QoS and the template of the last job
        NewJobWizardTester again = NewJobWizardTester.open();
        try {
            Composite basics = Ui.sync(() -> (Composite) again.currentPage().getControl());
            assertTrue(Ui.sync(() -> Widgets.after(basics, org.namdrunner.ui.internal.wizards.JobBasicsPage.CLUSTER_LABEL, Combo.class).getText()).startsWith("Test cluster"));
            again.basics(NAME + "-b", "Test cluster");
            again.next();
            again.inputs(in.psf, in.pdb, in.prm);
            again.next();
            Composite params = Ui.sync(() -> (Composite) again.currentPage().getControl());
            assertEquals("Explicit solvent NPT with PME", Ui.sync(() -> Widgets.after(params, TEMPLATE_LABEL, Combo.class).getText()),
                    "the template of the last job");
            again.next();
            Composite res = Ui.sync(() -> (Composite) again.currentPage().getControl());
            assertEquals("aa100", Ui.sync(() -> Widgets.after(res, ResourcesPage.PARTITION_LABEL, Combo.class).getText()), "partition remembered");
            assertEquals("gpu-testing", Ui.sync(() -> Widgets.after(res, ResourcesPage.QOS_LABEL, Combo.class).getText()), "QoS remembered");
        } finally {
            again.cancel();
        }

        // New Job from This Job: every input and setting of the GPU job
        jobs.select(NAME);
        assertTrue(Workbench.isEnabled(NewFromJobHandler.COMMAND_ID));
        Workbench.executeAsync(NewFromJobHandler.COMMAND_ID);
        NewJobWizardTester copy = NewJobWizardTester.attach();
        try {
            Composite basics = Ui.sync(() -> (Composite) copy.currentPage().getControl());
            assertEquals(NAME + "-2", Ui.sync(() -> Widgets.after(basics, org.namdrunner.ui.internal.wizards.JobBasicsPage.NAME_LABEL, Text.class).getText()), "the next free name");
            copy.next();
            Composite inputs = Ui.sync(() -> (Composite) copy.currentPage().getControl());
            assertEquals(in.psf.toAbsolutePath().toString(), Ui.sync(() -> Widgets.after(inputs, "Structure (PSF):", Text.class).getText()));
            assertEquals(in.prm.toAbsolutePath().toString(), Ui.sync(() -> Widgets.after(inputs, "CHARMM parameters:", Text.class).getText()));
            copy.next();
            Composite params = Ui.sync(() -> (Composite) copy.currentPage().getControl());
            assertEquals("300", Ui.sync(() -> Widgets.after(params, "Dynamics steps:", Text.class).getText()));
            assertEquals("0", Ui.sync(() -> Widgets.after(params, "Minimization steps:", Text.class).getText()));
            assertEquals("Explicit solvent NPT with PME", Ui.sync(() -> Widgets.after(params, TEMPLATE_LABEL, Combo.class).getText()));
            copy.next();
            Composite res = Ui.sync(() -> (Composite) copy.currentPage().getControl());
            assertEquals(2, (int) Ui.sync(() -> Widgets.after(res, ResourcesPage.GPUS_LABEL, Spinner.class).getSelection()));
            assertEquals(4, (int) Ui.sync(() -> Widgets.after(res, ResourcesPage.CORES_LABEL, Spinner.class).getSelection()));
            assertEquals("aa100", Ui.sync(() -> Widgets.after(res, ResourcesPage.PARTITION_LABEL, Combo.class).getText()));
            copy.next();
            ReviewPage r = copy.review();
            Map<String, String> expected = TypeParameters.read(done.typeParameters());
            String copied = Ui.sync(() -> r.fileText("config.namd"));
            assertTrue(copied.contains("run                " + expected.get("runSteps")), copied);
            assertTrue(copied.contains("CUDASOAintegrate   on") && copied.contains("PME"), copied);
        } finally {
            copy.cancel();
        }
    }

    /** Neither its job nor what it made the wizard remember is left for the other tests of the workbench. */
    @org.junit.jupiter.api.AfterAll
    static void forget() throws Exception {
        Cleanup.deleteJobsNamed(NAME);
        Ui.run(() -> Workbench.page().closeAllEditors(false));
        org.eclipse.core.runtime.preferences.IEclipsePreferences node = org.eclipse.core.runtime.preferences.InstanceScope.INSTANCE
                .getNode(org.namdrunner.ui.NamdRunnerUi.PLUGIN_ID);
        for (String key : node.keys()) {
            if (key.startsWith("wizard.")) {
                node.remove(key);
            }
        }
    }
}
