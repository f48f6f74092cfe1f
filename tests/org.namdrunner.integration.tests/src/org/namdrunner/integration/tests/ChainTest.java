package org.namdrunner.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.namdrunner.core.cluster.RemotePaths;
import org.namdrunner.core.cluster.ShellQuoting;
import org.namdrunner.core.lifecycle.ChainRequest;
import org.namdrunner.core.lifecycle.ChainStage;
import org.namdrunner.core.lifecycle.JobChains;
import org.namdrunner.core.lifecycle.JobInfoJson;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.namd.CharmmGuiFolder;
import org.namdrunner.namd.NamdJobType;
import org.namdrunner.namd.NamdProtocols;
import org.namdrunner.testing.CharmmGuiSystem;

/**
 * Chains of stages on the twin: a CHARMM-GUI-shaped system (ten toppar files) as the built-in CHARMM-GUI protocol
 * (step4 minimization → step4 equilibration → step5 production) submitted at once with afterok dependencies, each stage
 * starting from the previous stage's files copied on the cluster; then the production extended; a chain whose second
 * stage fails, whose third stage SLURM cancels and the product explains in words.
 */
class ChainTest {

    @RegisterExtension
    static final OnTheTwin TWIN = new OnTheTwin("namdrunner-chain");

    @Test
    void aCharmmGuiSystemRunsAsAThreeStageChainEachStageFromThePreviousOnesFiles() throws Exception {
        CharmmGuiFolder.System system = CharmmGuiFolder.read(CharmmGuiSystem.write(TWIN.local().resolve("charmm-gui")));
        assertTrue(CharmmGuiSystem.topparFiles().size() >= 8, "at least eight toppar files");
        Map<String, String> params = new LinkedHashMap<>(system.boxParameters());
        params.put(NamdJobType.TEMPLATE, "solvent-npt-pme");
        params.put("restartFreq", "50");
        params.put("energyFreq", "10");
        // the first stage slow enough that the later ones are seen waiting for it
        params.put(StandinNamdJobType.DIRECTIVES, "seconds_per_step 0.002");
        List<ChainStage> stages = NamdProtocols.stages(NamdProtocols.CHARMM_GUI,
                new NamdProtocols.Lengths(40, List.of(150L), 200, false));
        Map<String, String> slowFirst = new LinkedHashMap<>(stages.get(0).parameters());
        slowFirst.put(StandinNamdJobType.DIRECTIVES, "seconds_per_step 0.15");
        stages = List.of(new ChainStage(stages.get(0).label(), slowFirst), stages.get(1), stages.get(2));

        List<Job> chain = TWIN.h().service.chains().create(new ChainRequest("cgui-chain", NamdJobType.ID, "testcluster",
                TestJobs.resources(2, Duration.ofMinutes(10), "acpu", "cpu-normal"), params, system.inputs(), stages),
                new NullProgressMonitor());
        assertEquals(List.of("cgui-chain_step4_minimization", "cgui-chain_step4_equilibration", "cgui-chain_step5_production"),
                chain.stream().map(Job::name).toList());
        String chainId = chain.get(0).id();
        for (int i = 0; i < 3; i++) {
            assertEquals(chainId, chain.get(i).chain().orElseThrow().chainId());
            assertEquals(i + 1, chain.get(i).chain().orElseThrow().stage());
            assertEquals(system.inputs().size(), chain.get(i).inputFiles().size(), "every stage lists the inputs");
        }
        // the inputs went up once; the later stages' copies were made on the cluster
        String inputs3 = TWIN.h().exec(ShellQuoting.command("ls", chain.get(2).projectDir().orElseThrow() + "/input_files")).stdout();
        for (String f : CharmmGuiSystem.topparFiles()) {
            assertTrue(inputs3.lines().anyMatch(f::equals), f + " in stage 3's inputs: " + inputs3);
        }

        // job_info.json keeps each stage's place, so a rediscovered stage comes back into its chain
        String info = TWIN.h().exec(ShellQuoting.command("cat", chain.get(1).projectDir().orElseThrow() + "/job_info.json")).stdout();
        assertEquals(chain.get(1).chain(), JobInfoJson.read(info).chain(), info);
        List<Job> submitted = TWIN.h().service.chains().submit(chainId, new NullProgressMonitor());
        String s1 = submitted.get(0).slurmId().orElseThrow();
        String s2 = submitted.get(1).slurmId().orElseThrow();
        String s3 = submitted.get(2).slurmId().orElseThrow();
        String deps = TWIN.h().slurm(ShellQuoting.command("squeue", "--noheader", "--states=all", "--jobs=" + s2 + "," + s3, "--format=%i %E")).stdout();
        assertTrue(deps.contains(s2 + " afterok:" + s1), "stage 2 waits for stage 1 in squeue: " + deps);
        assertTrue(deps.contains(s3 + " afterok:" + s2), "stage 3 waits for stage 2 in squeue: " + deps);

        Job last = TWIN.h().syncUntil(chain.get(2).id(), j -> j.status().isTerminal(), Duration.ofMinutes(6));
        assertEquals(JobStatus.COMPLETED, last.status(), "error: " + last.error());
        List<Job> done = TWIN.h().service.chains().stages(chainId);
        done.forEach(j -> assertEquals(JobStatus.COMPLETED, j.status(), j.name()));
        // SLURM ran them one after the other: each started after the one before it ended
        String times = TWIN.h().slurm(ShellQuoting.command("sacct", "-X", "-n", "-P", "-j", s1 + "," + s2 + "," + s3, "-o", "JobID,State,Start,End")).stdout();
        Map<String, String[]> rows = new LinkedHashMap<>();
        times.lines().map(l -> l.split("\\|")).forEach(r -> rows.put(r[0], r));
        assertTrue(rows.get(s2)[2].compareTo(rows.get(s1)[3]) >= 0, "stage 2 started after stage 1 ended: " + times);
        assertTrue(rows.get(s3)[2].compareTo(rows.get(s2)[3]) >= 0, "stage 3 started after stage 2 ended: " + times);

        // each stage read the previous stage's files, copied from its scratch folder on the cluster
        for (int i = 1; i < 3; i++) {
            Job prev = done.get(i - 1);
            Job stage = done.get(i);
            String prevOut = prev.chain().orElseThrow().label();
            String config = TWIN.h().exec(ShellQuoting.command("cat", stage.scratchDir().orElseThrow() + "/config.namd")).stdout();
            assertTrue(config.contains("bincoordinates     input_files/" + prevOut + ".coor"), config);
            assertTrue(config.contains("extendedSystem     input_files/" + prevOut + ".xsc"), config);
            for (String ext : i == 1 ? List.of(".coor", ".xsc") : List.of(".coor", ".vel", ".xsc")) {
                String a = RemotePaths.join(prev.scratchDir().orElseThrow(), prevOut + ext);
                String b = RemotePaths.join(stage.scratchDir().orElseThrow(), "input_files/" + prevOut + ext);
                assertEquals(0, TWIN.h().exec(ShellQuoting.command("cmp", a, b)).exitCode(), b + " is " + a);
            }
            String note = TWIN.h().exec(ShellQuoting.command("cat", stage.projectDir().orElseThrow() + "/outputs/namdrunner_stage_inputs.txt")).stdout();
            assertTrue(note.contains("copied") && note.contains(prev.scratchDir().orElseThrow()), note);
        }
        String config2 = TWIN.h().exec(ShellQuoting.command("cat", done.get(1).scratchDir().orElseThrow() + "/config.namd")).stdout();
        assertFalse(config2.contains("binvelocities"), "after a minimization the velocities are new: " + config2);
        assertTrue(config2.lines().anyMatch(l -> l.startsWith("temperature")), config2);
        String config3 = TWIN.h().exec(ShellQuoting.command("cat", done.get(2).scratchDir().orElseThrow() + "/config.namd")).stdout();
        assertTrue(config3.contains("binvelocities      input_files/step4_equilibration.vel"), config3);
        // the steps go on: equilibration from step 40, production from step 190 to 390
        assertTrue(config2.contains("firsttimestep      40"), config2);
        assertTrue(config3.contains("firsttimestep      190"), config3);
        Path results = TWIN.h().service.fetchResults(done.get(2).id(), TWIN.local().resolve("results"), new NullProgressMonitor());
        String log = Files.readString(results.resolve(NamdJobType.LOG_FILE));
        assertTrue(log.contains("WRITING COORDINATES TO OUTPUT FILE AT STEP 390"), "production ended at step 390");
        List<String> read = log.lines().filter(l -> l.startsWith("Info: PARAMETERS ")).map(l -> l.replaceAll(".*/", "")).toList();
        assertEquals(CharmmGuiSystem.topparFiles(), read, "every toppar file opened by the production stage, in order");

        // extend the COMPLETED production by 0.0004 ns (200 steps of 2 fs) from its final files
        Job ext = TWIN.h().service.chains().extend(done.get(2).id(), 0.0004, false, null, new NullProgressMonitor());
        assertEquals(chainId, ext.chain().orElseThrow().chainId());
        assertEquals(4, ext.chain().orElseThrow().stage());
        assertEquals("cgui-chain_step5_production_ext1", ext.name());
        TWIN.h().service.submit(ext.id(), new NullProgressMonitor());
        Job extDone = TWIN.h().syncUntil(ext.id(), j -> j.status().isTerminal(), Duration.ofMinutes(4));
        assertEquals(JobStatus.COMPLETED, extDone.status(), "error: " + extDone.error());
        Path extResults = TWIN.h().service.fetchResults(ext.id(), TWIN.local().resolve("ext"), new NullProgressMonitor());
        String extLog = Files.readString(extResults.resolve(NamdJobType.LOG_FILE));
        assertTrue(extLog.contains("WRITING COORDINATES TO OUTPUT FILE AT STEP 590"), "the extension ran steps 390 to 590");
    }

