package org.namdrunner.ui.jobtypes;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

import org.eclipse.jface.wizard.WizardPage;
import org.namdrunner.core.jobtype.JobType;

/**
 * A page of the New Job wizard for one job type, contributed through the
 * {@code org.namdrunner.ui.jobTypePages} extension point. Subclasses have a public no-argument constructor;
 * the wizard calls {@link #init} once, right after creating the page and before {@code createControl}.
 * <p>
 * Pages do no network or disk work; the wizard validates their values with the job type before anything is
 * uploaded and shows the result on its review page.
 *
 * @since 0.1
 */
public abstract class JobTypeWizardPage extends WizardPage {

    private JobType jobType;

    protected JobTypeWizardPage(String pageName) {
        super(pageName);
    }

    /** Called once by the wizard with the type the person chose. */
    public void init(JobType type) {
        this.jobType = Objects.requireNonNull(type);
    }

    /** The type the person chose. */
    protected JobType jobType() {
        return jobType;
    }

    /** The job type's parameters this page sets, by parameter key. */
    public abstract Map<String, String> parameters();

    /** Local files this page sets, by the job type's input key ({@link JobType.InputFileSpec#key()}). */
    public Map<String, Path> inputFiles() {
        return Map.of();
    }

    /** Fills the page from an earlier job (e.g. when a person resubmits), before its controls exist. */
    public void prefill(Map<String, String> parameters) {
    }

    /**
     * Fills the page's input files from an earlier job ("New job from this job"), by input key, before its controls
     * exist; a file that is no longer there should be shown as a problem on the page.
     *
     * @since 0.2
     */
    public void prefillInputs(Map<String, Path> inputs) {
    }

    /**
     * Controls and presets this page adds to the Resources page, or null (the default) for none. Return the same
     * object each time.
     */
    public ResourceHints resourceHints() {
        return null;
    }
}
