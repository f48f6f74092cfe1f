package org.namdrunner.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.namdrunner.app.ClusterReads;
import org.namdrunner.app.ClusterReads.Trigger;
import org.namdrunner.app.LogProgress;
import org.namdrunner.app.RemoteListing;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.NotConnectedException;
import org.namdrunner.core.cluster.RetryPolicy;
import org.namdrunner.core.lifecycle.ClusterPoller;
import org.namdrunner.core.lifecycle.JobFolders;
import org.namdrunner.core.lifecycle.PollSchedule;
import org.namdrunner.core.lifecycle.SyncReport;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.ssh.SshConnectionProvider;
import org.namdrunner.ssh.SshSettings;
import org.namdrunner.testing.DuoAnswers;
import org.namdrunner.testing.PrivateSshd;
import org.namdrunner.testing.ScriptedPrompter;
import org.namdrunner.testing.TestCluster;

/**
 * Rule 8 of [J]: no background work ever starts a login. The Duo user {@code ralphie@colostate.edu} logs in once
 * (password, then Duo's menu, answered by a prompter that records every prompt), through a private sshd with the
 * twin's own config and PAM stack (so it can be killed without disturbing other tests). Then the session is really
 * dropped (SIGKILL of the sshd, which is started again at once, so a new login <em>would</em> succeed and would ask),
 * and each kind of background read runs: the automatic poll, the result collection it starts, the log refresh and
 * the folder listing. Each must ask nothing and fail with the words that say how to sign in. For the log and the
 * listing, the same read by a person (Refresh) then does log in, which shows that the prompter counts.
 */
class BackgroundLoginTest {

    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    /** One Duo user's workbench: the counting prompter, a private sshd, the real parts. */
    private static final class DuoWorkbench implements AutoCloseable {
        final TestCluster cluster = TestCluster.load();
        final PrivateSshd sshd = PrivateSshd.likeTheCluster();
        final ScriptedPrompter prompter;
        final SshConnectionProvider connections;
        final ClusterProfile profile;
        final Harness h;
        final Path local = Files.createTempDirectory("namdrunner-background-login");

        DuoWorkbench() throws Exception {
            prompter = new ScriptedPrompter().keyboard(DuoAnswers.passcode(cluster));
            RetryPolicy quick = new RetryPolicy(2, Duration.ofMillis(200), Duration.ofSeconds(1), new java.util.Random(),
                    d -> Thread.sleep(d.toMillis()));
            connections = new SshConnectionProvider(prompter, SshSettings.isolated(sshd.knownHosts()).withRetryPolicy(quick));
            profile = sshd.profile(cluster.duoProfile("testcluster"));
            h = new Harness(cluster, profile, local.resolve("jobs.db"), Duration.ofMinutes(10), connections);
        }

        int prompts() {
            synchronized (prompter) {
                return prompter.asked.size();
            }
        }

        Job create(String name, int steps) throws Exception {
            Job job = h.service.create(TestJobs.request(name, TestJobs.inputs(local.resolve("inputs-" + name)),
                    TestJobs.resources(1, Duration.ofMinutes(10), "acpu", ""), steps, "bg"), new NullProgressMonitor());
            assertTrue(prompts() > 0, "creating the job logged in and Duo was answered: " + prompter.asked);
            assertTrue(h.connection.isConnected());
            return job;
        }

