package org.namdrunner.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ShellQuoting;
import org.namdrunner.core.lifecycle.ContinuationRequest;
import org.namdrunner.core.lifecycle.JobRequest;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.testing.TestCluster;

/**
 * Continue a job that really ran out of walltime on the test cluster: a NAMD job slowed down by the stand-in with
 * {@code --time=1} is killed by SLURM (TIMEOUT, ~80 s after it started, see tests/cluster/README.md), then continued
 * from its restart files (copied on the cluster) with the steps that were left, and the continuation runs to
 * COMPLETED and ends at the step the first run would have reached. A second job that wrote no restart file before
 * its time limit shows the refusal. A third stalls while writing its restart files of step 100 (the stand-in's
 * {@code stall_writing_restart}: a hung file system) until SLURM's time limit kills it there, so its {@code .xsc} is of
 * step 100, its {@code .coor} half written, and the last complete set (step 90) is spread over the current and the
 * {@code .old} files NAMD keeps; it is continued from that set, and the stand-in, which refuses a cut binary file as
 * NAMD does, runs the continuation to the end.
 */
class ContinuationTest {

    private static final int MINIMIZE = 20;
    private static final int RUN = 1000;
    private static final int STALLED_AT = 100;
    private static Path local;
    private static Harness h;
    private static Map<String, Path> inputs;
    private static String slowId;
    private static String noRestartId;
    private static String stalledId;
    private static Instant submittedAt;

    @BeforeAll
    static void submitTwoJobsThatWillRunOutOfTime() throws Exception {
        local = Files.createTempDirectory("namdrunner-cont");
        TestCluster cluster = TestCluster.load();
        h = new Harness(cluster, cluster.profile("testcluster"), local.resolve("jobs.db"),
                Duration.ofSeconds(20));
        inputs = TestJobs.inputs(local.resolve("inputs"));
        slowId = submit("walltime-cont", "10", "seconds_per_step 0.3");
        noRestartId = submit("walltime-norestart", "100000", "seconds_per_step 0.3");
        stalledId = submit("walltime-stalled", "10", "seconds_per_step 0.3;stall_writing_restart " + STALLED_AT);
        submittedAt = Instant.now();
    }

    private static String submit(String name, String restartFreq, String standin) throws Exception {
        JobRequest r = TestJobs.request(name, inputs, TestJobs.resources(1, Duration.ofMinutes(1), "acpu", "cpu-normal"), RUN, "wt");
        Map<String, String> params = new LinkedHashMap<>(r.parameters());
        params.put("restartFreq", restartFreq);
        params.put("energyFreq", "10");
        params.put(StandinNamdJobType.DIRECTIVES, standin);
        params.put(StandinNamdJobType.FROM_TREE, "true");   // this checkout's stand-in: .old copies, stall, cut binary files refused
        Job job = h.service.create(new JobRequest(r.name(), r.jobTypeId(), r.profileId(), r.resources(), params, r.inputs()),
                new NullProgressMonitor());
        return h.service.submit(job.id(), new NullProgressMonitor()).id();
    }

