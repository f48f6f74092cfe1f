package org.namdrunner.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.FailureKind;
import org.namdrunner.core.cluster.RetryPolicy;
import org.namdrunner.core.cluster.ShellQuoting;
import org.namdrunner.core.lifecycle.ClusterPoller;
import org.namdrunner.core.lifecycle.JobRequest;
import org.namdrunner.core.lifecycle.PollSchedule;
import org.namdrunner.core.lifecycle.SyncHealth;
import org.namdrunner.core.lifecycle.SyncReport;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.slurm.SlurmState;
import org.namdrunner.ssh.SshConnectionProvider;
import org.namdrunner.ssh.SshSettings;
import org.namdrunner.testing.PrivateSshd;
import org.namdrunner.testing.ScriptedPrompter;
import org.namdrunner.testing.SlurmController;
import org.namdrunner.testing.TestCluster;

/**
 * Outages in the middle of a sync, for real, with real jobs RUNNING (the namd3 stand-in in slow mode): (a) the login
 * node's sshd killed with SIGKILL (a private sshd of this test, same config as the cluster's, so the shared one on
 * port 2222 is left alone), (b) the real slurmctld stopped. In both: no stored status, SLURM state or history row
 * changes, nothing is declared finished, the cluster is marked stale, and the poll after the outage brings every
 * status up to date and clears the mark. The recovery time is printed (docs/reliability.md).
 */
class ClusterOutageTest {

    private static final Duration SHORT = Duration.ofSeconds(150);
    private static final Duration INTERVAL = Duration.ofSeconds(1);

    /** What a job looked like before the outage; it must look exactly the same after it. */
    private record Seen(JobStatus status, String slurmState, String reason, int historyRows) {
    }

    @Test
    void sshdKilledMidSyncKeepsEveryStatusMarksTheClusterStaleAndTheNextPollRecovers() throws Exception {
        Path local = Files.createTempDirectory("namdrunner-outage-ssh");
        TestCluster cluster = TestCluster.load();
        try (PrivateSshd sshd = PrivateSshd.likeTheCluster()) {
            ClusterProfile profile = sshd.profile(cluster.profile("testcluster"));
            // quick login retries, so the broken poll ends soon; the product's standard policy only waits longer
            RetryPolicy quick = new RetryPolicy(2, Duration.ofMillis(200), Duration.ofSeconds(1), new Random(), d -> Thread.sleep(d.toMillis()));
            SshConnectionProvider connections = new SshConnectionProvider(new ScriptedPrompter(),
                    SshSettings.isolated(sshd.knownHosts()).withRetryPolicy(quick));
            try (Harness h = new Harness(cluster, profile, local.resolve("jobs.db"), Duration.ofMinutes(10), connections)) {
                List<String> ids = submitSlowJobs(h, local, "sshkill", 3);
                TimedReports reports = new TimedReports();
                PollSchedule schedule = new PollSchedule(INTERVAL, new RetryPolicy(3, Duration.ofSeconds(4), Duration.ofSeconds(16),
                        new Random(), d -> { }));
                ClusterPoller poller = new ClusterPoller(h.service, profile.id(), h.connection::isConnected, schedule, reports);
                try {
                    Map<String, Seen> before = snapshot(h, ids);
                    h.connection.beforeNext(c -> c.contains("squeue"), sshd::killHard);
                    poller.syncNow();
                    TimedReports.Timed broken = reports.next(SHORT);
                    Instant killedAt = broken.end();
                    assertFalse(broken.report().succeeded(), "the poll saw sshd die");
                    assertEquals(FailureKind.TRANSIENT, broken.report().failureKind(), broken.report().status().toString());
                    assertFalse(sshd.isRunning());
                    assertEquals(before, snapshot(h, ids), "no status, SLURM state, reason or history row changed");
                    assertTrue(SyncHealth.staleBecause(h.store, profile.id()).isPresent(), "the cluster is marked stale");

                    // with the session gone, automatic polls wait: they never start a login on their own (a Duo push
                    // every minute); three intervals pass without a single command
                    int commands = h.connection.commands().size();
                    Thread.sleep(3 * INTERVAL.toMillis() + 500);
                    assertEquals(commands, h.connection.commands().size(), "no automatic poll while the session is down: "
                            + h.connection.commands().subList(commands, h.connection.commands().size()));
                    assertEquals(before, snapshot(h, ids));

                    sshd.start();
                    Instant restarted = Instant.now();
                    poller.syncNow();   // "Sync now", or the next action that logs in
                    TimedReports.Timed healed = reports.nextSuccess(SHORT);
                    double recovery = seconds(restarted, healed.end());
                    assertTrue(SyncHealth.staleBecause(h.store, profile.id()).isEmpty(), "the stale mark is cleared");
                    assertTrue(SyncHealth.lastSuccess(h.store, profile.id()).orElseThrow().isAfter(killedAt));
                    assertStatusesCurrent(h, ids);
                    System.out.printf("outage: sshd SIGKILLed mid-sync (%d jobs, %d RUNNING): 1 failed poll (TRANSIENT), statuses kept, "
                            + "stale marked; sshd down %.1f s; recovered %.2f s after the restart on the next poll%n", ids.size(),
                            before.values().stream().filter(s -> s.status() == JobStatus.RUNNING).count(), seconds(killedAt, restarted), recovery);
                } finally {
                    poller.stop();
                    cancelAll(h, ids);
                }
            }
        }
    }

