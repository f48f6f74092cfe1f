package org.namdrunner.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.IStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.namdrunner.app.Backend;
import org.namdrunner.app.ClusterState;
import org.namdrunner.app.SyncCoordinator;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.MemorySize;
import org.namdrunner.core.model.Resources;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A cluster that cannot be reached (nothing listens on 127.0.0.1:1) with a running job: the sync made at start-up
 * fails quietly (the cluster's state turns stale, which the status line and the stale banner show), while the same
 * failure of a "Sync now" a person asked for is reported to {@link SyncCoordinator.Listener#manualSyncFailed}, which
 * the workbench shows as a dialog.
 */
class StartupSyncTest {

    private static final String ID = "unreachable-startup";
    private static final String JOB = "job_startup_sync_01";
    private static ServiceTracker<Backend, Backend> tracker;
    private static Backend backend;

    @BeforeAll
    static void unreachableClusterWithARunningJob() throws Exception {
        tracker = new ServiceTracker<>(FrameworkUtil.getBundle(Backend.class).getBundleContext(), Backend.class, null);
        tracker.open();
        backend = tracker.waitForService(60_000); // a bound for a stuck start, not a timing
        assertNotNull(backend, "no Backend service");
        backend.profiles().save(new ClusterProfile(ID, "Unreachable at start-up", "127.0.0.1", 1, "testuser",
                ClusterProfile.AuthMethod.KEY, "/nonexistent/id_ed25519", "", "", List.of(), List.of("acpu"), List.of(), List.of(),
                "/projects/testuser", "/scratch/testuser", 2, 4096, Duration.ofDays(1), Duration.ofHours(1)));
        Instant t = Instant.now().minus(Duration.ofHours(1));
        backend.store().create(Job.builder().id(JOB).name("startup-run").jobTypeId("namd").clusterProfileId(ID)
                .status(JobStatus.RUNNING).slurmId("4242").createdAt(t).submittedAt(t).startedAt(t)
                .resources(new Resources(2, MemorySize.gigabytes(1), Duration.ofHours(4), "acpu", "cpu-normal", "ucb-general", 0, ""))
                .build());
    }

    @AfterAll
    static void remove() throws Exception {
        backend.sync().stop();
        backend.store().delete(JOB);
        backend.profiles().remove(ID);
        tracker.close();
    }

    @Test
    void aFailedStartupSyncMarksTheClusterStaleWithoutADialogButSyncNowReportsIt() throws Exception {
        Instant began = Instant.now();
        AtomicInteger failures = new AtomicInteger();          // syncs of this test that failed, in order
        AtomicReference<Instant> lastFailure = new AtomicReference<>();
        // for each report to a person: how many failed syncs there had been when it came (the store may hold an
        // older failure of this cluster, which loadStates shows first: only failures after `began` count)
        List<Integer> reportedAfter = new CopyOnWriteArrayList<>();
        CountDownLatch startupFailed = new CountDownLatch(1);
        CountDownLatch reported = new CountDownLatch(1);
        SyncCoordinator.Listener l = new SyncCoordinator.Listener() {
            @Override
            public void clusterChanged(ClusterState s) {
                Instant at = s.lastFailure();
                if (ID.equals(s.profileId()) && at != null && at.isAfter(began) && !at.equals(lastFailure.getAndSet(at))) {
                    failures.incrementAndGet();
                    startupFailed.countDown();
                }
            }

            @Override
            public void manualSyncFailed(String profileId, IStatus status) {
                if (ID.equals(profileId)) {
                    reportedAfter.add(failures.get());
                    reported.countDown();
                }
            }
        };
        backend.sync().addListener(l);
        try {
            backend.sync().start(); // the start-up sync (sync.atStartup is on by default) of every cluster with active jobs
            // bounds for a stuck sync, not timings: connection refused comes back at once
            assertTrue(startupFailed.await(60, TimeUnit.SECONDS), "the start-up sync did not fail: " + backend.sync().state(ID));
            assertTrue(backend.sync().state(ID).stale(), "the stale banner shows stale clusters: " + backend.sync().state(ID));

            backend.sync().syncNow(ID);
            assertTrue(reported.await(60, TimeUnit.SECONDS), "a person's Sync now that fails is reported to the person");
            // one poller thread reports the syncs in turn, so a report of the start-up sync would have come first,
            // when one sync had failed
            assertEquals(List.of(2), reportedAfter, "only the person's sync (the second to fail) is reported to the person");
        } finally {
            backend.sync().removeListener(l);
        }
    }
}
