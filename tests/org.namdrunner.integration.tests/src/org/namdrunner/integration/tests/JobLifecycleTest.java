package org.namdrunner.integration.tests;

import org.namdrunner.testing.SshSessions;
import org.namdrunner.testing.LoginWatchdog;
import org.namdrunner.testing.TestCluster;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.FailureKind;
import org.namdrunner.core.lifecycle.JobRequest;
import org.namdrunner.core.lifecycle.RediscoveryReport;
import org.namdrunner.core.lifecycle.SyncHealth;
import org.namdrunner.core.lifecycle.SyncReport;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.core.model.StatusChange;
import org.namdrunner.core.model.StatusSource;

/**
 * The whole life of jobs on the real test cluster: real SQLite file, real SSH, real SLURM (slurmctld,
 * slurmd, slurmdbd), the real NAMD job type run by the namd3 stand-in. The walltime job is submitted
 * first and checked last, so its ~80 s overlap the other tests.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JobLifecycleTest {

    private static final Duration SHORT = Duration.ofSeconds(90);
    private static Path local;
    private static Harness h;
    private static Map<String, Path> inputs;
    private static String timeoutJobId;
    private static String completedJobId;
    private static LoginWatchdog watchdog;
    private static long watchdogMark;

    @BeforeAll
    static void startWorkbenchParts() throws Exception {
        local = Files.createTempDirectory("namdrunner-e2e");
        TestCluster cluster = TestCluster.load();
        watchdog = new LoginWatchdog(cluster);
        watchdogMark = watchdog.mark();
        h = new Harness(cluster, cluster.profile("testcluster"), local.resolve("jobs.db"), Duration.ofSeconds(20));
        inputs = TestJobs.inputs(local.resolve("inputs"));
        Job slow = h.service.create(withStandin(TestJobs.request("walltime", inputs,
                TestJobs.resources(1, Duration.ofMinutes(1), "acpu", "cpu-normal"), 10_000, "wt"), "seconds_per_step 1"),
                new NullProgressMonitor());
        timeoutJobId = h.service.submit(slow.id(), new NullProgressMonitor()).id();
    }

    @AfterAll
    static void stop() throws Exception {
        if (h != null) {
            h.close();
        }
    }

    private static JobRequest withStandin(JobRequest r, String directives) {
        Map<String, String> params = new java.util.LinkedHashMap<>(r.parameters());
        params.put(StandinNamdJobType.DIRECTIVES, directives);
        return new JobRequest(r.name(), r.jobTypeId(), r.profileId(), r.resources(), params, r.inputs());
    }

    private static List<JobStatus> statuses(List<StatusChange> history) {
        return history.stream().map(StatusChange::to).toList();
    }

    @Test
    @Order(1)
    void aCompletedJobHasTheObservedHistoryAndItsOutputsCopiedBack() throws Exception {
        // a trajectory of 6 MB per frame: big enough that a login-node copy of it trips the watchdog (last test)
        Job job = h.service.create(withStandin(TestJobs.request("tiny-ok", inputs, TestJobs.resources(1, Duration.ofMinutes(10), "acpu", ""),
                200, "tiny"), "dcd_atoms 500000"), new NullProgressMonitor());
        assertEquals(JobStatus.CREATED, job.status());
        assertTrue(h.remoteExists(job.projectDir().orElseThrow() + "/job_info.json"));
        assertTrue(h.remoteExists(job.projectDir().orElseThrow() + "/input_files/tiny.pdb"));

        Job submitted = h.service.submit(job.id(), new NullProgressMonitor());
        assertEquals(JobStatus.PENDING, submitted.status());
        String slurmId = submitted.slurmId().orElseThrow();

        Job done = h.syncUntil(job.id(), j -> j.status().isTerminal(), SHORT);
        completedJobId = done.id();
        assertEquals(JobStatus.COMPLETED, done.status(), "error: " + done.error());
        List<StatusChange> history = h.store.history(job.id());
        List<JobStatus> seen = statuses(history);
        assertEquals(List.of(JobStatus.CREATED, JobStatus.SUBMITTING, JobStatus.PENDING), seen.subList(0, 3));
        assertEquals(JobStatus.COMPLETED, seen.get(seen.size() - 1));
        assertTrue(seen.stream().allMatch(s -> Set.of(JobStatus.CREATED, JobStatus.SUBMITTING, JobStatus.PENDING,
                JobStatus.RUNNING, JobStatus.COMPLETED).contains(s)), seen.toString());
        StatusChange last = history.get(history.size() - 1);
        assertEquals(StatusSource.SLURM, last.source());
        assertTrue(last.detail().contains("COMPLETED"), last.detail());
        assertTrue(done.completedAt().isPresent());

        assertTrue(done.outputFiles().contains("outputs/namd_output.log"), done.outputFiles().toString());
        assertTrue(done.outputFiles().contains("outputs/tiny-ok_" + slurmId + ".out"), done.outputFiles().toString());
        assertTrue(done.outputFiles().contains("outputs/tiny.coor"), done.outputFiles().toString());

        Path results = h.service.fetchResults(job.id(), local.resolve("results"), new NullProgressMonitor());
        assertTrue(Files.readString(results.resolve("namd_output.log")).contains("End of program"));
    }

    @Test
    @Order(2)
    void aFailingJobIsFailedWithTheNamdErrorLine() throws Exception {
        Job job = h.service.create(withStandin(TestJobs.request("tiny-fatal", inputs,
                TestJobs.resources(1, Duration.ofMinutes(10), "acpu", ""), 300, "fatal"), "fail \"Atoms moving too fast\""),
                new NullProgressMonitor());
        h.service.submit(job.id(), new NullProgressMonitor());
        Job done = h.syncUntil(job.id(), j -> j.status().isTerminal(), SHORT);
        assertEquals(JobStatus.FAILED, done.status());
        String message = done.error().orElseThrow().message();
        assertTrue(message.contains("FATAL ERROR: Atoms moving too fast"), message);
        assertTrue(message.contains("ended with an error"), "SLURM's side of the story is kept too: " + message);
    }

    @Test
    @Order(3)
    void aJobCancelledWhilePendingIsCancelled() throws Exception {
        // The twin refuses a walltime over the QoS limit (DenyOnLimit, as Alpine), so a job pends the honest
        // way: it asks for the whole 64-core node while a one-core job of this test holds a core.
        Job blocker = h.service.create(withStandin(TestJobs.request("blocker", inputs,
                TestJobs.resources(1, Duration.ofMinutes(10), "acpu", "cpu-normal"), 5000, "blocker"), "seconds_per_step 0.2"),
                new NullProgressMonitor());
        h.service.submit(blocker.id(), new NullProgressMonitor());
        h.syncUntil(blocker.id(), j -> j.status() == JobStatus.RUNNING, SHORT);
        Job job = h.service.create(TestJobs.request("never-starts", inputs,
                TestJobs.resources(h.profile.coresPerNode(), Duration.ofHours(1), "acpu", "cpu-normal"), 100, "never"),
                new NullProgressMonitor());
        h.service.submit(job.id(), new NullProgressMonitor());
        Job pending = h.syncUntil(job.id(), j -> j.slurmReason().isPresent(), SHORT);
        assertEquals(JobStatus.PENDING, pending.status());
        assertTrue(List.of("Resources", "Priority").contains(pending.slurmReason().orElseThrow()), pending.slurmReason().toString());

        h.service.cancel(job.id(), new NullProgressMonitor());
        Job cancelled = h.syncUntil(job.id(), j -> j.status().isTerminal(), SHORT);
        assertEquals(JobStatus.CANCELLED, cancelled.status());
        assertTrue(cancelled.slurmState().orElseThrow().startsWith("CANCELLED"), cancelled.slurmState().toString());
        List<JobStatus> seen = statuses(h.store.history(job.id()));
        assertFalse(seen.contains(JobStatus.RUNNING), seen.toString());
        h.service.cancel(blocker.id(), new NullProgressMonitor());
        h.syncUntil(blocker.id(), j -> j.status().isTerminal(), SHORT);
    }

    @Test
    @Order(4)
    void aJobCancelledWhileRunningIsCancelledOnlyOnceSlurmConfirms() throws Exception {
        Job job = h.service.create(withStandin(TestJobs.request("long-run", inputs,
                TestJobs.resources(1, Duration.ofMinutes(10), "acpu", ""), 5000, "longrun"), "seconds_per_step 0.2"),
                new NullProgressMonitor());
        h.service.submit(job.id(), new NullProgressMonitor());
        h.syncUntil(job.id(), j -> j.status() == JobStatus.RUNNING, SHORT);

        SyncReport afterCancel = h.service.cancel(job.id(), new NullProgressMonitor());
        assertTrue(afterCancel.succeeded());
        Job cancelled = h.syncUntil(job.id(), j -> j.status().isTerminal(), SHORT);
        assertEquals(JobStatus.CANCELLED, cancelled.status());
        List<StatusChange> history = h.store.history(job.id());
        StatusChange last = history.get(history.size() - 1);
        assertEquals(StatusSource.SLURM, last.source(), "the cancel is recorded from SLURM's evidence");
        assertTrue(statuses(history).contains(JobStatus.RUNNING));
    }

    @Test
    @Order(5)
    void aRequestTheProfileDoesNotAllowIsRefusedBeforeAnythingIsStaged() throws Exception {
        String jobs = h.profile.projectsRoot() + "/namdrunner_jobs";
        long before = h.exec("mkdir -p " + jobs + " && ls " + jobs).stdout().lines().count();
        JobRequest bad = TestJobs.request("bad-partition", inputs, TestJobs.resources(1, Duration.ofMinutes(10), "nope", ""), 100, "bad");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> h.service.create(bad, new NullProgressMonitor()));
        assertTrue(e.getMessage().contains("partition 'nope'"), e.getMessage());
        assertTrue(h.store.list(JobFilter.all()).stream().noneMatch(j -> j.name().equals("bad-partition")));
        // the built-in profile's folders are shared by every run of the tests: count before and after
        String listing = h.exec("ls " + jobs).stdout();
        assertEquals(before, listing.lines().count(), "no folder for the refused job: " + listing);
    }

    @Test
    @Order(5)
    void aSubmissionSlurmRefusesLeavesTheJobCreatedWithTheReason() throws Exception {
        // the built-in profile lists Alpine's ami100 partition, which the twin does not have: the profile knows more
        // than this cluster, and sbatch refuses (the profile's own limits refuse a too long walltime before this)
        Job job = h.service.create(TestJobs.request("no-such-partition", inputs, TestJobs.resources(1, Duration.ofMinutes(10), "ami100", "gpu-normal"),
                100, "toolong"), new NullProgressMonitor());
        ClusterException e = assertThrows(ClusterException.class, () -> h.service.submit(job.id(), new NullProgressMonitor()));
        assertEquals(FailureKind.PERMANENT, e.kind());
        Job after = h.job(job.id());
        assertEquals(JobStatus.CREATED, after.status());
        assertTrue(after.slurmId().isEmpty());
        assertTrue(after.error().orElseThrow().message().contains("partition"), after.error().toString());
        assertFalse(h.remoteExists(job.scratchDir().orElseThrow()), "the scratch copy is removed");
        assertTrue(h.remoteExists(job.projectDir().orElseThrow()), "the staged job stays for a corrected submission");
        assertEquals(List.of(JobStatus.CREATED, JobStatus.SUBMITTING, JobStatus.CREATED), statuses(h.store.history(job.id())));
    }

    @Test
    @Order(6)
    void aJobGoneFromSqueueButNotYetInSacctKeepsItsStatusUntilALaterPoll() throws Exception {
        Job job = h.service.create(TestJobs.request("lagging", inputs, TestJobs.resources(1, Duration.ofMinutes(10), "acpu", ""),
                100, "lag"), new NullProgressMonitor());
        Job submitted = h.service.submit(job.id(), new NullProgressMonitor());
        h.waitForAccountingState(submitted.slurmId().orElseThrow(), SHORT);

        // accounting lag is ~0.1 s on this cluster, too short to catch: hide the rows of one poll instead
        h.connection.hideOutputOfNext(c -> c.startsWith("squeue") || c.startsWith("sacct") || c.contains("squeue ") || c.contains("sacct "), 2);
        SyncReport hidden = h.service.sync(h.profile.id(), new NullProgressMonitor());
        assertTrue(hidden.succeeded());
        assertTrue(hidden.missing().contains(job.id()), hidden.toString());
        Job kept = h.job(job.id());
        assertEquals(JobStatus.PENDING, kept.status(), "never terminal without evidence");
        assertTrue(kept.missingSince().isPresent());

        Job resolved = h.syncUntil(job.id(), j -> j.status().isTerminal(), SHORT);
        assertEquals(JobStatus.COMPLETED, resolved.status());
        assertTrue(resolved.missingSince().isEmpty());
    }

    @Test
    @Order(7)
    void anSshSessionKilledMidSyncKeepsStatusesAndTheNextSyncReconnects() throws Exception {
        Job job = h.service.create(withStandin(TestJobs.request("survivor", inputs,
                TestJobs.resources(1, Duration.ofMinutes(10), "acpu", ""), 3000, "surv"), "seconds_per_step 0.1"),
                new NullProgressMonitor());
        h.service.submit(job.id(), new NullProgressMonitor());
        Job running = h.syncUntil(job.id(), j -> j.status() == JobStatus.RUNNING, SHORT);

        // dropped while the squeue is on its way (a session found dead before it is logged into again, as it should be)
        h.connection.beforeNext(c -> c.contains("squeue"), () -> SshSessions.killWhileTheNextCommandIsInFlight(Duration.ofMillis(500)));
        SyncReport broken = h.service.sync(h.profile.id(), new NullProgressMonitor());
        assertFalse(broken.succeeded(), "the sync saw the connection drop");
        assertEquals(FailureKind.TRANSIENT, broken.failureKind());
        assertEquals(running.status(), h.job(job.id()).status());
        assertTrue(SyncHealth.staleBecause(h.store, h.profile.id()).isPresent(), "the cluster is marked stale");

        SyncReport healed = h.service.sync(h.profile.id(), new NullProgressMonitor());
        assertTrue(healed.succeeded(), healed.status().toString());
        assertTrue(SyncHealth.staleBecause(h.store, h.profile.id()).isEmpty());
        h.service.cancel(job.id(), new NullProgressMonitor());
        h.syncUntil(job.id(), j -> j.status().isTerminal(), SHORT);
    }

    @Test
    @Order(8)
    void aDeletedJobLeavesNothingOnTheClusterOrInTheStore() throws Exception {
        Job job = h.job(completedJobId);
        h.service.delete(job.id(), new NullProgressMonitor());
        assertTrue(h.store.find(job.id()).isEmpty());
        assertTrue(h.store.history(job.id()).isEmpty());
        assertFalse(h.remoteExists(job.projectDir().orElseThrow()));
        assertFalse(h.remoteExists(job.scratchDir().orElseThrow()));
        assertTrue(h.remoteExists(h.profile.projectsRoot() + "/namdrunner_jobs"), "only the job's own folder went");
    }

    @Test
    @Order(9)
    void aJobPastItsWalltimeIsTimeoutNotJustFailed() throws Exception {
        Job done = h.syncUntil(timeoutJobId, j -> j.status().isTerminal(), Duration.ofMinutes(3));
        assertEquals(JobStatus.TIMEOUT, done.status(), "SLURM state " + done.slurmState());
        assertTrue(done.error().orElseThrow().message().contains("walltime"));
    }

    @Test
    @Order(10)
    void rediscoveryFillsAnEmptyDatabaseFromTheCluster() throws Exception {
        Set<String> expected = h.store.list(JobFilter.all()).stream().map(Job::id).collect(Collectors.toSet());
        try (Harness fresh = new Harness(h.cluster, h.profile, local.resolve("fresh.db"), Duration.ofSeconds(20))) {
            assertTrue(fresh.store.list(JobFilter.all()).isEmpty());
            RediscoveryReport report = fresh.service.rediscover(h.profile.id(), new NullProgressMonitor());
            // the built-in profile's folders are shared with earlier runs (and other users of the twin's testuser):
            // every job of this run is found again, and none of them is rejected
            assertTrue(report.imported().containsAll(expected), report.toString());
            assertTrue(report.rejected().stream().noneMatch(r -> expected.stream().anyMatch(r::contains)), report.rejected().toString());
            assertNotNull(report.sync());
            for (String id : expected) {
                Job original = h.job(id);
                Job found = fresh.job(id);
                if (original.slurmId().isPresent()) {
                    assertEquals(original.status(), found.status(), "after one sync " + id + " agrees with the cluster");
                }
            }
        }
    }

    @Test
    @Order(11)
    void aStoppedControllerLeavesStatusesAloneAndTheNextSyncCatchesUp() throws Exception {
        Job job = h.service.create(TestJobs.request("during-outage", inputs,
                TestJobs.resources(1, Duration.ofMinutes(10), "acpu", ""), 100, "outage"), new NullProgressMonitor());
        h.service.submit(job.id(), new NullProgressMonitor());
        Job before = h.job(job.id());
        long ctld = h.cluster.daemonPid("slurmctld");
        new ProcessBuilder("kill", "-TERM", Long.toString(ctld)).start().waitFor();
        try {
            SyncReport down = h.service.sync(h.profile.id(), new NullProgressMonitor());
            if (down.succeeded()) {
                // sacct (slurmdbd) still answers while slurmctld is down; then the sync must still be honest
                assertTrue(h.job(job.id()).status() == before.status() || h.job(job.id()).status().isTerminal());
            } else {
                assertEquals(FailureKind.TRANSIENT, down.failureKind(), down.status().toString());
                assertEquals(before.status(), h.job(job.id()).status());
                assertTrue(SyncHealth.staleBecause(h.store, h.profile.id()).isPresent());
            }
        } finally {
            TestCluster.restartMissingDaemons();
        }
        Job caughtUp = h.syncUntil(job.id(), j -> j.status().isTerminal(), Duration.ofMinutes(2));
        assertEquals(JobStatus.COMPLETED, caughtUp.status());
        assertTrue(SyncHealth.staleBecause(h.store, h.profile.id()).isEmpty());
    }

    @Test
    @Order(100)
    void theLoginNodeWatchdogRecordedNothingOfAllThis() throws Exception {
        // Alpine's Arbiter2 throttles heavy processes on login nodes; the twin's watchdog records them. Everything
        // NAMDRunner did above (staging, submitting, syncing, copying results, deleting) must stay below its limits.
        // Other test runs share the twin's testuser (one ran `head -c 1G /dev/urandom` on the login host during this
        // test): count what names one of this test's jobs (a copy of results, a tar of a job folder, ...).
        Set<String> ours = h.store.list(JobFilter.all()).stream().map(Job::id).collect(Collectors.toSet());
        ours.add(completedJobId);
        List<LoginWatchdog.Violation> seen = watchdog.since(watchdogMark).stream()
                .filter(v -> v.user().equals(h.profile.user()) && ours.stream().anyMatch(id -> v.commandLine().contains(id))).toList();
        assertEquals(List.of(), seen, "processes the login-node watchdog recorded for " + h.profile.user());
    }
}
