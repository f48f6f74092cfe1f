package org.namdrunner.namd.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.jobtype.ContinuableJobType.Continuation;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.namd.NamdJobType;
import org.namdrunner.namd.NamdRestartPoint;
import org.namdrunner.namd.NamdRestartPoint.RestartSet;

/**
 * A job stopped while NAMD wrote its restart files: each state the files can be left in by NAMD's order (rename to
 * .old, then write; .xsc, .coor, .vel), with the modification times the cluster reports, and the set continued from.
 * The log says the set of step 40 was the last one finished; the write of step 60 began 30 s later.
 */
class RestartSetTest {

    private static final List<String> FILES = List.of("wt.restart.coor", "wt.restart.vel", "wt.restart.xsc");
    private static final String XSC_40 = "# NAMD extended system configuration restart file\n40 0 0 0\n";
    private static final String XSC_60 = "# NAMD extended system configuration restart file\n60 0 0 0\n";
    private static final Instant T20 = Instant.parse("2026-12-02T10:00:00Z");
    private static final Instant T40 = T20.plusSeconds(30);
    private static final Instant T60 = T40.plusSeconds(30);

    /** The three writes of a step, a few milliseconds apart (or in one tick of the file system's clock: the same time). */
    private static Instant at(Instant step, int nthFile) {
        return step.plus(Duration.ofMillis(4L * nthFile));
    }

    private static String log() throws Exception {
        return Fixtures.read("timeout.log");
    }

    /** The files after the complete write of step 40, before step 60's: current = 40, .old = 20. */
    private static Map<String, Instant> after40() {
        Map<String, Instant> f = new LinkedHashMap<>();
        f.put("wt.restart.xsc.old", at(T20, 0));
        f.put("wt.restart.coor.old", at(T20, 1));
        f.put("wt.restart.vel.old", at(T20, 2));
        f.put("wt.restart.xsc", at(T40, 0));
        f.put("wt.restart.coor", at(T40, 1));
        f.put("wt.restart.vel", at(T40, 2));
        return f;
    }

    /** Step 60's write went as far as {@code written} files (1: the .xsc; 2: also the .coor, ...), the last perhaps half. */
    private static Map<String, Instant> cutAfter(int written) {
        Map<String, Instant> f = after40();
        String[] order = {"wt.restart.xsc", "wt.restart.coor", "wt.restart.vel"};
        for (int i = 0; i < written; i++) {
            f.put(order[i] + ".old", f.get(order[i]));
            f.put(order[i], at(T60, i));
        }
        return f;
    }

    private static RestartSet choose(Map<String, Instant> files, String xsc, String xscOld) throws Exception {
        return NamdRestartPoint.choose(log(), FILES, xsc, xscOld, files, "wt");
    }

    /** The set of step 40 with these restart files ("xsc", "coor", "vel") taken from their .old copies, the others current. */
    private static RestartSet step40FromOld(String... kinds) {
        Map<String, String> sources = new HashMap<>();
        for (String kind : kinds) {
            sources.put("wt.restart." + kind, "wt.restart." + kind + ".old");
        }
        return new RestartSet(40, sources);
    }

    @Test
    void whenTheLogAndTheXscAgreeTheCurrentFilesAreTheSet() throws Exception {
        RestartSet set = choose(after40(), XSC_40, "20 0 0 0\n");
        assertEquals(new RestartSet(40, Map.of()), set);
        assertFalse(set.fromOldCopies());
    }

    @Test
    void stoppedRightAfterTheNewXscTheOldXscJoinsTheCurrentCoordinatesAndVelocities() throws Exception {
        RestartSet set = choose(cutAfter(1), XSC_60, XSC_40);
        assertEquals(step40FromOld("xsc"), set);
        assertTrue(set.fromOldCopies());
    }

    @Test
    void stoppedBetweenRenamingTheXscAndWritingTheNewOneTheOldXscIsTaken() throws Exception {
        Map<String, Instant> renamed = after40();
        renamed.put("wt.restart.xsc.old", renamed.remove("wt.restart.xsc"));
        assertEquals(step40FromOld("xsc"), choose(renamed, null, XSC_40));
        // and the plan does not call the .xsc missing
        Map<String, String> texts = planTexts(null);
        assertEquals("wt.restart.xsc.old", new NamdJobType().planContinuation(job(), PARAMS, texts, renamed).sourceOf("wt.restart.xsc"));
    }

