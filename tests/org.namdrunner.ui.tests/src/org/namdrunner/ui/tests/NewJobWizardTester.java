package org.namdrunner.ui.tests;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.namdrunner.ui.NamdRunnerUi;
import org.namdrunner.ui.internal.wizards.JobBasicsPage;
import org.namdrunner.ui.internal.wizards.NewJobWizard;
import org.namdrunner.ui.internal.wizards.ResourcesPage;
import org.namdrunner.ui.internal.wizards.ReviewPage;

/** Works the New Job wizard through its widgets, page by page. */
public final class NewJobWizardTester {

    private final Shell shell;

    private NewJobWizardTester(Shell shell) {
        this.shell = shell;
    }

    /** Opens the wizard with the New Job command. */
    public static NewJobWizardTester open() {
        Workbench.executeAsync(NamdRunnerUi.COMMAND_NEW_JOB);
        return new NewJobWizardTester(Dialogs.waitFor(NewJobWizard.TITLE, Duration.ofSeconds(20)));
    }

    /** The wizard as the editor's Resubmit opens it: started from {@code job}, its input files to be chosen again. */
    public static NewJobWizardTester openFrom(org.namdrunner.core.model.Job job) {
        Ui.display().asyncExec(() -> {
            NewJobWizard wizard = new NewJobWizard(Workbench.backend());
            wizard.prefillFrom(job, (org.namdrunner.core.model.Resources) null);
            new WizardDialog(Workbench.window().getShell(), wizard).open();
        });
        return attach();
    }

    /** A wizard opened by something else (e.g. a Resubmit button). */
    public static NewJobWizardTester attach() {
        return new NewJobWizardTester(Dialogs.waitFor(NewJobWizard.TITLE, Duration.ofSeconds(20)));
    }

    public Shell shell() {
        return shell;
    }

    public IWizardPage currentPage() {
        return Ui.sync(() -> ((WizardDialog) shell.getData()).getCurrentPage());
    }

    private Composite pageControl() {
        return (Composite) currentPage().getControl();
    }

    public String errorMessage() {
        return Ui.sync(() -> currentPage().getErrorMessage());
    }

    public void basics(String name, String clusterStartsWith) {
        Ui.run(() -> {
            Widgets.type(Widgets.after(pageControl(), JobBasicsPage.NAME_LABEL, Text.class), name);
            Widgets.choose(Widgets.after(pageControl(), JobBasicsPage.TYPE_LABEL, Combo.class), "NAMD");
            Widgets.choose(Widgets.after(pageControl(), JobBasicsPage.CLUSTER_LABEL, Combo.class), clusterStartsWith);
        });
    }

    public void inputs(Path psf, Path pdb, Path prm) {
        Ui.run(() -> {
            Composite c = pageControl();
            Widgets.type(Widgets.after(c, "Structure (PSF):", Text.class), psf.toString());
            Widgets.type(Widgets.after(c, "Coordinates (PDB):", Text.class), pdb.toString());
            Widgets.type(Widgets.after(c, "CHARMM parameters:", Text.class), prm.toString());
        });
    }

    /** Sets a template variable by its label, e.g. "Dynamics steps:". */
    public void parameter(String label, String value) {
        Ui.run(() -> Widgets.type(Widgets.after(pageControl(), label, Text.class), value));
    }

    public void resources(String preset, String memory, String walltime, String partition, String qos) {
        Ui.run(() -> {
            Composite c = pageControl();
            Widgets.choose(Widgets.after(c, ResourcesPage.PRESET_LABEL, Combo.class), preset);
            Widgets.type(Widgets.after(c, ResourcesPage.MEMORY_LABEL, Text.class), memory);
            Widgets.type(Widgets.after(c, ResourcesPage.WALLTIME_LABEL, Text.class), walltime);
            Combo p = Widgets.after(c, ResourcesPage.PARTITION_LABEL, Combo.class);
            p.setText(partition);
            Combo q = Widgets.after(c, ResourcesPage.QOS_LABEL, Combo.class);
            q.setText(qos);
        });
    }

    public void next() {
        IWizardPage before = currentPage();
        Ui.run(() -> Widgets.click(Widgets.button(shell, "Next >")));
        Ui.waitUntil("the next wizard page", Duration.ofSeconds(10), () -> currentPage() != before);
    }

    public boolean canGoNext() {
        return Ui.sync(() -> Widgets.button(shell, "Next >").isEnabled());
    }

    /** Waits until the review page has rendered the job's files. */
    public ReviewPage review() {
        ReviewPage page = (ReviewPage) currentPage();
        Ui.waitUntil("the review page to show the generated files", Duration.ofSeconds(30),
                () -> page.fileNames().length > 0 || page.getErrorMessage() != null);
        if (page.getErrorMessage() != null) {
            throw new AssertionError("The review page says: " + page.getErrorMessage());
        }
        return page;
    }

    public void submitRightAway(boolean on) {
        Ui.run(() -> Widgets.check(Widgets.button(shell, ReviewPage.SUBMIT_NOW), on));
    }

    public void finish() {
        Dialogs.press(shell, "Finish");
    }

    public void cancel() {
        Dialogs.press(shell, "Cancel");
    }

    public Path screenshot(String name) throws IOException {
        return Screenshots.capture(shell, name);
    }

}