    @Test
    void slurmctldStoppedMidSyncIsTransientKeepsEveryStatusBacksOffAndTheNextPollRecovers() throws Exception {
        Path local = Files.createTempDirectory("namdrunner-outage-ctld");
        TestCluster cluster = TestCluster.load();
        ClusterProfile profile = cluster.profile("testcluster");
        try (Harness h = new Harness(cluster, profile, local.resolve("jobs.db"), Duration.ofMinutes(10))) {
            List<String> ids = submitSlowJobs(h, local, "ctldstop", 2);
            RetryPolicy backoff = new RetryPolicy(3, Duration.ofSeconds(4), Duration.ofSeconds(16), new Random(), d -> { });
            PollSchedule schedule = new PollSchedule(INTERVAL, backoff);
            TimedReports reports = new TimedReports();
            ClusterPoller poller = new ClusterPoller(h.service, profile.id(), h.connection::isConnected, schedule, reports);
            Instant[] stopped = new Instant[1];
            Instant restarted = null;
            Instant answering = null;
            try {
                Map<String, Seen> before = snapshot(h, ids);
                List<TimedReports.Timed> failed = new ArrayList<>();
                try {
                    h.connection.beforeNext(c -> c.contains("squeue"), () -> {
                        SlurmController.stop();
                        stopped[0] = Instant.now();
                    });
                    poller.syncNow();
                    failed.add(reports.next(SHORT));   // the poll during which slurmctld went away
                    failed.add(reports.next(SHORT));   // the next automatic poll, after the back-off
                } finally {
                    if (!SlurmController.isRunning()) {
                        restarted = Instant.now();
                        SlurmController.startAndAwaitAnswer(Duration.ofMinutes(2));
                        answering = Instant.now();
                    }
                }
                assertTrue(stopped[0] != null && restarted != null, "slurmctld was stopped by the test and restarted");
                for (TimedReports.Timed t : failed) {
                    SyncReport r = t.report();
                    assertFalse(r.succeeded(), "squeue cannot succeed without slurmctld");
                    assertEquals(FailureKind.TRANSIENT, r.failureKind(), r.status().toString());
                    assertTrue(r.status().getMessage().contains("did not answer squeue"), r.status().getMessage());
                }
                assertEquals(before, snapshot(h, ids), "no status, SLURM state, reason or history row changed; nothing was declared finished");
                assertTrue(SyncHealth.staleBecause(h.store, profile.id()).isPresent(), "the cluster is marked stale");
                // backed off: the automatic poll after the failure waited at least half the back-off ceiling (2 s), not
                // just the interval (1 s); Eclipse jobs never run before their scheduled delay, so this bound is exact
                Duration gap = Duration.between(failed.get(0).end(), failed.get(1).start());
                Duration atLeast = backoff.backoffCeiling(1).dividedBy(2);
                assertTrue(gap.compareTo(atLeast.minusMillis(50)) >= 0, "waited " + gap + " after the first failure, at least " + atLeast);

                TimedReports.Timed healed = reports.nextSuccess(SHORT);   // automatic: the session stayed open
                assertTrue(SyncHealth.staleBecause(h.store, profile.id()).isEmpty(), "the stale mark is cleared");
                assertTrue(SyncHealth.lastSuccess(h.store, profile.id()).orElseThrow().isAfter(restarted));
                assertStatusesCurrent(h, ids);
                System.out.printf("outage: slurmctld stopped mid-sync (%d jobs, %d RUNNING): %d failed polls (TRANSIENT), back-off "
                        + "wait %.2f s (interval %d s), statuses kept, stale marked; slurmctld down %.1f s, squeue answered %.1f s "
                        + "after the restart; recovered %.2f s after squeue answered (%.2f s after the restart), by the next automatic poll%n",
                        ids.size(), before.values().stream().filter(s -> s.status() == JobStatus.RUNNING).count(), reports.failures(),
                        gap.toMillis() / 1000.0, INTERVAL.toSeconds(), seconds(stopped[0], restarted), seconds(restarted, answering),
                        seconds(answering, healed.end()), seconds(restarted, healed.end()));
            } finally {
                poller.stop();
                cancelAll(h, ids);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    /** {@code n} jobs that run for minutes (the stand-in sleeps 0.2 s per step), synced until SLURM reports each. */
    private static List<String> submitSlowJobs(Harness h, Path local, String tag, int n) throws Exception {
        Map<String, Path> inputs = TestJobs.inputs(local.resolve("inputs"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            JobRequest plain = TestJobs.request(tag + "-" + i, inputs, TestJobs.resources(1, Duration.ofMinutes(15), "acpu", ""), 2000,
                    tag + i);
            Map<String, String> params = new LinkedHashMap<>(plain.parameters());
            params.put(StandinNamdJobType.DIRECTIVES, "seconds_per_step 0.2");
            JobRequest slow = new JobRequest(plain.name(), plain.jobTypeId(), plain.profileId(), plain.resources(), params, plain.inputs());
            Job job = h.service.create(slow, new NullProgressMonitor());
            ids.add(SharedCluster.submit(h.service, job.id()).id());
        }
        // the first job runs (the cluster has 2 cores; others may wait for Resources behind other tests' jobs)
        h.syncUntil(ids.get(0), j -> j.status() == JobStatus.RUNNING, SHORT);
        for (String id : ids) {
            h.syncUntil(id, j -> j.slurmState().isPresent() && !j.status().isTerminal(), SHORT);
        }
        return ids;
    }

    private static Map<String, Seen> snapshot(Harness h, List<String> ids) throws Exception {
        Map<String, Seen> seen = new LinkedHashMap<>();
        for (String id : ids) {
            Job j = h.job(id);
            seen.put(id, new Seen(j.status(), j.slurmState().orElse(""), j.slurmReason().orElse(""), h.store.history(id).size()));
        }
        return seen;
    }

    /**
     * Every stored status is what SLURM says now (asked directly with sacct, which knows live jobs too); a job that
     * moved between the sync and the look gets one more sync.
     */
    private static void assertStatusesCurrent(Harness h, List<String> ids) throws Exception {
        String mismatch = "";
        for (int attempt = 1; attempt <= 3; attempt++) {
            Map<String, String> slurmIdToJob = new LinkedHashMap<>();
            for (String id : ids) {
                slurmIdToJob.put(h.job(id).slurmId().orElseThrow(), id);
            }
            String out = h.slurm(ShellQuoting.command("sacct", "-X", "-n", "-P", "-o", "JobID,State", "-j",
                    String.join(",", slurmIdToJob.keySet()))).stdout();
            mismatch = "";
            for (String line : out.lines().toList()) {
                String[] f = line.split("\\|");
                String jobId = slurmIdToJob.get(f[0]);
                if (jobId != null && SlurmState.statusOf(f[1]) != h.job(jobId).status()) {
                    mismatch += jobId + ": stored " + h.job(jobId).status() + ", sacct " + f[1] + "; ";
                }
            }
            if (mismatch.isEmpty()) {
                return;
            }
            SlurmController.awaitSqueue(Duration.ofMinutes(2));   // another test may have stopped slurmctld meanwhile
            h.service.sync(h.profile.id(), new NullProgressMonitor());
        }
        throw new AssertionError("statuses differ from SLURM's after the recovery: " + mismatch);
    }

    private static void cancelAll(Harness h, List<String> ids) {
        for (String id : ids) {
            try {
                h.service.cancel(id, new NullProgressMonitor());
            } catch (Exception e) {
                System.out.println("could not cancel " + id + " after the test: " + e.getMessage());
            }
        }
    }
}
