package org.namdrunner.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.jobtype.JobType;
import org.namdrunner.core.model.Job;
import org.namdrunner.ui.internal.wizards.JobTypePages;
import org.namdrunner.ui.jobtypes.JobTypeWizardPage;

/**
 * The {@code org.namdrunner.ui.jobTypePages} extension point: NAMD's pages come in declared order; a broken
 * contribution (this fragment's fragment.xml declares a missing class and a class that is no page) is logged
 * with its class and plug-in and left out, and the good page of the same type still comes.
 */
class JobTypePagesTest {

    @Test
    void namdContributesItsInputAndSettingsPages() {
        JobType namd = Workbench.backend().jobTypes().require("namd");
        List<JobTypeWizardPage> pages = JobTypePages.create(Platform.getExtensionRegistry(), namd);
        // the NAMD pages come from their own plug-in, through the extension point as any job type's pages
        assertEquals(List.of("org.namdrunner.namd.ui.internal.NamdInputFilesPage", "org.namdrunner.namd.ui.internal.NamdParametersPage"),
                pages.stream().map(p -> p.getClass().getName()).toList());
        for (JobTypeWizardPage p : pages) {
            assertEquals("org.namdrunner.namd.ui", org.osgi.framework.FrameworkUtil.getBundle(p.getClass()).getSymbolicName());
        }
        pages.forEach(JobTypeWizardPage::dispose);
    }

    @Test
    void aBrokenContributionIsLoggedWithItsClassAndSkipped() {
        List<IStatus> logged = new ArrayList<>();
        ILogListener listener = (status, plugin) -> logged.add(status);
        Platform.addLogListener(listener);
        try {
            List<JobTypeWizardPage> pages = JobTypePages.create(Platform.getExtensionRegistry(), new FakeType("broken-test-type"));
            assertEquals(List.of(GoodTestPage.class), pages.stream().map(Object::getClass).toList());
        } finally {
            Platform.removeLogListener(listener);
        }
        String all = logged.stream().flatMap(s -> s.isMultiStatus() ? List.of(s.getChildren()).stream() : List.of(s).stream())
                .map(IStatus::getMessage).reduce("", (a, b) -> a + "\n" + b);
        assertTrue(all.contains("org.namdrunner.ui.tests.MissingPage") && all.contains("plug-in"), all);
        assertTrue(all.contains("org.namdrunner.ui.tests.NotAPage") && all.contains("is not a JobTypeWizardPage"), all);
    }

    /** A job type only this test knows. */
    record FakeType(String id) implements JobType {
        @Override public String name() { return id; }
        @Override public List<InputFileSpec> inputFiles() { return List.of(); }
        @Override public void validate(Map<String, String> parameters) { }
        @Override public Map<String, String> renderFiles(Job job, Map<String, String> p, ClusterProfile profile) { return Map.of(); }
        @Override public String renderBatchBody(Job job, Map<String, String> p, ClusterProfile profile) { return ""; }
        @Override public String logFile(Job job) { return "log"; }
        @Override public LogSummary parseLog(String logText) { return LogSummary.empty(); }
    }
}
