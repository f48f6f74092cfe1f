package org.namdrunner.namd.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.namdrunner.namd.ui.internal.NamdInputFilesPage;
import org.namdrunner.namd.ui.internal.NamdParametersPage;
import org.namdrunner.testing.CharmmGuiSystem;
import org.namdrunner.ui.tests.NewJobWizardTester;
import org.namdrunner.ui.tests.TestClusterSetup;
import org.namdrunner.ui.tests.Ui;
import org.namdrunner.ui.tests.Widgets;

/**
 * The inputs page of the New Job wizard with a CHARMM-GUI folder of ten toppar files: imported as it is (the
 * native folder dialog cannot be driven under Xvfb, so the test calls what its OK does), the box carried to
 * the settings page; a missing toppar file and a typed path that does not exist are refused on this page, named.
 */
class CharmmGuiImportTest {

    @Test
    void aCharmmGuiFolderFillsThePageAndMissingFilesAreNamedThere() throws Exception {
        TestClusterSetup.keyProfile("testcluster", "Test cluster");
        Path namd = CharmmGuiSystem.write(Files.createTempDirectory("namd-ui-cg"));
        NewJobWizardTester w = NewJobWizardTester.open();
        try {
            w.basics("charmm-gui", "Test cluster");
            w.next();
            NamdInputFilesPage page = Ui.sync(() -> (NamdInputFilesPage) w.currentPage());
            Composite c = Ui.sync(() -> (Composite) page.getControl());

            Ui.run(() -> Widgets.type(Widgets.after(c, "Structure (PSF):", Text.class), namd.resolve("nowhere.psf").toString()));
            String err = w.errorMessage();
            assertTrue(err != null && err.contains("nowhere.psf") && err.contains("does not exist"), String.valueOf(err));
            assertFalse(Ui.sync(page::isPageComplete));

            Ui.run(() -> page.importFolder(namd));
            assertNull(w.errorMessage());
            Map<String, Path> inputs = Ui.sync(page::inputFiles);
            assertEquals(namd.resolve("step3_input.psf"), inputs.get("structure"));
            assertEquals(10, inputs.keySet().stream().filter(k -> k.startsWith("parameters")).count(), inputs.toString());
            assertEquals(namd.resolve("toppar/toppar_all36_lipid_cholesterol.str"), inputs.get("parameters.10"));
            assertTrue(inputs.containsValue(namd.resolve("restraints/prot_pos.txt")), inputs.toString());
            w.screenshot("namd-inputs-charmm-gui");
            assertTrue(Ui.sync(page::isPageComplete), Ui.sync(page::getMessage));
            w.next();
            Composite params = Ui.sync(() -> (Composite) w.currentPage().getControl());
            assertTrue(Ui.sync(() -> Widgets.after(params, NamdParametersPage.TEMPLATE_LABEL, Combo.class).getText()).startsWith("Explicit solvent"));
            assertEquals("52.5", Ui.sync(() -> Widgets.after(params, "Cell size z (Å):", Text.class).getText()), "the folder's box");
            w.screenshot("namd-settings-charmm-gui-box");

            Ui.run(() -> ((org.eclipse.jface.wizard.WizardDialog) w.shell().getData()).showPage(page));
            Files.delete(namd.resolve("toppar/par_all36_cgenff.prm"));
            Ui.run(() -> page.importFolder(namd));
            err = w.errorMessage();
            assertTrue(err != null && err.contains("toppar/par_all36_cgenff.prm") && err.contains("missing"), String.valueOf(err));
            assertFalse(Ui.sync(page::isPageComplete));
        } finally {
            w.cancel();
        }
    }
}