        /** Kills the login node's sshd (every session with it) and starts it again; waits until the client sees the drop. */
        void dropSession() {
            try {
                sshd.killHard();
                sshd.start();
                long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (h.connection.isConnected()) {
                    if (System.nanoTime() > end) {
                        throw new AssertionError("the client still thinks the session is open 30 s after the sshd was killed");
                    }
                    Thread.sleep(50);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** One automatic poll (the kind the workbench runs every interval), waited for. */
        SyncReport automaticPoll() throws InterruptedException {
            LinkedBlockingQueue<SyncReport> reports = new LinkedBlockingQueue<>();
            // "connected" as the workbench asks it; the poll is due at once (interval 10 ms)
            ClusterPoller poller = new ClusterPoller(h.service, profile.id(), h.connection::isConnected,
                    new PollSchedule(Duration.ofMillis(10), RetryPolicy.standard()), reports::add);
            poller.start();
            try {
                SyncReport r = reports.poll(3, TimeUnit.MINUTES);
                assertNotNull(r, "the automatic poll never reported");
                return r;
            } finally {
                poller.stop();
            }
        }

        @Override
        public void close() throws Exception {
            h.close();
            sshd.close();
        }
    }

    @Test
    void anAutomaticPollWhoseSessionDropsAfterItsCheckAsksNothingAndSaysHowToSignIn() throws Exception {
        try (DuoWorkbench w = new DuoWorkbench()) {
            Job job = w.create("bgpoll-" + RUN, 2_000_000);
            Job submitted = SharedCluster.submit(w.h.service, job.id());
            // the poll's "is the session open?" check passes; the session dies right after it, before squeue is sent
            w.h.connection.beforeNext(c -> c.contains("squeue"), w::dropSession);
            int before = w.prompts();
            SyncReport report = w.automaticPoll();
            assertEquals(before, w.prompts(), "the automatic poll logged in again: " + w.prompter.asked);
            assertFalse(report.succeeded());
            assertTrue(report.status().getMessage().contains("Not connected to") && report.status().getMessage().contains("Sync"),
                    report.status().getMessage());
            Job after = w.h.job(job.id());
            assertEquals(submitted.status(), after.status(), "a poll that could not ask changed the job");
            w.h.service.cancel(job.id(), new NullProgressMonitor()); // a person's action: it may log in
        }
    }

    @Test
    void resultCollectionAfterAnAutomaticPollAsksNothingAndLeavesANote() throws Exception {
        try (DuoWorkbench w = new DuoWorkbench()) {
            Job job = w.create("bgresult-" + RUN, 40);
            Job submitted = SharedCluster.submit(w.h.service, job.id());
            w.h.waitForAccountingState(submitted.slurmId().orElseThrow(), Duration.ofMinutes(3));
            String outputs = job.projectDir().orElseThrow() + "/" + JobFolders.OUTPUTS;
            // the poll itself goes through; the session dies before the collection's first command
            w.h.connection.beforeNext(c -> c.startsWith("find ") && c.contains(outputs), w::dropSession);
            int before = w.prompts();
            SyncReport report = w.automaticPoll();
            assertEquals(before, w.prompts(), "collecting results logged in again: " + w.prompter.asked);
            assertTrue(report.succeeded(), report.status().getMessage());
            Job done = w.h.job(job.id());
            assertEquals(JobStatus.COMPLETED, done.status(), report + " commands: " + w.h.connection.commands());
            String note = done.error().orElseThrow(() -> new AssertionError("no note on " + done)).message();
            assertTrue(note.contains("Results not copied yet") && note.contains("Not connected to"), note);
            w.h.service.delete(job.id(), new NullProgressMonitor());
        }
    }

    @Test
    void aLogRefreshWithoutASessionAsksNothingButRefreshByAPersonSignsIn() throws Exception {
        try (DuoWorkbench w = new DuoWorkbench()) {
            Job job = w.create("bglog-" + RUN, 40);
            w.dropSession();
            ClusterReads reads = new ClusterReads(w.connections);
            var type = new StandinNamdJobType();
            int before = w.prompts();
            NotConnectedException e = assertThrows(NotConnectedException.class,
                    () -> reads.refreshLog(new LogProgress(), job, type, w.profile, true, Trigger.BACKGROUND, new NullProgressMonitor()));
            assertEquals(before, w.prompts(), "the background log refresh logged in: " + w.prompter.asked);
            assertTrue(e.getMessage().startsWith("Not connected to " + w.profile.name()) && e.getMessage().contains("Refresh"), e.getMessage());
            // the person presses Refresh: that one may sign in (the job has not run, so there is no log yet)
            assertThrows(ClusterException.class,
                    () -> reads.refreshLog(new LogProgress(), job, type, w.profile, true, Trigger.PERSON, new NullProgressMonitor()));
            assertTrue(w.prompts() > before, "Refresh by a person did not sign in");
            w.h.service.delete(job.id(), new NullProgressMonitor());
        }
    }

    @Test
    void aFolderListingWithoutASessionAsksNothingButRefreshByAPersonSignsIn() throws Exception {
        try (DuoWorkbench w = new DuoWorkbench()) {
            Job job = w.create("bglist-" + RUN, 40);
            w.dropSession();
            ClusterReads reads = new ClusterReads(w.connections);
            String dir = job.projectDir().orElseThrow();
            int before = w.prompts();
            NotConnectedException e = assertThrows(NotConnectedException.class,
                    () -> reads.listFolder(w.profile, dir, Trigger.BACKGROUND, new NullProgressMonitor()));
            assertEquals(before, w.prompts(), "the background listing logged in: " + w.prompter.asked);
            assertTrue(e.getMessage().contains("Not connected to") && e.getMessage().contains("Sync"), e.getMessage());
            List<RemoteListing.RemoteFile> files = reads.listFolder(w.profile, dir, Trigger.PERSON, new NullProgressMonitor());
            assertTrue(w.prompts() > before, "Refresh by a person did not sign in");
            assertTrue(files.stream().anyMatch(f -> f.path().equals(JobFolders.JOB_INFO)), files.toString());
            w.h.service.delete(job.id(), new NullProgressMonitor());
        }
    }
}
