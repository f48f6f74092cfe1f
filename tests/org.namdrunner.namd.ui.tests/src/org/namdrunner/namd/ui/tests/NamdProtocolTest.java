package org.namdrunner.namd.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.lifecycle.ChainStage;
import org.namdrunner.namd.NamdJobType;
import org.namdrunner.namd.NamdProtocols;
import org.namdrunner.namd.ui.internal.NamdProtocolSection;
import org.namdrunner.ui.jobtypes.JobTypeWizardPage;
import org.namdrunner.ui.tests.NewJobWizardTester;
import org.namdrunner.ui.tests.TestClusterSetup;
import org.namdrunner.ui.tests.TestInputs;
import org.namdrunner.ui.tests.Ui;
import org.namdrunner.ui.tests.Widgets;

/**
 * The protocol on the NAMD settings page: one job by default; the CHARMM-GUI protocol makes the page's parameters a
 * three-stage chain (step4 minimization, step4 equilibration, step5 production); a step count that is not a number is
 * refused as typed. (Creating and running the chain on the twin: integration.tests/ChainTest.)
 */
class NamdProtocolTest {

    @Test
    void theCharmmGuiProtocolTurnsTheJobIntoAThreeStageChain() throws Exception {
        TestClusterSetup.keyProfile("testcluster", "Test cluster");
        TestInputs in = TestInputs.write(Files.createTempDirectory("namd-protocol").resolve("in"));
        NewJobWizardTester w = NewJobWizardTester.open();
        try {
            w.basics("protocol-job", "Test cluster");
            w.next();
            w.inputs(in.psf, in.pdb, in.prm);
            w.next();
            JobTypeWizardPage page = Ui.sync(() -> (JobTypeWizardPage) w.currentPage());
            Composite c = Ui.sync(() -> (Composite) page.getControl());
            Combo protocol = Ui.sync(() -> Widgets.after(c, NamdProtocolSection.PROTOCOL_LABEL, Combo.class));
            assertEquals(List.of(), new NamdJobType().stages(Ui.sync(page::parameters)), "one job unless a protocol is chosen");
            Ui.run(() -> Widgets.choose(protocol, "CHARMM-GUI"));
            Text equil = Ui.sync(() -> Widgets.after(c, "Equilibration steps (one stage per number, e.g. 125000, 250000):", Text.class));
            Ui.run(() -> Widgets.type(equil, "125000, lots"));
            assertTrue(w.errorMessage().contains("'lots' is not a number of steps"), w.errorMessage());
            assertFalse(Ui.sync(page::isPageComplete));
            Ui.run(() -> Widgets.type(equil, "50000"));
            assertTrue(Ui.sync(page::isPageComplete), w.errorMessage());
            Map<String, String> params = Ui.sync(page::parameters);
            assertEquals(NamdProtocols.CHARMM_GUI, params.get(NamdProtocols.PROTOCOL));
            List<ChainStage> stages = new NamdJobType().stages(params);
            assertEquals(List.of("step4_minimization", "step4_equilibration", "step5_production"),
                    stages.stream().map(ChainStage::label).toList());
            assertEquals("50000", stages.get(1).parameters().get("runSteps"));
            w.screenshot("namd-settings-protocol");
        } finally {
            w.cancel();
        }
    }
}
