package org.namdrunner.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.namdrunner.core.cluster.ShellQuoting;
import org.namdrunner.core.lifecycle.JobInfoJson;
import org.namdrunner.core.lifecycle.JobRequest;
import org.namdrunner.core.lifecycle.ReplicaRequest;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.ReplicaLink;
import org.namdrunner.namd.CharmmGuiFolder;
import org.namdrunner.namd.NamdJobType;
import org.namdrunner.testing.CharmmGuiSystem;

/**
 * Replicas on the twin: a CHARMM-GUI-shaped system (ten toppar files) as three replicas with seeds 4242–4244, made at
 * once (inputs uploaded once, copied on the cluster), submitted as three SLURM jobs with no dependency, followed by the
 * one squeue each sync makes for the cluster, and each run with its own seed: the stand-in logs the seed it was given
 * and its energies follow it, so three different trajectories come back.
 */
class ReplicasTest {

    @RegisterExtension
    static final OnTheTwin TWIN = new OnTheTwin("namdrunner-replicas");

    @Test
    void threeReplicasRunSideBySideEachWithItsOwnSeed() throws Exception {
        CharmmGuiFolder.System system = CharmmGuiFolder.read(CharmmGuiSystem.write(TWIN.local().resolve("charmm-gui")));
        Map<String, String> params = new LinkedHashMap<>(system.boxParameters());
        params.put(NamdJobType.TEMPLATE, "solvent-npt-pme");
        params.put("minimizeSteps", "20");
        params.put("runSteps", "100");
        params.put("energyFreq", "10");
        params.put(StandinNamdJobType.DIRECTIVES, "seconds_per_step 0.05");
        params.put(StandinNamdJobType.FROM_TREE, "true");   // this checkout's stand-in, which logs its seed
        JobRequest job = new JobRequest("cgui-rep", NamdJobType.ID, "testcluster",
                TestJobs.resources(1, Duration.ofMinutes(10), "acpu", "cpu-normal"), params, system.inputs());

        List<Job> set = TWIN.h().service.replicas().create(new ReplicaRequest(job, 3, 4242), new NullProgressMonitor());
        assertEquals(List.of("cgui-rep_r1", "cgui-rep_r2", "cgui-rep_r3"), set.stream().map(Job::name).toList());
        String setId = set.get(0).id();
        for (int k = 1; k <= 3; k++) {
            Job r = set.get(k - 1);
            assertEquals(new ReplicaLink(setId, k, 3), r.replica().orElseThrow());
            assertEquals(system.inputs().size(), r.inputFiles().size(), "every replica lists the inputs");
            String config = TWIN.h().exec(ShellQuoting.command("cat", r.projectDir().orElseThrow() + "/config.namd")).stdout();
            assertEquals(List.of("seed               " + (4241 + k)), config.lines().filter(l -> l.startsWith("seed")).toList(), config);
            assertTrue(config.indexOf("seed ") < config.indexOf("\nminimize"), "the seed is set before NAMD's first command: " + config);
            String info = TWIN.h().exec(ShellQuoting.command("cat", r.projectDir().orElseThrow() + "/job_info.json")).stdout();
            assertEquals(r.replica(), JobInfoJson.read(info).replica(), "job_info.json keeps the replica's place: " + info);
        }
        // the inputs were copied on the cluster, byte for byte
        for (String f : CharmmGuiSystem.topparFiles()) {
            String a = set.get(0).projectDir().orElseThrow() + "/input_files/" + f;
            String c = set.get(2).projectDir().orElseThrow() + "/input_files/" + f;
            assertEquals(0, TWIN.h().exec(ShellQuoting.command("cmp", a, c)).exitCode(), c + " is " + a);
        }
        assertEquals(set, TWIN.h().service.replicas().members(setId));

        List<Job> submitted = TWIN.h().service.replicas().submit(setId, new NullProgressMonitor());
        Set<String> slurmIds = new HashSet<>();
        submitted.forEach(r -> slurmIds.add(r.slurmId().orElseThrow()));
        assertEquals(3, slurmIds.size(), "three SLURM jobs: " + submitted);
        String deps = TWIN.h().slurm(ShellQuoting.command("squeue", "--noheader", "--states=all", "--jobs=" + String.join(",", slurmIds),
                "--format=%i %E")).stdout();
        assertEquals(3, deps.lines().count(), deps);
        deps.lines().forEach(l -> assertTrue(l.endsWith("(null)"), "no replica waits for another: " + deps));

        // one sync asks squeue once for the whole set (and for nothing else here)
        TWIN.h().connection.clearCommands();
        TWIN.h().service.sync(TWIN.h().profile.id(), new NullProgressMonitor());
        List<String> squeues = TWIN.h().connection.commands().stream().filter(c -> c.contains("squeue")).toList();
        assertEquals(1, squeues.size(), "one squeue: " + TWIN.h().connection.commands());
        slurmIds.forEach(id -> assertTrue(squeues.get(0).contains(id), id + " in " + squeues.get(0)));
        for (Job r : TWIN.h().service.replicas().members(setId)) {
            assertNotEquals(JobStatus.SUBMITTING, r.status(), r + " was synced");
        }

        Map<Integer, List<String>> energies = new LinkedHashMap<>();
        for (int k = 1; k <= 3; k++) {
            Job done = TWIN.h().syncUntil(set.get(k - 1).id(), j -> j.status().isTerminal(), Duration.ofMinutes(5));
            assertEquals(JobStatus.COMPLETED, done.status(), "error: " + done.error());
            Path results = TWIN.h().service.fetchResults(done.id(), TWIN.local().resolve("results-" + k), new NullProgressMonitor());
            String log = Files.readString(results.resolve(NamdJobType.LOG_FILE));
            assertTrue(log.contains("Info: RANDOM NUMBER SEED     " + (4241 + k)), "replica " + k + " ran with its own seed");
            energies.put(k, log.lines().filter(l -> l.startsWith("ENERGY:")).toList());
            assertTrue(energies.get(k).size() >= 10, log);
        }
        assertNotEquals(energies.get(1), energies.get(2), "replicas 1 and 2 ran different trajectories");
        assertNotEquals(energies.get(2), energies.get(3), "replicas 2 and 3 ran different trajectories");
    }
}