    @Test
    void aFailedStageHasTheStagesAfterItCancelledWithTheCauseInWords() throws Exception {
        Map<String, String> fail = new LinkedHashMap<>();
        fail.put("runSteps", "200");
        fail.put("outputName", "equilibration");
        fail.put(StandinNamdJobType.DIRECTIVES, "fail \"Atoms moving too fast\"");
        List<ChainStage> stages = List.of(
                new ChainStage("minimization", Map.of("minimizeSteps", "20", "runSteps", "0", "outputName", "minimization")),
                new ChainStage("equilibration", fail),
                new ChainStage("production", Map.of("runSteps", "100", "outputName", "production")));
        List<Job> chain = TWIN.h().service.chains().create(new ChainRequest("failing-chain", NamdJobType.ID, "testcluster",
                TestJobs.resources(1, Duration.ofMinutes(10), "acpu", "cpu-normal"), Map.of(), TestJobs.inputs(TWIN.local().resolve("tiny")),
                stages), new NullProgressMonitor());
        List<Job> submitted = TWIN.h().service.chains().submit(chain.get(0).id(), new NullProgressMonitor());
        Instant start = Instant.now();
        Job third = TWIN.h().syncUntil(chain.get(2).id(), j -> j.status().isTerminal() && j.error().isPresent()
                && j.error().get().type().equals("CHAIN"), Duration.ofMinutes(5));
        System.out.println("[ChainTest] stage 3 cancelled with its cause " + Duration.between(start, Instant.now()).toMillis() + " ms after submission");
        Job second = TWIN.h().job(chain.get(1).id());
        assertEquals(JobStatus.FAILED, second.status());
        assertEquals(JobStatus.CANCELLED, third.status());
        assertTrue(third.startedAt().isEmpty(), "stage 3 never ran");
        // squeue reports no exit code, so which words come depends on whether sacct or squeue saw the failure first
        String words = third.error().get().message();
        assertTrue(words.equals("Cancelled because stage 2 (equilibration) failed: FATAL ERROR: Atoms moving too fast; this stage never ran.")
                || words.equals("Cancelled because stage 2 (equilibration) failed: exit 1 (FATAL ERROR: Atoms moving too fast); this stage never ran."),
                words);
        assertFalse(third.error().get().message().contains("DependencyNeverSatisfied"));
        assertEquals(JobStatus.COMPLETED, TWIN.h().job(chain.get(0).id()).status());
        // SLURM itself cancelled it for the failed dependency (--kill-on-invalid-dep=yes)
        String s3 = submitted.get(2).slurmId().orElseThrow();
        String state = TWIN.h().slurm(ShellQuoting.command("sacct", "-X", "-n", "-P", "-j", s3, "-o", "State,Reason")).stdout().strip();
        // "CANCELLED by <uid>" would be an scancel of ours; the reason column says Dependency only when the controller
        // wrote it before the accounting record (seen both ways on the twin)
        assertEquals("CANCELLED", state.split("\\|")[0], "sacct: " + state);
    }

