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
import org.namdrunner.core.lifecycle.TypeParameters;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.namd.NamdJobType;
import org.namdrunner.namd.OwnNamdConfig;
import org.namdrunner.testing.CharmmGuiSystem;

/**
 * A person's own hand-written config, next to a CHARMM-GUI system it reaches through {@code set} variables and a
 * sourced Tcl file, becomes a job on the twin: every file it names is staged, the rewritten (then edited, as on the
 * review page) config is stored and runs exactly as stored, and the stand-in namd3 opens each parameter file at its
 * rewritten path (it fails with NAMD's "UNABLE TO OPEN" for a path that is not there).
 */
class OwnConfigTest {

    @RegisterExtension
    static final OnTheTwin TWIN = new OnTheTwin("namdrunner-ownconfig");

    @Test
    void anOwnConfigWithSeveralParameterFilesVariablesAndSourceRunsToCompletedWithItsRewrittenFiles() throws Exception {
        Path namd = CharmmGuiSystem.write(TWIN.local());
        Path mine = Files.createDirectories(TWIN.local().resolve("my-run"));
        Files.writeString(mine.resolve("common.tcl"), "set tp ../namd/toppar\nset temp 303.15\n"
                + "parameters $tp/par_all36m_prot.prm\n");
        Files.writeString(mine.resolve("eq.namd"), """
                # my equilibration, written by hand
                set sys ../namd/step3_input
                structure      $sys.psf
                coordinates    ${sys}.pdb
                source         common.tcl
                paraTypeCharmm on
                parameters     $tp/par_all36_na.prm
                if {1} {
                  parameters   $tp/toppar_water_ions.str ;# water and ions
                }
                parameters     $tp/par_all36_lipid.prm
                set out        results/eq_own
                outputName     $out
                restartfreq    100
                outputEnergies 20
                constraints    on
                consref        ../namd/step3_input.pdb
                conskfile      ../namd/step3_input.pdb
                temperature    $temp
                minimize       20
                run            100000
                """);
        OwnNamdConfig.Staged staged = OwnNamdConfig.read(mine.resolve("eq.namd"));
        assertEquals(List.of(), staged.problems());
        assertTrue(staged.config().contains("outputName     eq_own\n"), staged.config());
        Map<String, Path> inputs = staged.inputsToUpload(TWIN.local().resolve("rewritten"));
        assertEquals(4, inputs.keySet().stream().filter(k -> k.startsWith("parameters")).count(), inputs.toString());

        // the review page's edit: fewer steps and a faster stand-in; the job must run exactly this text
        String edited = staged.config().replace("run            100000", "run            200")
                + "# standin: seconds_per_step 0.002\n";
        Map<String, String> params = new LinkedHashMap<>();
        params.put(NamdJobType.CONFIG, edited);
        params.put(NamdJobType.OWN_CONFIG, "eq.namd");
        Job job = TWIN.h().service.create(new JobRequest("own-config", NamdJobType.ID, "testcluster",
                TestJobs.resources(2, Duration.ofMinutes(10), "acpu", "cpu-normal"), params, inputs), new NullProgressMonitor());
        assertEquals(edited, TypeParameters.read(TWIN.h().service.store().find(job.id()).orElseThrow().typeParameters()).get(NamdJobType.CONFIG),
                "the job stores the edited config");
        String dir = job.projectDir().orElseThrow();
        assertEquals(edited, TWIN.h().exec(ShellQuoting.command("cat", dir + "/config.namd")).stdout(), "config.namd is the stored text");
        assertEquals("set tp ../namd/toppar\nset temp 303.15\nparameters input_files/par_all36m_prot.prm\n",
                TWIN.h().exec(ShellQuoting.command("cat", dir + "/input_files/common.tcl")).stdout(), "the sourced file is staged rewritten");
        String listed = TWIN.h().exec(ShellQuoting.command("ls", dir + "/input_files")).stdout();
        for (String f : List.of("step3_input.psf", "step3_input.pdb", "common.tcl", "par_all36m_prot.prm", "par_all36_na.prm",
                "toppar_water_ions.str", "par_all36_lipid.prm")) {
            assertTrue(listed.lines().anyMatch(f::equals), f + " staged: " + listed);
        }

        TWIN.h().service.submit(job.id(), new NullProgressMonitor());
        Job done = TWIN.h().syncUntil(job.id(), j -> j.status().isTerminal(), Duration.ofMinutes(5));
        assertEquals(JobStatus.COMPLETED, done.status(), "error: " + done.error());
        Path results = TWIN.h().service.fetchResults(job.id(), TWIN.local().resolve("results"), new NullProgressMonitor());
        String log = Files.readString(results.resolve(NamdJobType.LOG_FILE));
        List<String> opened = log.lines().filter(l -> l.startsWith("Info: PARAMETERS ")).map(l -> l.substring(17).strip()).toList();
        assertTrue(opened.containsAll(List.of("input_files/par_all36_na.prm", "input_files/toppar_water_ions.str",
                "input_files/par_all36_lipid.prm")), "namd3 opened the rewritten parameter files: " + opened);
        assertTrue(log.contains("Info: STRUCTURE FILE         input_files/step3_input.psf"), log);
        assertTrue(log.contains("End of program"));
        assertTrue(Files.exists(results.resolve("eq_own.coor")), "written under the cut output name in the job folder");
    }

    @Test
    void charmmGuiStep4AsAnOwnConfigRunsWithItsTenTopparFilesAndRestraints() throws Exception {
        Path namd = CharmmGuiSystem.write(Files.createDirectories(TWIN.local().resolve("cg4")));
        OwnNamdConfig.Staged staged = OwnNamdConfig.read(namd.resolve("step4_equilibration.inp"));
        assertEquals(List.of(), staged.problems());
        String edited = staged.config().replace("minimize            10000", "minimize            20")
                .replace("run                 125000", "run                 200") + "# standin: seconds_per_step 0.002\n";
        Job job = TWIN.h().service.create(new JobRequest("own-step4", NamdJobType.ID, "testcluster",
                TestJobs.resources(2, Duration.ofMinutes(10), "acpu", "cpu-normal"),
                Map.of(NamdJobType.CONFIG, edited, NamdJobType.OWN_CONFIG, "step4_equilibration.inp"), staged.inputs()), new NullProgressMonitor());
        TWIN.h().service.submit(job.id(), new NullProgressMonitor());
        Job done = TWIN.h().syncUntil(job.id(), j -> j.status().isTerminal(), Duration.ofMinutes(5));
        assertEquals(JobStatus.COMPLETED, done.status(), "error: " + done.error());
        String log = Files.readString(TWIN.h().service.fetchResults(job.id(), TWIN.local().resolve("results4"), new NullProgressMonitor())
                .resolve(NamdJobType.LOG_FILE));
        List<String> opened = log.lines().filter(l -> l.startsWith("Info: PARAMETERS ")).map(l -> l.substring(17).strip()).toList();
        assertEquals(CharmmGuiSystem.topparFiles().stream().map(f -> "input_files/" + f).toList(), opened);
        assertTrue(log.contains("Info: PERIODIC CELL BASIS 3  0.0 0.0 52.5"), "the box from the config's set a/b/c");
        assertTrue(log.contains("Info: OUTPUT FILENAME        step4_equilibration"), log);
    }
}
