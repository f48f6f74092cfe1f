package org.namdrunner.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.namdrunner.core.cluster.ShellQuoting;
import org.namdrunner.core.lifecycle.JobRequest;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.namd.CharmmGuiFolder;
import org.namdrunner.namd.NamdJobType;
import org.namdrunner.testing.CharmmGuiSystem;

/**
 * A CHARMM-GUI {@code namd/} folder with ten toppar files, imported as it is and run on the twin through
 * JobService: every file is staged in input_files/, the config names every parameter file, and the stand-in
 * (which opens each parameters file, as NAMD does) runs it to COMPLETED with the folder's box.
 */
class CharmmGuiSystemTest {

    @RegisterExtension
    static final OnTheTwin TWIN = new OnTheTwin("namdrunner-charmmgui");

    @Test
    void aCharmmGuiFolderRunsAsItIsWithEveryTopparFile() throws Exception {
        CharmmGuiFolder.System system = CharmmGuiFolder.read(CharmmGuiSystem.write(TWIN.local()));
        Map<String, String> params = new LinkedHashMap<>(system.boxParameters());
        params.put(NamdJobType.TEMPLATE, "solvent-npt-pme");
        params.put("minimizeSteps", "20");
        params.put("runSteps", "200");
        params.put("restartFreq", "100");
        params.put("energyFreq", "20");
        params.put("outputName", "step5_production");
        params.put(StandinNamdJobType.DIRECTIVES, "seconds_per_step 0.002");
        Job job = TWIN.h().service.create(new JobRequest("charmm-gui-cpu", NamdJobType.ID, "testcluster",
                TestJobs.resources(2, Duration.ofMinutes(10), "acpu", "cpu-normal"), params, system.inputs()), new NullProgressMonitor());
        String inputs = TWIN.h().exec(ShellQuoting.command("ls", job.projectDir().orElseThrow() + "/input_files")).stdout();
        for (String f : CharmmGuiSystem.topparFiles()) {
            assertTrue(inputs.lines().anyMatch(f::equals), f + " staged: " + inputs);
        }
        for (String f : List.of("step3_input.psf", "step3_input.pdb", "step4_equilibration.inp", "step5_production.inp", "prot_pos.txt")) {
            assertTrue(inputs.lines().anyMatch(f::equals), f + " staged: " + inputs);
        }
        assertEquals(system.inputs().size(), job.inputFiles().size(), job.inputFiles().toString());

        TWIN.h().service.submit(job.id(), new NullProgressMonitor());
        Job done = TWIN.h().syncUntil(job.id(), j -> j.status().isTerminal(), Duration.ofMinutes(5));
        assertEquals(JobStatus.COMPLETED, done.status(), "error: " + done.error());
        Path results = TWIN.h().service.fetchResults(job.id(), TWIN.local().resolve("results"), new NullProgressMonitor());
        String log = Files.readString(results.resolve(NamdJobType.LOG_FILE));
        List<String> read = log.lines().filter(l -> l.startsWith("Info: PARAMETERS ")).map(l -> l.replaceAll(".*/", "")).toList();
        assertEquals(CharmmGuiSystem.topparFiles(), read, "every toppar file opened by namd3, in order");
        assertTrue(log.contains("Info: PERIODIC CELL BASIS 3  0 0 52.5"), "the folder's box");
        assertTrue(log.contains("End of program"));
    }
}
