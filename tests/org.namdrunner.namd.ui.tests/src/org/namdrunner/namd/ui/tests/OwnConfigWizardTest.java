package org.namdrunner.namd.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.lifecycle.TypeParameters;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.namd.NamdJobType;
import org.namdrunner.namd.ui.internal.NamdInputFilesPage;
import org.namdrunner.testing.CharmmGuiSystem;
import org.eclipse.jface.wizard.WizardDialog;
import org.namdrunner.ui.internal.wizards.ReviewPage;
import org.namdrunner.ui.tests.HostKeys;
import org.namdrunner.ui.tests.NewJobWizardTester;
import org.namdrunner.ui.tests.TestClusterSetup;
import org.namdrunner.ui.tests.Ui;
import org.namdrunner.ui.tests.Workbench;

/**
 * A person's own config in the New Job wizard: a referenced file that is missing is named (with its line) on the inputs
 * page, before anything is uploaded; CHARMM-GUI's step4_equilibration.inp fills the page; on the review page the config
 * is edited, an edit that reads a file that is not staged is named and blocks Finish without losing the text, the edit
 * survives Back/Next, and the created job stores exactly the edited text. The native file dialog cannot be driven under
 * Xvfb, so the test calls what its OK does.
 */
class OwnConfigWizardTest {

    private static final String NAME = "own-config-ui";

    @Test
    void aMissingReferencedFileIsNamedOnTheInputsPageAndTheReviewEditIsCheckedKeptAndStored() throws Exception {
        TestClusterSetup.keyProfile("testcluster", "Test cluster");
        Path root = Files.createTempDirectory("namd-ui-own");
        Path namd = CharmmGuiSystem.write(root);
        Path mine = Files.createDirectories(root.resolve("mine"));
        Files.writeString(mine.resolve("eq.namd"), """
                set tp ../namd/toppar
                structure   ../namd/step3_input.psf
                coordinates ../namd/step3_input.pdb
                parameters  $tp/par_all36m_prot.prm
                parameters  $tp/par_all36_cgenff_v5.prm
                outputName  eq
                run 100
                """);
        NewJobWizardTester w = NewJobWizardTester.open();
        try {
            w.basics(NAME, "Test cluster");
            w.next();
            NamdInputFilesPage page = Ui.sync(() -> (NamdInputFilesPage) w.currentPage());
            Ui.run(() -> page.useOwnConfig(mine.resolve("eq.namd")));
            Ui.waitUntil("the config to be read", Duration.ofSeconds(20), () -> Ui.sync(() -> !page.readingOwnConfig()));
            String err = w.errorMessage();
            assertTrue(err != null && err.contains("line 5: the parameters file ../namd/toppar/par_all36_cgenff_v5.prm does not exist"), String.valueOf(err));
            assertFalse(Ui.sync(page::isPageComplete));
            w.screenshot("namd-own-config-missing");

            Ui.run(() -> page.useOwnConfig(namd.resolve("step4_equilibration.inp")));
            Ui.waitUntil("the config to be read", Duration.ofSeconds(20), () -> Ui.sync(() -> !page.readingOwnConfig()));
            assertNull(w.errorMessage());
            assertTrue(Ui.sync(page::isPageComplete));
            Map<String, Path> inputs = Ui.sync(page::inputFiles);
            assertEquals(10, inputs.keySet().stream().filter(k -> k.startsWith("parameters")).count(), inputs.toString());
            assertEquals(namd.resolve("restraints/prot_pos.txt"), inputs.get("extra.1"));
            assertTrue(Ui.sync(page::getMessage).startsWith("The job runs step4_equilibration.inp with its 13 files staged"),
                    Ui.sync(page::getMessage));
            w.screenshot("namd-own-config");
            w.next();
            w.next();
            w.resources("Quick test", "400MB", "00:10", "acpu", "cpu-normal");
            w.next();
            ReviewPage review = w.review();
            String generated = Ui.sync(() -> review.fileText(NamdJobType.CONFIG_FILE));
            assertTrue(generated.contains("parameters          input_files/par_all36_lipid.prm\n"), generated);
            assertTrue(generated.contains("run                 125000"), generated);

            String bad = generated.replace("run                 125000", "run                 200")
                    + "parameters          input_files/par_all36_extra.prm\n";
            Ui.run(() -> review.editFile(NamdJobType.CONFIG_FILE, bad));
            Ui.waitUntil("the edit to be refused", Duration.ofSeconds(20), () -> review.getErrorMessage() != null);
            assertTrue(review.getErrorMessage().contains(
                    "config.namd line 31: parameters names par_all36_extra.prm, which is not among the job's input files"),
                    review.getErrorMessage());
            assertFalse(Ui.sync(review::isPageComplete), "Finish waits for a usable config");
            assertEquals(bad, Ui.sync(() -> review.fileText(NamdJobType.CONFIG_FILE)), "the refused edit stays on the page");
            w.screenshot("namd-review-edit-refused");

            String edited = generated.replace("run                 125000", "run                 200")
                    .replace("minimize            10000", "minimize            20");
            Ui.run(() -> review.editFile(NamdJobType.CONFIG_FILE, edited));
            Ui.waitUntil("the edit to be accepted", Duration.ofSeconds(20),
                    () -> Ui.sync(() -> review.getErrorMessage() == null && review.isPageComplete()));
            w.screenshot("namd-review-edit");

            Ui.run(() -> ((WizardDialog) w.shell().getData()).showPage(review.getPreviousPage()));
            w.next();
            ReviewPage again = w.review();
            assertEquals(edited, Ui.sync(() -> again.fileText(NamdJobType.CONFIG_FILE)), "the edit survives Back and Next");

            w.submitRightAway(false);
            long before = created().count();
            w.finish();
            HostKeys.trustIfAsked(TestClusterSetup.cluster().get("hostKeySha256"), Duration.ofSeconds(30));
            HostKeys.trustIfAsked(TestClusterSetup.cluster().get("transferHostKeySha256"), Duration.ofSeconds(30));
            Ui.waitUntil("the job to be created", Duration.ofSeconds(90), () -> created().count() > before);
            Job job = created().max(java.util.Comparator.comparing(Job::createdAt)).orElseThrow();
            Map<String, String> stored = TypeParameters.read(job.typeParameters());
            assertEquals(edited, stored.get(NamdJobType.CONFIG), "the job stores the edited config");
            assertEquals("step4_equilibration.inp", stored.get(NamdJobType.OWN_CONFIG));

            // a new job from this one (as the editor's Resubmit opens it) starts with the stored config, not a template
            NewJobWizardTester copy = NewJobWizardTester.openFrom(job);
            try {
                copy.next();
                NamdInputFilesPage inputs2 = Ui.sync(() -> (NamdInputFilesPage) copy.currentPage());
                assertEquals(edited, Ui.sync(inputs2::parameters).get(NamdJobType.CONFIG));
                String message = Ui.sync(inputs2::getMessage);
                assertTrue(message.startsWith("Choose the structure (PSF) file.")
                        && message.contains("The job runs the config of the job it starts from"), message);
            } finally {
                copy.cancel();
            }
        } finally {
            if (Ui.sync(() -> !w.shell().isDisposed())) {
                w.cancel();
            }
        }
    }

    private static java.util.stream.Stream<Job> created() {
        try {
            return Workbench.backend().store().list(JobFilter.all()).stream().filter(j -> j.name().equals(NAME));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
