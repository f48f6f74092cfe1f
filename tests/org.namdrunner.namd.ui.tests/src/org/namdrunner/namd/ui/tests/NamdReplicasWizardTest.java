package org.namdrunner.namd.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.jobtype.ReplicableJobType;
import org.namdrunner.core.lifecycle.TypeParameters;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.namd.NamdSeed;
import org.namdrunner.namd.ui.internal.NamdProtocolSection;
import org.namdrunner.ui.internal.views.JobColumn;
import org.namdrunner.ui.internal.wizards.ReviewPage;
import org.namdrunner.ui.jobtypes.JobTypeWizardPage;
import org.namdrunner.ui.tests.JobsViewTester;
import org.namdrunner.ui.tests.NewJobWizardTester;
import org.namdrunner.ui.tests.TestClusterSetup;
import org.namdrunner.ui.tests.TestInputs;
import org.namdrunner.ui.tests.Ui;
import org.namdrunner.ui.tests.Widgets;
import org.namdrunner.ui.tests.Workbench;

/**
 * Replicas from the New Job wizard, end to end on the twin: the settings page refuses a count that is not one and
 * replicas of a protocol, as typed; the Review page says what Finish makes; Finish makes three jobs with seeds
 * 1000–1002, submits them, and the Jobs view shows the set as one row that reaches "3 of 3 completed".
 */
class NamdReplicasWizardTest {

    private static final String NAME = "replica-set";

    @Test
    void threeReplicasFromTheWizardRunAsOneSetInTheJobsView() throws Exception {
        TestClusterSetup.keyProfile("testcluster", "Test cluster");
        TestInputs in = TestInputs.write(Files.createTempDirectory("namd-replicas").resolve("in"));
        JobsViewTester jobs = JobsViewTester.open();
        NewJobWizardTester w = NewJobWizardTester.open();
        try {
            w.basics(NAME, "Test cluster");
            w.next();
            w.inputs(in.psf, in.pdb, in.prm);
            w.next();
            w.parameter("Minimization steps:", "20");
            w.parameter("Dynamics steps:", "200");
            JobTypeWizardPage page = Ui.sync(() -> (JobTypeWizardPage) w.currentPage());
            Composite c = Ui.sync(() -> (Composite) page.getControl());
            Text replicas = Ui.sync(() -> Widgets.after(c, "Replicas (copies with their own seeds, run side by side):", Text.class));
            Text seed = Ui.sync(() -> Widgets.after(c, "First seed (blank: random; replica k gets it + k \u2212 1):", Text.class));
            Combo protocol = Ui.sync(() -> Widgets.after(c, NamdProtocolSection.PROTOCOL_LABEL, Combo.class));

            Ui.run(() -> Widgets.type(replicas, "three"));
            assertTrue(w.errorMessage().contains("Replicas must be a whole number from 1 to 100, not 'three'"), w.errorMessage());
            assertFalse(Ui.sync(page::isPageComplete));
            Ui.run(() -> Widgets.type(replicas, "3"));
            Ui.run(() -> Widgets.choose(protocol, "CHARMM-GUI"));
            assertTrue(w.errorMessage().contains("Replicas are copies of one job"), w.errorMessage());
            assertFalse(Ui.sync(page::isPageComplete));
            Ui.run(() -> Widgets.choose(protocol, "One job"));
            Ui.run(() -> Widgets.type(seed, "0"));
            assertTrue(w.errorMessage().contains("The first seed must be a whole number from 1 to"), w.errorMessage());
            Ui.run(() -> Widgets.type(seed, "1000"));
            assertEquals(null, w.errorMessage());
            assertEquals("3 replicas side by side, each a job of its own with its own seed: 1000 to 1002.", Ui.sync(page::getMessage));
            w.screenshot("namd-settings-replicas");
            w.next();
            w.resources("Quick test", "400MB", "00:10", "acpu", "cpu-normal");
            w.next();
            ReviewPage review = w.review();
            Ui.waitUntil("the review to be prepared", Duration.ofSeconds(30), () -> review.summaryText().contains("Runs as"));
            String summary = Ui.sync(review::summaryText);
            assertTrue(summary.contains("Runs as 3 replicas side by side, replica-set_r1 to replica-set_r3, with seeds 1000 to 1002"),
                    summary);
            w.screenshot("namd-review-replicas");
        } catch (Throwable e) {
            w.cancel();
            throw e;
        }
        WizardRuns.finishAndSubmit(w);
        Ui.waitUntil("three replicas to be submitted", Duration.ofSeconds(120), () -> set().size() == 3
                && set().stream().allMatch(j -> j.slurmId().isPresent()));
        List<Job> set = set();
        for (int k = 1; k <= 3; k++) {
            Job r = set.get(k - 1);
            assertEquals(NAME + "_r" + k, r.name());
            assertEquals(k, r.replica().orElseThrow().index());
            Map<String, String> p = TypeParameters.read(r.typeParameters());
            assertEquals(Integer.toString(999 + k), p.get(NamdSeed.SEED));
            assertFalse(p.containsKey(ReplicableJobType.REPLICAS), "the set's count is not a replica's parameter");
        }
        jobs.waitForCell(NAME, JobColumn.NAME, "\u25BE " + NAME + " (3 replicas)", Duration.ofSeconds(30));
        WizardRuns.syncUntil(jobs, NAME, JobColumn.PROGRESS, "3 of 3 completed", Duration.ofMinutes(4), seen -> { },
                NamdReplicasWizardTest::set);
        assertEquals("Completed", jobs.status(NAME));
        set().forEach(j -> assertEquals(JobStatus.COMPLETED, j.status(), j.name()));
        org.namdrunner.ui.tests.Screenshots.captureScreen("jobs-view-replica-set");
    }

    private static List<Job> set() {
        try {
            return Workbench.backend().store().list(JobFilter.all()).stream().filter(j -> j.name().startsWith(NAME + "_r"))
                    .sorted(Comparator.comparing(j -> j.replica().map(l -> l.index()).orElse(0))).toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
