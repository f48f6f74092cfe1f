package org.namdrunner.namd.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.jobtype.ContinuableJobType.Continuation;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.namd.NamdConfigSteps;
import org.namdrunner.namd.NamdJobType;
import org.namdrunner.namd.NamdRestartPoint;

/** Planning a continuation from a run the stand-in wrote and that was stopped like a walltime kill (fixtures). */
class ContinuationPlanTest {

    private final NamdJobType type = new NamdJobType();
    private final Job job = Job.builder().id("job_1").name("wt").jobTypeId("namd").clusterProfileId("test")
            .createdAt(Instant.parse("2026-11-29T10:00:00Z")).status(JobStatus.TIMEOUT).build();
    private static final Map<String, Instant> RESTART = Fixtures.outputs("wt.restart.coor", "wt.restart.vel", "wt.restart.xsc", "namd_output.log");

    private static Map<String, String> texts() throws Exception {
        Map<String, String> t = new HashMap<>();
        t.put("config.namd", Fixtures.read("timeout-config.namd"));
        t.put("outputs/namd_output.log", Fixtures.read("timeout.log"));
        t.put("outputs/wt.restart.xsc", Fixtures.read("timeout.restart.xsc"));
        return t;
    }

    @Test
    void theStepPlanOfAConfig() throws Exception {
        NamdConfigSteps s = NamdConfigSteps.of(Fixtures.read("timeout-config.namd"));
        assertEquals(0, s.firstStep());
        assertEquals(20, s.minimizationEnd());
        assertEquals(520, s.lastStep());
        assertEquals(List.of("wt.restart.coor", "wt.restart.vel", "wt.restart.xsc"), s.restartFiles());
        NamdConfigSteps cont = NamdConfigSteps.of("firsttimestep 40\nrun 480 ; # rest\noutputName x\nrestartname y\n");
        assertEquals(520, cont.lastStep());
        assertEquals(List.of("y.coor", "y.vel", "y.xsc"), cont.restartFiles());
        assertEquals(1000, NamdConfigSteps.of("numsteps 1000\n").lastStep());
    }

    @Test
    void theRestartPointIsTheLastCompletelyWrittenRestart() throws Exception {
        assertEquals(40, NamdRestartPoint.lastCompleteRestart(Fixtures.read("timeout.log")));
        String cutMidWrite = Fixtures.read("timeout.log") + "WRITING EXTENDED SYSTEM TO RESTART FILE AT STEP 60\n"
                + "WRITING COORDINATES TO RESTART FILE AT STEP 60\nFINISHED WRITING RESTART COORDINATES\n"
                + "WRITING VELOCITIES TO RESTART FILE AT STEP 60\n";
        assertEquals(40, NamdRestartPoint.lastCompleteRestart(cutMidWrite), "velocities at 60 never finished");
        assertEquals(40, NamdRestartPoint.xscStep(Fixtures.read("timeout.restart.xsc")));
        assertEquals(-1, NamdRestartPoint.lastCompleteRestart("garbage\n"));
    }

    @Test
    void aTimedOutRunContinuesFromItsRestartFilesWithTheStepsLeft() throws Exception {
        Map<String, String> params = Map.of("structure", "tiny.psf", "coordinates", "tiny.pdb", "parameters", "par_tiny.prm",
                "outputName", "wt", "minimizeSteps", "20", "runSteps", "500", "restartFreq", "20", "energyFreq", "10");
        Continuation plan = type.planContinuation(job, params, texts(), RESTART);
        assertEquals(List.of("wt.restart.coor", "wt.restart.vel", "wt.restart.xsc"), plan.restartFiles());
        // a continuation always reads the restart velocities, also of a chain stage that began with new ones
        assertEquals(Map.of(NamdJobType.CONTINUE_FROM, "wt.restart", NamdJobType.CONTINUE_FIRST_STEP, "40",
                NamdJobType.CONTINUE_STEPS, "480", NamdJobType.CONTINUED_JOB, "job_1", NamdJobType.CONTINUE_VELOCITIES, "restart",
                NamdJobType.CONTINUE_FROM_OLD_COPIES, "no"), plan.parameters());
        assertEquals(Map.of(), plan.sources(), "copied under their own names");
        assertTrue(plan.summary().contains("480 steps left"), plan.summary());

        Map<String, String> next = new HashMap<>(params);
        next.putAll(plan.parameters());
        ClusterProfile profile = new ClusterProfile("test", "Test", "127.0.0.1", 2222, "u", ClusterProfile.AuthMethod.KEY, "", "", "",
                List.of(), List.of("debug"), List.of(), List.of(), "/home/u/p", "/home/u/s", 2, 1000, Duration.ofHours(1),
                Duration.ofSeconds(60));
        String config = type.renderFiles(job, next, profile).get(NamdJobType.CONFIG_FILE);
        assertTrue(config.contains("bincoordinates     input_files/wt.restart.coor\n"), config);
        assertTrue(config.contains("binvelocities      input_files/wt.restart.vel\n"), config);
        assertTrue(config.contains("extendedSystem     input_files/wt.restart.xsc\n"), config);
        assertTrue(config.contains("firsttimestep      40\nrun                480\n"), config);
        assertFalse(config.lines().anyMatch(l -> l.matches("(?i)\\s*(temperature|minimize|reinitvels|run\\s+500)\\b.*")),
                "no fresh start left: " + config);
        assertEquals(520, NamdConfigSteps.of(config).lastStep(), "the continuation ends where the old run would have");
        assertTrue(type.continuationReads(job, params).contains("outputs/wt.restart.xsc"));
    }

    @Test
    void withoutRestartFilesOrInMinimizationThereIsNothingToContinue() throws Exception {
        Map<String, String> params = Map.of("outputName", "wt");
        InvalidInputException none = assertThrows(InvalidInputException.class,
                () -> type.planContinuation(job, params, texts(), Fixtures.outputs("namd_output.log", "wt.restart.coor")));
        assertTrue(none.getMessage().contains("wt.restart.vel, wt.restart.xsc are missing"), none.getMessage());
        Map<String, String> early = texts();
        early.put("config.namd", early.get("config.namd").replace("minimize           20", "minimize           100"));
        InvalidInputException minimizing = assertThrows(InvalidInputException.class,
                () -> type.planContinuation(job, params, early, RESTART));
        assertTrue(minimizing.getMessage().contains("during minimization"), minimizing.getMessage());
        Map<String, String> noLog = texts();
        noLog.remove("outputs/namd_output.log");
        assertEquals("log", assertThrows(InvalidInputException.class, () -> type.planContinuation(job, params, noLog, RESTART)).field());
        Map<String, String> done = texts();
        done.put("config.namd", done.get("config.namd").replace("run                500", "run                20"));
        assertTrue(assertThrows(InvalidInputException.class, () -> type.planContinuation(job, params, done, RESTART)).getMessage()
                .contains("nothing left"));
    }
}
