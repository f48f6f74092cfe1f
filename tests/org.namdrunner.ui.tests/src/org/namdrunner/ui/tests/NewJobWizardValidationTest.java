package org.namdrunner.ui.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.namdrunner.ui.internal.wizards.JobBasicsPage;
import org.namdrunner.ui.internal.wizards.ResourcesPage;

/** The wizard refuses what the cluster would refuse, as it is typed, in words that say what to change. */
class NewJobWizardValidationTest {

    @Test
    void badNamesFilesAndResourcesAreExplainedBeforeAnythingIsUploaded() throws Exception {
        TestClusterSetup.keyProfile("testcluster", "Test cluster");
        Path dir = Files.createTempDirectory("namdrunner wizard");
        TestInputs good = TestInputs.write(dir.resolve("ok"));
        NewJobWizardTester w = NewJobWizardTester.open();
        try {
            w.basics("my job", "Test cluster");
            assertTrue(w.errorMessage().contains("a space"), w.errorMessage());
            assertFalse(w.canGoNext(), "Next waits for a usable name");
            w.screenshot("wizard-error-name");
            w.basics("checked-job", "Test cluster");
            w.next();

            Path spaced = Files.writeString(dir.resolve("my protein.psf"), "PSF\n");
            w.inputs(spaced, good.pdb, good.prm);
            assertTrue(w.errorMessage().contains("a space"), w.errorMessage());
            w.inputs(good.psf, good.pdb, good.prm);
            w.next();
            w.parameter("Temperature (K):", "5000");
            assertTrue(w.errorMessage().contains("between 0 and 1000"), w.errorMessage());
            w.parameter("Temperature (K):", "300");
            w.next();

            w.resources("Quick test", "300GB", "00:30", "acpu", "cpu-normal");
            assertTrue(w.errorMessage().startsWith("Memory: 300GB per node is more than a node of Test cluster has"), w.errorMessage());
            w.resources("Quick test", "1GB", "30:00:00:00", "acpu", "cpu-normal");
            assertTrue(w.errorMessage().contains("Walltime"), w.errorMessage());
            Ui.run(() -> Widgets.type(Widgets.after((org.eclipse.swt.widgets.Composite) w.currentPage().getControl(),
                    ResourcesPage.WALLTIME_LABEL, Text.class), "9d"));
            assertTrue(w.errorMessage().contains("longer than Test cluster allows"), w.errorMessage());
            w.screenshot("wizard-error-resources");
            assertTrue(JobBasicsPage.NAME_LABEL.endsWith(":"));
        } finally {
            w.cancel();
        }
    }
}
