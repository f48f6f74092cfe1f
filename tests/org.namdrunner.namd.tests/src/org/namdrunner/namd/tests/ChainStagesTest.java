package org.namdrunner.namd.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.jobtype.ContinuableJobType.Continuation;
import org.namdrunner.core.lifecycle.ChainStage;
import org.namdrunner.core.lifecycle.JobChains;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Job;
import org.namdrunner.namd.NamdJobType;
import org.namdrunner.namd.NamdProtocols;

/** The NAMD side of chains: what a stage hands on, how the next one starts, extensions and the built-in protocols. */
class ChainStagesTest {

    private final NamdJobType type = new NamdJobType();

    private static Job job(String id) {
        return Job.builder().id(id).name("lyz_" + id).jobTypeId("namd").clusterProfileId("test").createdAt(Instant.parse("2026-12-01T10:00:00Z"))
                .build();
    }

    private static Map<String, String> params(Map<String, String> own) {
        Map<String, String> p = new HashMap<>(Map.of("structure", "lyz.psf", "coordinates", "lyz.pdb", "parameters", "par.prm"));
        p.putAll(own);
        return p;
    }

    @Test
    void aStageAfterAMinimizationTakesNewVelocitiesAndOneAfterDynamicsTheRestartOnes() {
        Map<String, String> min = params(Map.of("minimizeSteps", "100", "runSteps", "0", "outputName", "min"));
        assertEquals(List.of("min.coor", "min.xsc"), type.stageOutputs(job("job_1"), min), "no velocities after a minimization");
        Map<String, String> equil = params(Map.of("runSteps", "500", "outputName", "equil"));
        Map<String, String> start2 = type.stageStart(job("job_1"), min, equil);
        assertEquals(Map.of(NamdJobType.CONTINUE_FROM, "min", NamdJobType.CONTINUE_FIRST_STEP, "100", NamdJobType.CONTINUE_STEPS, "500",
                NamdJobType.CONTINUE_VELOCITIES, "reinit", NamdJobType.CONTINUED_JOB, "job_1"), start2);
        equil.putAll(start2);
        String config2 = type.renderFiles(job("job_2"), equil, null).get(NamdJobType.CONFIG_FILE);
        assertTrue(config2.contains("bincoordinates     input_files/min.coor"), config2);
        assertTrue(config2.contains("extendedSystem     input_files/min.xsc"), config2);
        assertFalse(config2.contains("binvelocities"), config2);
        assertTrue(config2.lines().anyMatch(l -> l.startsWith("temperature ")), "new velocities at the temperature: " + config2);
        assertTrue(config2.contains("firsttimestep      100") && config2.contains("run                500"), config2);
        assertEquals(List.of("equil.coor", "equil.vel", "equil.xsc"), type.stageOutputs(job("job_2"), equil));

        Map<String, String> prod = params(Map.of("runSteps", "2000", "outputName", "prod"));
        Map<String, String> start3 = type.stageStart(job("job_2"), equil, prod);
        assertEquals("600", start3.get(NamdJobType.CONTINUE_FIRST_STEP), "steps go on from the stage before");
        assertEquals("restart", start3.get(NamdJobType.CONTINUE_VELOCITIES));
        prod.putAll(start3);
        String config3 = type.renderFiles(job("job_3"), prod, null).get(NamdJobType.CONFIG_FILE);
        assertTrue(config3.contains("binvelocities      input_files/equil.vel"), config3);
        assertFalse(config3.lines().anyMatch(l -> l.startsWith("temperature ")), "NAMD refuses temperature with binvelocities");
    }

    @Test
    void aMinimizationAfterTheFirstStageIsRefused() {
        Map<String, String> equil = params(Map.of("runSteps", "500", "outputName", "equil"));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> type.stageStart(job("job_1"), equil, params(Map.of("minimizeSteps", "50", "runSteps", "0"))));
        assertTrue(e.getMessage().contains("a minimization can only be the first stage"), e.getMessage());
    }

    @Test
    void anExtensionRunsTheNanosecondsAtTheConfigsTimestepFromTheFinalFiles() {
        Map<String, String> prod = params(Map.of("runSteps", "1000", "minimizeSteps", "0", "outputName", "prod", "timestep", "2"));
        String config = type.renderFiles(job("job_1"), prod, null).get(NamdJobType.CONFIG_FILE);
        Map<String, String> texts = Map.of(NamdJobType.CONFIG_FILE, config);
        Continuation plan = type.planExtension(job("job_1"), prod, texts, Fixtures.outputs("prod.coor", "prod.vel", "prod.xsc"), 1.5);
        assertEquals(List.of("prod.coor", "prod.vel", "prod.xsc"), plan.restartFiles());
        assertEquals("1000", plan.parameters().get(NamdJobType.CONTINUE_FIRST_STEP));
        assertEquals("750000", plan.parameters().get(NamdJobType.CONTINUE_STEPS), "1.5 ns at 2 fs");
        assertEquals("restart", plan.parameters().get(NamdJobType.CONTINUE_VELOCITIES));
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> type.planExtension(job("job_1"), prod, texts, Fixtures.outputs("prod.coor"), 1));
        assertTrue(missing.getMessage().contains("prod.vel, prod.xsc are missing"), missing.getMessage());
        Map<String, String> min = params(Map.of("minimizeSteps", "100", "runSteps", "0", "outputName", "min"));
        String minConfig = type.renderFiles(job("job_1"), min, null).get(NamdJobType.CONFIG_FILE);
        InvalidInputException onlyMin = assertThrows(InvalidInputException.class, () -> type.planExtension(job("job_1"), min,
                Map.of(NamdJobType.CONFIG_FILE, minConfig), Fixtures.outputs("min.coor", "min.vel", "min.xsc"), 1));
        assertTrue(onlyMin.getMessage().contains("only minimized"), onlyMin.getMessage());
    }

    @Test
    void theBuiltInProtocolsAndTheWizardsParameters() {
        List<ChainStage> cgui = NamdProtocols.stages(NamdProtocols.CHARMM_GUI, new NamdProtocols.Lengths(10000, List.of(125000L), 500000, true));
        assertEquals(List.of("step4_minimization", "step4_equilibration", "step5_production"), cgui.stream().map(ChainStage::label).toList());
        assertEquals("1", cgui.get(1).parameters().get("timestep"));
        assertEquals("2", cgui.get(2).parameters().get("timestep"));
        assertEquals("yes", cgui.get(2).parameters().get(JobChains.AUTO_CONTINUE));
        assertEquals("no", cgui.get(1).parameters().get(JobChains.AUTO_CONTINUE));
        Map<String, String> p = new LinkedHashMap<>();
        p.put(NamdProtocols.PROTOCOL, NamdProtocols.MIN_EQUIL_PROD);
        p.put(NamdProtocols.MINIMIZE_STEPS, "500");
        p.put(NamdProtocols.EQUILIBRATION_STEPS, "1000, 2000");
        p.put(NamdProtocols.PRODUCTION_STEPS, "10000");
        assertEquals(List.of("minimization", "equilibration1", "equilibration2", "production"),
                type.stages(p).stream().map(ChainStage::label).toList());
        assertEquals(List.of(), type.stages(Map.of()), "no protocol: one job");
        p.put(NamdProtocols.EQUILIBRATION_STEPS, "1000, lots");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> type.stages(p));
        assertTrue(e.getMessage().contains("'lots' is not a number of steps"), e.getMessage());
        p.put(NamdProtocols.PROTOCOL, "step6");
        assertThrows(InvalidInputException.class, () -> type.stages(p));
    }
}