    @Test
    void stoppedDuringOrAfterTheCoordinatesTheirOldCopyIsTaken() throws Exception {
        assertEquals(step40FromOld("xsc", "coor"), choose(cutAfter(2), XSC_60, XSC_40));
    }

    @Test
    void stoppedDuringTheVelocitiesTheWholeOldSetIsTaken() throws Exception {
        assertEquals(step40FromOld("xsc", "coor", "vel"), choose(cutAfter(3), XSC_60, XSC_40));
    }

    @Test
    void aCoordinatesFileThatCannotBePlacedIsNotGuessed() throws Exception {
        // both copies of the coordinates were written between the two .xsc: which one is of step 40 cannot be told
        Map<String, Instant> ambiguous = cutAfter(1);
        ambiguous.put("wt.restart.coor.old", at(T40, 1));
        InvalidInputException both = assertThrows(InvalidInputException.class, () -> choose(ambiguous, XSC_60, XSC_40));
        assertTrue(both.getMessage().contains("log: 40, .restart.xsc: 60") && both.getMessage().contains(".old copies"), both.getMessage());

        Map<String, Instant> noOld = new HashMap<>(cutAfter(2));
        noOld.keySet().removeIf(n -> n.endsWith(".old"));
        assertThrows(InvalidInputException.class, () -> choose(noOld, XSC_60, null));

        // an .xsc.old of another step than the log's last finished set is no way back either
        assertThrows(InvalidInputException.class, () -> choose(cutAfter(2), XSC_60, "20 0 0 0\n"));
    }

    private static final Map<String, String> PARAMS = Map.of("structure", "tiny.psf", "coordinates", "tiny.pdb",
            "parameters", "par_tiny.prm", "outputName", "wt", "minimizeSteps", "20", "runSteps", "500", "restartFreq", "20",
            "energyFreq", "10");

    private static Job job() {
        return Job.builder().id("job_1").name("wt").jobTypeId("namd").clusterProfileId("test").createdAt(T20)
                .status(JobStatus.TIMEOUT).build();
    }

    /** What the workbench reads for the plan: the config, the log, the .xsc (when there) and its .old copy. */
    private static Map<String, String> planTexts(String xsc) throws Exception {
        Map<String, String> texts = new HashMap<>();
        texts.put("config.namd", Fixtures.read("timeout-config.namd"));
        texts.put("outputs/namd_output.log", log());
        if (xsc != null) {
            texts.put("outputs/wt.restart.xsc", xsc);
        }
        texts.put("outputs/wt.restart.xsc.old", XSC_40);
        return texts;
    }

    @Test
    void aContinuationFromTheOldCopiesCopiesThemUnderTheNamesTheConfigReads() throws Exception {
        NamdJobType type = new NamdJobType();
        Job job = job();
        Map<String, String> params = PARAMS;
        Map<String, String> texts = planTexts(XSC_60);
        assertTrue(type.continuationReads(job, params).contains("outputs/wt.restart.xsc.old"), "the .old copy is read");

        Continuation plan = type.planContinuation(job, params, texts, cutAfter(2));
        assertEquals(FILES, plan.restartFiles(), "the config reads them under their own names");
        assertEquals(Map.of("wt.restart.coor", "wt.restart.coor.old", "wt.restart.xsc", "wt.restart.xsc.old"), plan.sources());
        assertEquals("wt.restart.vel", plan.sourceOf("wt.restart.vel"));
        assertEquals("40", plan.parameters().get(NamdJobType.CONTINUE_FIRST_STEP));
        assertEquals("yes", plan.parameters().get(NamdJobType.CONTINUE_FROM_OLD_COPIES));
        assertTrue(type.continuationSummary(plan.parameters()).startsWith("restarts at step 40 (the complete restart files NAMD kept as .old"),
                type.continuationSummary(plan.parameters()));

        // a later continuation of a job that itself started from .old copies says so only when it does
        Map<String, String> texts40 = new HashMap<>(texts);
        texts40.put("outputs/wt.restart.xsc", XSC_40);
        Continuation plain = type.planContinuation(job, params, texts40, after40());
        assertEquals("no", plain.parameters().get(NamdJobType.CONTINUE_FROM_OLD_COPIES));
        assertFalse(type.continuationSummary(plain.parameters()).contains(".old"), type.continuationSummary(plain.parameters()));
    }
}
