package org.namdrunner.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.app.Backend;
import org.namdrunner.ui.internal.status.Notifications;

/**
 * A cluster that cannot be reached (nothing listens on its port): "Sync now" fails, the person is told why,
 * and the Jobs view marks its running job as possibly out of date, with a banner that says since when and why.
 */
class StaleDataTest {

    private static final String ID = "unreachable";
    private static final String NAME = "Unreachable cluster";

    @BeforeAll
    static void cluster() throws Exception {
        ClusterProfile p = new ClusterProfile(ID, NAME, "127.0.0.1", 1, "testuser", ClusterProfile.AuthMethod.KEY,
                TestClusterSetup.cluster().get("key"), "", "", List.of(), List.of("debug"), List.of(), List.of(), "/home/testuser/p",
                "/home/testuser/s", 2, 4096, Duration.ofDays(1), Duration.ofSeconds(60));
        Backend b = Workbench.backend();
        b.profiles().save(p);
        SampleJobs.create(b.store(), "job_stale_01", "stale-run", ID, SampleJobs.resources(2, 1, 4),
                Instant.now().minus(Duration.ofHours(1)), Duration.ofMinutes(2), JobStatus.SUBMITTING, JobStatus.PENDING, JobStatus.RUNNING);
    }

    @Test
    void aFailedSyncMarksTheClustersJobsAsPossiblyOutOfDate() throws Exception {
        JobsViewTester view = JobsViewTester.open();
        view.waitForRow("stale-run", Duration.ofSeconds(20));
        // the test harness turns error dialogs into log entries; this test is about the dialog
        boolean automated = ErrorDialog.AUTOMATED_MODE;
        ErrorDialog.AUTOMATED_MODE = false;
        try {
            Workbench.backend().sync().syncNow(ID);
            Shell error = Dialogs.waitFor(Notifications.SYNC_FAILED_TITLE, Duration.ofSeconds(60));
            String says = Dialogs.text(error);
            assertTrue(says.contains(NAME) && says.contains("127.0.0.1"), "the error names the cluster and the host: " + says);
            Screenshots.capture(error, "dialog-sync-failed");
            Dialogs.press(error, "OK");
        } finally {
            ErrorDialog.AUTOMATED_MODE = automated;
        }


        Ui.waitUntil("the stale marker", Duration.ofSeconds(20), () -> view.status("stale-run").endsWith("(not refreshed)"));
        String banner = Ui.sync(() -> view.view().staleBannerText());
        assertTrue(banner.contains("Statuses on " + NAME + " may be out of date"), banner);
        assertTrue(banner.contains("Sync now"), banner);
        Screenshots.capture(Workbench.window().getShell(), "jobs-view-stale");
    }

    @AfterAll
    static void remove() throws Exception {
        Cleanup.deleteJobsOnCluster(ID);
        Workbench.backend().profiles().remove(ID);
    }
}
