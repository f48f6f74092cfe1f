package org.namdrunner.namd.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.namdrunner.namd.ui.internal.NamdParametersPage;
import org.namdrunner.ui.tests.Ui;
import org.namdrunner.ui.tests.Widgets;
import org.namdrunner.ui.tests.NewJobWizardTester;
import org.namdrunner.ui.tests.TestClusterSetup;
import org.namdrunner.ui.tests.TestInputs;
import org.namdrunner.namd.ui.internal.NamdSizeHints;

/** The New Job wizard for NAMD: the template list, and a resources preset sized from the PSF's atom count. */
class NamdSizePresetTest {

    @Test
    void theAtomCountOfThePsfOffersAPresetBySystemSize() throws Exception {
        TestClusterSetup.keyProfile("testcluster", "Test cluster");
        TestInputs in = TestInputs.write(Files.createTempDirectory("namd-size").resolve("in"));
        org.namdrunner.namd.NamdTemplates stored = org.namdrunner.namd.NamdTemplates.fromServices();
        stored.save(java.util.List.of(new org.namdrunner.namd.NamdTemplate("ui-size-own", "My own run", "", "structure {{structure}}\nrun {{n}}\n",
                java.util.List.of(new org.namdrunner.namd.NamdTemplate.Variable("n", "steps", org.namdrunner.namd.NamdTemplate.Kind.INTEGER,
                        1, 1000, "10")), false)));
        NewJobWizardTester w = NewJobWizardTester.open();
        try {
            w.basics("sized-job", "Test cluster");
            w.next();
            w.inputs(in.psf, in.pdb, in.prm);
            w.next();
            Composite params = Ui.sync(() -> (Composite) w.currentPage().getControl());
            String[] templates = Ui.sync(() -> Widgets.after(params, NamdParametersPage.TEMPLATE_LABEL, Combo.class).getItems());
            assertTrue(Arrays.asList(templates).containsAll(java.util.List.of("Vacuum minimization and run",
                    "Explicit solvent NPT with PME")), Arrays.toString(templates));
            Ui.waitUntil("the stored template offered", Duration.ofSeconds(10), () -> Arrays.asList(Ui.sync(
                    () -> Widgets.after(params, NamdParametersPage.TEMPLATE_LABEL, Combo.class).getItems())).contains("My own run (yours)"));
            Ui.run(() -> Widgets.choose(Widgets.after(params, NamdParametersPage.TEMPLATE_LABEL, Combo.class), "My own run"));
            assertEquals("10", Ui.sync(() -> Widgets.after(params, "Steps:", Text.class).getText()), "the stored template's field");
            Ui.run(() -> Widgets.choose(Widgets.after(params, NamdParametersPage.TEMPLATE_LABEL, Combo.class), "Explicit solvent"));
            assertEquals("64", Ui.sync(() -> Widgets.after(params, "Cell size x (Å):", Text.class).getText()), "the NPT template's fields");
            w.next();

            Composite page = Ui.sync(() -> (Composite) w.currentPage().getControl());
            Text atoms = Ui.sync(() -> Widgets.after(page, NamdSizeHints.ATOMS_LABEL, Text.class));
            Ui.waitUntil("the atom count read from tiny.psf", Duration.ofSeconds(10), () -> "12".equals(Ui.sync(atoms::getText)));
            Combo presets = Ui.sync(() -> Widgets.after(page, "Start from:", Combo.class));
            String[] items = Ui.sync(presets::getItems);
            assertTrue(items[0].startsWith("Quick test"), "the cluster's presets come first, unchanged: " + Arrays.toString(items));
            Ui.run(() -> Widgets.choose(presets, "NAMD, 12 atoms"));
            assertEquals(8, (int) Ui.sync(() -> Widgets.after(page, "Cores (MPI tasks):", Spinner.class).getSelection()));
            Ui.run(() -> Widgets.type(atoms, "60000"));
            String chosen = Ui.sync(presets::getText);
            assertTrue(chosen.startsWith("NAMD, 60000 atoms: 50k–150k atoms"), chosen);
            assertEquals(64, (int) Ui.sync(() -> Widgets.after(page, "Cores (MPI tasks):", Spinner.class).getSelection()));
            // a system over 150k atoms would ask for 128 cores; presets never ask for more than one of the
            // twin's (Alpine's) 64-core nodes, and the page says what the preset means on this cluster
            Ui.run(() -> Widgets.type(atoms, "200000"));
            assertTrue(Ui.sync(presets::getText).startsWith("NAMD, 200000 atoms: Over 150k atoms"), Ui.sync(presets::getText));
            assertEquals(64, (int) Ui.sync(() -> Widgets.after(page, "Cores (MPI tasks):", Spinner.class).getSelection()));
            String notes = Ui.sync(() -> Widgets.text(page));
            assertTrue(notes.contains("has 64 cores") && !notes.contains("need 2 nodes"),
                    "the page says what the preset means on this cluster: " + notes);
            w.screenshot("wizard-resources-by-size");
        } finally {
            w.cancel();
            stored.delete("ui-size-own");
        }
    }
}
