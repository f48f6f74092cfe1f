package org.namdrunner.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.RetryPolicy;
import org.namdrunner.core.cluster.ShellQuoting;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.ssh.SshConnectionProvider;
import org.namdrunner.ssh.SshSettings;
import org.namdrunner.testing.PrivateSshd;
import org.namdrunner.testing.ScriptedPrompter;
import org.namdrunner.testing.TestCluster;

/**
 * Rule 3 of [J] on the twin: a submission whose answer is lost after sbatch ran is reconciled by the job's tag
 * before any retry or roll-back, so one job never runs twice in its scratch folder. The login node is a private
 * sshd of this test (the shared one is left alone), killed for real. The one part that is not real: the command has
 * run and answered before the kill, and its answer is dropped, as when the session dies between sbatch queueing the
 * job and its answer reaching us — a window of milliseconds that cannot be hit on demand.
 */
class UncertainSubmitTest {

    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final String LOST = "lost-" + RUN;
    private static final String CANCELLED = "cancelled-" + RUN;

    @Test
    void sessionKilledRightAfterSbatchLeavesTheJobSubmittingAndTheRetryFindsItByItsTagInsteadOfSubmittingAgain() throws Exception {
        Path local = Files.createTempDirectory("namdrunner-uncertain");
        TestCluster cluster = TestCluster.load();
        try (PrivateSshd sshd = PrivateSshd.likeTheCluster()) {
            ClusterProfile profile = sshd.profile(cluster.profile("testcluster"));
            RetryPolicy quick = new RetryPolicy(2, Duration.ofMillis(200), Duration.ofSeconds(1), new Random(), d -> Thread.sleep(d.toMillis()));
            SshConnectionProvider connections = new SshConnectionProvider(new ScriptedPrompter(),
                    SshSettings.isolated(sshd.knownHosts()).withRetryPolicy(quick));
            try (Harness h = new Harness(cluster, profile, local.resolve("jobs.db"), Duration.ofMinutes(10), connections)) {
                Job job = h.service.create(slowJob(local, LOST), new NullProgressMonitor());
                h.connection.afterNext(c -> c.contains("sbatch"), answer -> {
                    sshd.killHard();
                    throw ClusterException.transientFailure("the session to the login node ended", null);
                });
                assertThrows(ClusterException.class, () -> h.service.submit(job.id(), new NullProgressMonitor()));
                Job uncertain = h.job(job.id());
                assertEquals(JobStatus.SUBMITTING, uncertain.status(), "SLURM could not be asked, so nobody knows: " + uncertain);
                assertTrue(uncertain.slurmId().isEmpty());
                assertTrue(uncertain.error().orElseThrow().message().contains("Press Submit again"), uncertain.error().toString());

                sshd.start();
                h.connection.clearCommands();
                Job adopted = h.service.submit(job.id(), new NullProgressMonitor());
                assertEquals(JobStatus.PENDING, adopted.status());
                List<String> queued = queuedIds(h, LOST);
                assertEquals(List.of(adopted.slurmId().orElseThrow()), queued, "exactly the one queued job, under our id");
                assertTrue(h.connection.commands().stream().noneMatch(c -> c.contains("sbatch")),
                        "the retry ran sbatch again: " + h.connection.commands());
                h.service.delete(job.id(), new NullProgressMonitor());
            }
        }
    }

    @Test
    void cancelPressedWhileSbatchRanFindsTheQueuedJobByItsTagInsteadOfRollingBack() throws Exception {
        Path local = Files.createTempDirectory("namdrunner-cancelled-submit");
        TestCluster cluster = TestCluster.load();
        try (Harness h = new Harness(cluster, cluster.profile("testcluster"), local.resolve("jobs.db"), Duration.ofMinutes(10))) {
            Job job = h.service.create(slowJob(local, CANCELLED), new NullProgressMonitor());
            NullProgressMonitor monitor = new NullProgressMonitor();
            h.connection.afterNext(c -> c.contains("sbatch"), answer -> {
                monitor.setCanceled(true);   // the person pressed Cancel; sbatch had already been sent
                throw ClusterException.cancelled();
            });
            Job result = h.service.submit(job.id(), monitor);
            assertEquals(JobStatus.PENDING, result.status(), "rolled back although SLURM queued it: " + h.job(job.id()));
            assertEquals(List.of(result.slurmId().orElseThrow()), queuedIds(h, CANCELLED));
            assertTrue(h.remoteExists(job.scratchDir().orElseThrow() + "/scripts/job.sbatch"), "the queued job's scratch copy was removed");
            h.service.delete(job.id(), new NullProgressMonitor());
        }
    }

    private static org.namdrunner.core.lifecycle.JobRequest slowJob(Path local, String name) throws Exception {
        Map<String, Path> inputs = TestJobs.inputs(local.resolve("inputs"));
        return TestJobs.request(name, inputs, TestJobs.resources(1, Duration.ofMinutes(10), "acpu", ""), 2_000_000, "slow");
    }

    /** The ids of this user's queued or running SLURM jobs of that name, asked without the product. */
    private static List<String> queuedIds(Harness h, String name) throws Exception {
        String out = h.slurm(ShellQuoting.command("squeue", "--me", "--noheader", "--name=" + name, "--format=%i")).stdout();
        return out.lines().map(String::strip).filter(l -> l.matches("[0-9]+")).toList();
    }
}