    @AfterAll
    static void stop() throws Exception {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void aTimedOutJobIsContinuedFromItsRestartFilesAndCompletes() throws Exception {
        Job old = h.syncUntil(slowId, j -> j.status().isTerminal(), Duration.ofMinutes(3));
        Duration toTimeout = Duration.between(submittedAt, Instant.now());
        assertEquals(JobStatus.TIMEOUT, old.status(), "SLURM state " + old.slurmState());
        Job noRestart = h.syncUntil(noRestartId, j -> j.status().isTerminal(), Duration.ofMinutes(2));
        assertEquals(JobStatus.TIMEOUT, noRestart.status());

        // refused: restart files never written; nothing is created
        int jobsBefore = h.store.list(JobFilter.all()).size();
        InvalidInputException none = assertThrows(InvalidInputException.class,
                () -> h.service.continueJob(ContinuationRequest.of(noRestartId), new NullProgressMonitor()));
        assertTrue(none.getMessage().contains("wt.restart.coor") && none.getMessage().contains("missing"), none.getMessage());
        assertEquals(jobsBefore, h.store.list(JobFilter.all()).size());

        String oldOutputs = old.projectDir().orElseThrow() + "/outputs";

        Instant t0 = Instant.now();
        Map<String, String> faster = Map.of(StandinNamdJobType.DIRECTIVES, "seconds_per_step 0.01");
        Job cont = h.service.continueJob(new ContinuationRequest(slowId, null,
                TestJobs.resources(1, Duration.ofMinutes(10), "acpu", "cpu-normal"), faster), new NullProgressMonitor());
        Duration toCreate = Duration.between(t0, Instant.now());
        assertEquals("walltime-cont_cont1", cont.name());
        assertEquals(JobStatus.CREATED, cont.status());
        assertEquals(JobStatus.TIMEOUT, h.job(slowId).status(), "the old job is left as it was");
        // SLURM's kill can fall in the middle of a restart write (then the .old copies make the set, see the stalled job)
        copiedFrom(old, cont);
        long restartStep = xscStep(cont.projectDir().orElseThrow() + "/input_files/wt.restart.xsc");
        assertTrue(restartStep > MINIMIZE && restartStep < MINIMIZE + RUN, "stopped mid-run, restart at " + restartStep);
        assertTrue(oldLog(old).contains("WRITING VELOCITIES TO RESTART FILE AT STEP " + restartStep + "\nFINISHED WRITING RESTART VELOCITIES"),
                "the copied set is one the log says was finished");
        assertTrue(h.remoteExists(cont.projectDir().orElseThrow() + "/input_files/tiny.psf"), "the old inputs came along");
        String config = h.exec(ShellQuoting.command("cat", cont.projectDir().orElseThrow() + "/config.namd")).stdout();
        long left = MINIMIZE + RUN - restartStep;
        assertTrue(config.contains("firsttimestep      " + restartStep + "\n") && config.contains("run                " + left + "\n"),
                config);
        assertTrue(config.contains("bincoordinates     input_files/wt.restart.coor"), config);
        assertFalse(config.lines().anyMatch(l -> l.startsWith("minimize") || l.startsWith("temperature")), config);
        // what Continue… tells the person once the job is created (ContinueHandler): the restart step and the steps left
        assertTrue(continuationSummary(cont).matches("restarts at step " + restartStep + " \\(.*\\) with " + left + " steps left, up to step " + (MINIMIZE + RUN)), continuationSummary(cont));

        InvalidInputException notTimeout = assertThrows(InvalidInputException.class,
                () -> h.service.continueJob(ContinuationRequest.of(cont.id()), new NullProgressMonitor()));
        assertTrue(notTimeout.getMessage().contains("only a job that ran out of walltime (TIMEOUT)"), notTimeout.getMessage());

        Instant t1 = Instant.now();
        h.service.submit(cont.id(), new NullProgressMonitor());
        Job done = h.syncUntil(cont.id(), j -> j.status().isTerminal(), Duration.ofMinutes(3));
        Duration toRun = Duration.between(t1, Instant.now());
        assertEquals(JobStatus.COMPLETED, done.status(), "error: " + done.error());
        String log = h.exec(ShellQuoting.command("cat", done.projectDir().orElseThrow() + "/outputs/namd_output.log")).stdout();
        assertTrue(log.contains("End of program"), log);
        Matcher end = Pattern.compile("WRITING COORDINATES TO OUTPUT FILE AT STEP (\\d+)").matcher(log);
        assertTrue(end.find(), log);
        assertEquals(MINIMIZE + RUN, Long.parseLong(end.group(1)), "the continuation ends where the first run would have");
        assertTrue(log.contains("TCL: Running for " + left + " steps"), "it ran only the steps that were left");

        Job second = h.service.continueJob(ContinuationRequest.of(slowId), new NullProgressMonitor());
        assertEquals("walltime-cont_cont2", second.name(), "a second continuation of the same job gets the next number");
        h.service.delete(second.id(), new NullProgressMonitor());

        System.out.printf("ContinuationTest: submit->TIMEOUT seen %d s; continueJob %d ms (restart at step %d, %d steps left); "
                + "continuation submit->COMPLETED %d s%n", toTimeout.toSeconds(), toCreate.toMillis(), restartStep, left, toRun.toSeconds());
    }

    @Test
    void aJobKilledWhileWritingItsRestartFilesContinuesFromTheCompleteSetNamdKeptAsOld() throws Exception {
        Job old = h.syncUntil(stalledId, j -> j.status().isTerminal(), Duration.ofMinutes(4));
        assertEquals(JobStatus.TIMEOUT, old.status(), "SLURM state " + old.slurmState());
        String oldOutputs = old.projectDir().orElseThrow() + "/outputs";
        long complete = STALLED_AT - 10;
        assertEquals(STALLED_AT, xscStep(oldOutputs + "/wt.restart.xsc"), "the new .xsc was written before the stall");
        assertEquals(complete, xscStep(oldOutputs + "/wt.restart.xsc.old"));
        assertTrue(oldLog(old).contains("WRITING COORDINATES TO RESTART FILE AT STEP " + STALLED_AT), "stopped at the restart of step " + STALLED_AT);
        long cut = Long.parseLong(h.exec(ShellQuoting.command("stat", "-c", "%s", oldOutputs + "/wt.restart.coor")).stdout().strip());
        long whole = Long.parseLong(h.exec(ShellQuoting.command("stat", "-c", "%s", oldOutputs + "/wt.restart.coor.old")).stdout().strip());
        assertTrue(cut < whole, "the new .coor is cut short: " + cut + " of " + whole + " bytes");

        Job cont = h.service.continueJob(new ContinuationRequest(stalledId, null,
                TestJobs.resources(1, Duration.ofMinutes(10), "acpu", "cpu-normal"), Map.of(StandinNamdJobType.DIRECTIVES, "seconds_per_step 0.002")),
                new NullProgressMonitor());
        assertEquals(Map.of("wt.restart.coor", "wt.restart.coor.old", "wt.restart.vel", "wt.restart.vel", "wt.restart.xsc", "wt.restart.xsc.old"),
                copiedFrom(old, cont), "the half-written .coor and the .xsc of step " + STALLED_AT + " are left out");
        String config = h.exec(ShellQuoting.command("cat", cont.projectDir().orElseThrow() + "/config.namd")).stdout();
        assertTrue(config.contains("firsttimestep      " + complete + "\n") && config.contains("run                " + (MINIMIZE + RUN - complete) + "\n"),
                config);
        assertTrue(continuationSummary(cont).contains("NAMD kept as .old"), continuationSummary(cont));

        h.service.submit(cont.id(), new NullProgressMonitor());
        Job done = h.syncUntil(cont.id(), j -> j.status().isTerminal(), Duration.ofMinutes(3));
        assertEquals(JobStatus.COMPLETED, done.status(), "error: " + done.error() + "\n" + oldLog(done));
        assertTrue(oldLog(done).contains("WRITING COORDINATES TO OUTPUT FILE AT STEP " + (MINIMIZE + RUN)), oldLog(done));
    }

    /** The file in the old job's outputs that each restart file of the continuation is a byte-identical copy of. */
    private static Map<String, String> copiedFrom(Job old, Job cont) throws Exception {
        String oldOutputs = old.projectDir().orElseThrow() + "/outputs";
        Map<String, String> sources = new LinkedHashMap<>();
        for (String f : List.of("wt.restart.coor", "wt.restart.vel", "wt.restart.xsc")) {
            assertTrue(cont.inputFiles().contains("input_files/" + f), cont.inputFiles().toString());
            String copy = cont.projectDir().orElseThrow() + "/input_files/" + f;
            for (String source : List.of(f, f + ".old")) {
                if (h.exec(ShellQuoting.command("cmp", "-s", oldOutputs + "/" + source, copy)).exitCode() == 0) {
                    sources.put(f, source);
                    break;
                }
            }
            assertTrue(sources.containsKey(f), f + " is a copy of " + f + " or " + f + ".old");
        }
        return sources;
    }

    /** What Continue… tells the person once the continuation is created (ContinueHandler). */
    private static String continuationSummary(Job cont) {
        return new org.namdrunner.namd.NamdJobType().continuationSummary(org.namdrunner.core.lifecycle.TypeParameters.read(cont.typeParameters()));
    }

    private static long xscStep(String path) throws Exception {
        return Long.parseLong(h.exec("awk '!/^#/ {print $1; exit}' " + ShellQuoting.quote(path)).stdout().strip());
    }

    private static String oldLog(Job job) throws Exception {
        return h.exec(ShellQuoting.command("cat", job.projectDir().orElseThrow() + "/outputs/namd_output.log")).stdout();
    }
}