    @Test
    void continueUntilDoneChainsTimeoutContinuationsFromTheSync() throws Exception {
        Map<String, String> production = new LinkedHashMap<>();
        production.put("minimizeSteps", "20");
        production.put("runSteps", "380");
        production.put("restartFreq", "10");
        production.put("energyFreq", "10");
        production.put("outputName", "production");
        production.put(JobChains.AUTO_CONTINUE, "yes");
        production.put(StandinNamdJobType.DIRECTIVES, "seconds_per_step 0.3");
        List<Job> chain = TWIN.h().service.chains().create(new ChainRequest("until-chain", NamdJobType.ID, "testcluster",
                TestJobs.resources(1, Duration.ofMinutes(1), "acpu", "cpu-normal"), Map.of(), TestJobs.inputs(TWIN.local().resolve("until")),
                List.of(new ChainStage("production", production))), new NullProgressMonitor());
        String chainId = chain.get(0).id();
        TWIN.h().service.chains().submit(chainId, new NullProgressMonitor());
        Instant submitted = Instant.now();
        Job first = TWIN.h().syncUntil(chainId, j -> j.status().isTerminal(), Duration.ofMinutes(4));
        assertEquals(JobStatus.TIMEOUT, first.status(), "the 400 steps at 0.3 s do not fit in one minute");
        Instant timedOut = Instant.now();
        // the sync that saw the TIMEOUT continued it and submitted the continuation; no one pressed anything
        Instant end = Instant.now().plus(Duration.ofMinutes(4));
        List<Job> stages = TWIN.h().service.chains().stages(chainId);
        while (!(stages.size() >= 2 && stages.get(stages.size() - 1).status() == JobStatus.COMPLETED)) {
            assertTrue(Instant.now().isBefore(end), "no completed continuation: " + stages);
            Thread.sleep(2000);
            TWIN.h().service.sync(TWIN.h().profile.id(), new NullProgressMonitor());
            stages = TWIN.h().service.chains().stages(chainId);
        }
        System.out.println("[ChainTest] TIMEOUT seen " + Duration.between(submitted, timedOut).toSeconds() + " s after submission; "
                + (stages.size() - 1) + " automatic continuation(s), COMPLETED " + Duration.between(timedOut, Instant.now()).toSeconds()
                + " s after the TIMEOUT was seen");
        Job cont = stages.get(1);
        assertEquals("until-chain_production_cont1", cont.name());
        assertEquals(2, cont.chain().orElseThrow().stage());
        assertEquals("production", cont.chain().orElseThrow().label());
        assertTrue(TWIN.h().service.store().history(cont.id()).stream().anyMatch(c -> c.detail().startsWith("sbatch: Submitted batch job")),
                "submitted by the sync");
        Job lastStage = stages.get(stages.size() - 1);
        Path results = TWIN.h().service.fetchResults(lastStage.id(), TWIN.local().resolve("until-results"), new NullProgressMonitor());
        String log = Files.readString(results.resolve(NamdJobType.LOG_FILE));
        assertTrue(log.contains("WRITING COORDINATES TO OUTPUT FILE AT STEP 400"), "the chain reached the production's last step");
    }
}
