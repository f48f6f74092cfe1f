package org.namdrunner.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ShellQuoting;
import org.namdrunner.core.lifecycle.JobRequest;
import org.namdrunner.core.lifecycle.SyncReport;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.StatusChange;
import org.namdrunner.core.scheduler.JobIdentity;
import org.namdrunner.core.scheduler.SchedulerJobState;
import org.namdrunner.slurm.SlurmScheduler;
import org.namdrunner.testing.TestCluster;

/**
 * What the app records is SLURM's record (issue [J] rules 1 and 2), on the twin: SLURM's own submit, start and end
 * times; a job that started and failed between two polls gets its RUNNING row; every submission carries the job's tag;
 * a SLURM id that names another job never moves ours.
 */
class SlurmRecordTest {

    private static final Duration SHORT = Duration.ofSeconds(120);
    private static Path local;
    private static Harness h;
    private static Map<String, Path> inputs;

    @BeforeAll
    static void start() throws Exception {
        local = Files.createTempDirectory("namdrunner-record");
        TestCluster cluster = TestCluster.load();
        h = new Harness(cluster, cluster.profile("testcluster"), local.resolve("jobs.db"), Duration.ofMinutes(10));
        inputs = TestJobs.inputs(local.resolve("inputs"));
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

    /** One successful poll; a poll refused while another test has stopped slurmctld is tried again once squeue answers. */
    private static SyncReport syncOnce() throws Exception {
        Instant end = Instant.now().plus(SHORT);
        while (true) {
            SyncReport report = h.service.sync(h.profile.id(), new NullProgressMonitor());
            if (report.succeeded() || Instant.now().isAfter(end)) {
                return report;
            }
            org.namdrunner.testing.SlurmController.awaitSqueue(SHORT);
        }
    }

    /** SLURM's own times for a job, as epoch seconds: Submit, Start, End. */
    private static Instant[] slurmTimes(String slurmId) throws Exception {
        String out = h.slurm("SLURM_TIME_FORMAT=%s " + ShellQuoting.command("sacct", "-X", "-n", "-P", "-j", slurmId, "-o", "Submit,Start,End"))
                .stdout().strip();
        String[] f = out.lines().reduce((a, b) -> b).orElseThrow().split("\\|");
        return new Instant[] { Instant.ofEpochSecond(Long.parseLong(f[0])), Instant.ofEpochSecond(Long.parseLong(f[1])),
                Instant.ofEpochSecond(Long.parseLong(f[2])) };
    }

    @Test
    void aShortJobThatFailedBetweenTwoPollsGetsSlurmsTimesAndItsRunningRow() throws Exception {
        Job job = h.service.create(withStandin(TestJobs.request("short-fail", inputs,
                TestJobs.resources(1, Duration.ofMinutes(10), "acpu", ""), 300, "sf"), "fail \"Atoms moving too fast\""),
                new NullProgressMonitor());
        String slurmId = SharedCluster.submit(h.service, job.id()).slurmId().orElseThrow();
        // no poll while it runs: the next one sees it finished (the laptop was closed, or the job was quicker than 60 s)
        assertEquals("FAILED", h.waitForAccountingState(slurmId, SHORT));
        Instant beforePoll = Instant.now();
        SyncReport report = syncOnce();
        assertTrue(report.succeeded(), report.status().toString());

        Job done = h.job(job.id());
        assertEquals(JobStatus.FAILED, done.status());
        Instant[] slurm = slurmTimes(slurmId);
        assertEquals(slurm[0], done.submittedAt().orElseThrow(), "submitted: SLURM's Submit");
        assertEquals(slurm[1], done.startedAt().orElseThrow(), "started: SLURM's Start, though no poll saw it run");
        assertEquals(slurm[2], done.completedAt().orElseThrow(), "ended: SLURM's End");

        List<StatusChange> history = h.store.history(job.id());
        List<JobStatus> seen = history.stream().map(StatusChange::to).toList();
        assertEquals(List.of(JobStatus.CREATED, JobStatus.SUBMITTING, JobStatus.PENDING, JobStatus.RUNNING, JobStatus.FAILED), seen,
                history.toString());
        StatusChange running = history.get(3);
        StatusChange failed = history.get(4);
        assertEquals(slurm[1], running.at(), "the RUNNING row is dated by SLURM's start");
        assertEquals(slurm[2], failed.at(), "the FAILED row by SLURM's end");
        assertTrue(!running.observedAt().isBefore(beforePoll) && !failed.observedAt().isBefore(beforePoll),
                "both rows note when the poll saw them: " + running.observedAt() + ", " + failed.observedAt());
        assertTrue(failed.observedAt().isAfter(failed.at()), "seen after it happened");
    }

    @Test
    void everySubmissionCarriesItsTagAndCanBeFoundByIt() throws Exception {
        Job job = h.service.create(withStandin(TestJobs.request("tagged", inputs,
                TestJobs.resources(1, Duration.ofMinutes(10), "acpu", ""), 3000, "tg"), "seconds_per_step 0.2"),
                new NullProgressMonitor());
        Instant before = Instant.now();
        String slurmId = SharedCluster.submit(h.service, job.id()).slurmId().orElseThrow();
        try {
            String fields = h.slurm(ShellQuoting.command("squeue", "--noheader", "--states=all", "--jobs=" + slurmId, "--format=%k|%j|%Z"))
                    .stdout().strip();
            assertEquals("namdrunner:" + job.id() + "|tagged|" + job.scratchDir().orElseThrow(), fields, "squeue's comment, name and folder");

            List<SchedulerJobState> found = new SlurmScheduler().findByTag(h.connection, JobIdentity.of(h.job(job.id())),
                    before.minusSeconds(60), new NullProgressMonitor());
            assertEquals(List.of(slurmId), found.stream().map(SchedulerJobState::slurmId).distinct().toList());
        } finally {
            h.service.cancel(job.id(), new NullProgressMonitor());
        }
    }

    /**
     * The same situation as after a controller lost its state and counted ids from the start again: a stored job's
     * SLURM id is now someone else's job. (The twin is shared by every test running at the same time, so its
     * slurmctld state is not wiped here; a job submitted by hand under the id plays the new owner.)
     */
    @Test
    void aSlurmIdThatNowNamesAnotherJobNeverMovesOursAndIsFlagged() throws Exception {
        String foreignDir = h.profile.scratchRoot() + "/foreign-" + System.nanoTime();
        h.exec(ShellQuoting.command("mkdir", "-p", foreignDir));
        String foreignId = h.slurm("cd " + ShellQuoting.quote(foreignDir) + " && "
                + ShellQuoting.command("sbatch", "--parsable", "--job-name=someone-else", "--time=1", "--mem=100M", "--wrap=sleep 1"))
                .stdout().strip().lines().reduce((a, b) -> b).orElseThrow();
        try {
            assertEquals("COMPLETED", h.waitForAccountingState(foreignId, SHORT));
            Instant started = Instant.now().minusSeconds(3600);
            String id = "job_reused_" + System.nanoTime();
            Job ours = Job.builder().id(id).name("ours").jobTypeId(org.namdrunner.namd.NamdJobType.ID)
                    .clusterProfileId(h.profile.id()).status(JobStatus.RUNNING).slurmId(foreignId).createdAt(started)
                    .submittedAt(started).startedAt(started).projectDir(h.profile.projectDirFor(id))
                    .scratchDir(h.profile.scratchDirFor(id)).build();
            h.store.create(ours);

            SyncReport report = syncOnce();
            assertTrue(report.succeeded(), report.status().toString());
            Job after = h.job(ours.id());
            assertEquals(JobStatus.RUNNING, after.status(), "someone else's COMPLETED never moves our job");
            assertEquals(started, after.startedAt().orElseThrow());
            assertTrue(report.flagged().contains(ours.id()), report.toString());
            String problem = report.problems().stream().filter(p -> p.contains(foreignId)).findFirst().orElseThrow(() -> new AssertionError(report.toString()));
            assertTrue(problem.contains("someone-else") && problem.contains(foreignDir), problem);
            assertEquals("IDENTITY", after.error().orElseThrow().type());
            assertEquals(problem, after.error().orElseThrow().message(), "the same words on the job");

            SyncReport again = syncOnce();
            assertTrue(again.flagged().contains(ours.id()), "still flagged at every poll");
            assertEquals(after.updatedAt(), h.job(ours.id()).updatedAt(), "the note is written once");
        } finally {
            h.exec(ShellQuoting.command("rm", "-rf", foreignDir));
        }
    }

    /** Rule 5 on the twin: an admin's requeue (as preemption with requeue does) puts a running job back to PENDING. */
    @Test
    void aRequeuedJobKeepsItsHistoryAndStartsAgain() throws Exception {
        Job job = h.service.create(withStandin(TestJobs.request("requeued", inputs,
                TestJobs.resources(1, Duration.ofMinutes(10), "acpu", ""), 3000, "rq"), "seconds_per_step 0.2"),
                new NullProgressMonitor());
        String slurmId = SharedCluster.submit(h.service, job.id()).slurmId().orElseThrow();
        try {
            Job running = h.syncUntil(job.id(), j -> j.status() == JobStatus.RUNNING, SHORT);
            Instant firstStart = running.startedAt().orElseThrow();
            String squeueStart = h.slurm("SLURM_TIME_FORMAT=%s " + ShellQuoting.command("squeue", "--noheader", "--jobs=" + slurmId + ",1",
                    "--format=%S")).stdout().strip();
            assertEquals(Instant.ofEpochSecond(Long.parseLong(squeueStart)), firstStart, "SLURM's start (squeue %S)");
            Process p = new ProcessBuilder(TestCluster.slurmCommand("scontrol"), "requeue", slurmId).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String said = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor(), "scontrol requeue: " + said);

            Job requeued = h.syncUntil(job.id(), j -> j.status() == JobStatus.PENDING, SHORT);
            assertTrue(requeued.startedAt().isEmpty(), "the old run's start is gone: " + requeued.startedAt());
            List<JobStatus> seen = h.store.history(job.id()).stream().map(StatusChange::to).toList();
            assertEquals(List.of(JobStatus.CREATED, JobStatus.SUBMITTING, JobStatus.PENDING, JobStatus.RUNNING, JobStatus.PENDING), seen,
                    "history kept, with the move back to the queue");
        } finally {
            h.service.cancel(job.id(), new NullProgressMonitor());
        }
    }
}
