package org.namdrunner.ui.internal.wizards;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.Status;
import org.namdrunner.core.jobtype.JobType;
import org.namdrunner.ui.NamdRunnerUi;
import org.namdrunner.ui.jobtypes.JobTypeWizardPage;

/**
 * Reads {@code org.namdrunner.ui.jobTypePages}: creates, each time a wizard needs them, the pages contributed
 * for one job type, in the order they are declared. A contribution that cannot be created is logged with its
 * class and plug-in and left out.
 */
public final class JobTypePages {

    private JobTypePages() {
    }

    public static List<JobTypeWizardPage> create(IExtensionRegistry registry, JobType type) {
        List<JobTypeWizardPage> pages = new ArrayList<>();
        MultiStatus problems = new MultiStatus(NamdRunnerUi.PLUGIN_ID, 0,
                "Some wizard pages for the job type '" + type.id() + "' could not be created", null);
        for (IConfigurationElement e : registry.getConfigurationElementsFor(NamdRunnerUi.JOB_TYPE_PAGES_POINT)) {
            if (!"page".equals(e.getName()) || !type.id().equals(e.getAttribute("jobType"))) {
                continue;
            }
            String where = "The page " + e.getAttribute("class") + " of plug-in " + e.getContributor().getName();
            try {
                Object created = e.createExecutableExtension("class");
                if (created instanceof JobTypeWizardPage page) {
                    page.init(type);
                    pages.add(page);
                } else {
                    problems.add(Status.error(where + " is not a JobTypeWizardPage; it was left out."));
                }
            } catch (CoreException ex) {
                problems.add(Status.error(where + " could not be created (" + ex.getMessage() + "); it was left out.", ex));
            } catch (RuntimeException | LinkageError ex) {
                problems.add(Status.error(where + " failed while it was created (" + ex + "); it was left out.", ex));
            }
        }
        if (!problems.isOK()) {
            ILog.of(JobTypePages.class).log(problems);
        }
        return pages;
    }
}
