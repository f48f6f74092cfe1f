package org.namdrunner.slurm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ExecResult;
import org.namdrunner.core.cluster.FailureKind;
import org.namdrunner.core.scheduler.QueryResult;
import org.namdrunner.core.scheduler.SchedulerJobState;
import org.namdrunner.slurm.SlurmScheduler;
import org.namdrunner.slurm.SlurmState;
import org.namdrunner.slurm.internal.ParsedRows;
import org.namdrunner.slurm.internal.SacctParser;
import org.namdrunner.slurm.internal.SlurmFailures;
import org.namdrunner.slurm.internal.SlurmJobIds;
import org.namdrunner.slurm.internal.SqueueParser;
import org.namdrunner.slurm.internal.SubmitOutput;

/**
 * Property tests over generated outputs (a seeded {@link Random}; the seed is printed, set the system
 * property {@code namdrunner.seed} to replay one): no unchecked exception ever escapes, every line is
 * accounted for (read, or reported as a problem, or an ignored step row), intact rows are always read.
 */
class GeneratedOutputTest {

    private static final int RUNS = 10_000;
    private static long seed;

    @BeforeAll
    static void chooseSeed() {
        seed = Long.getLong("namdrunner.seed", System.nanoTime());
        System.out.println("GeneratedOutputTest seed=" + seed + " (replay with -Dnamdrunner.seed=" + seed
                + " in the test JVM, e.g. mvn ... -Dtycho.testArgLine=-Dnamdrunner.seed=" + seed + ")");
    }

    @Test
    void squeueOutputs() {
        checkParser(SqueueParser::parse, GarbledOutputs::squeue, "squeue");
    }

    @Test
    void sacctOutputs() {
        SacctParser parser = new SacctParser(ZoneId.of("America/Denver"));
        checkParser(parser::parse, GarbledOutputs::sacct, "sacct");
    }

    private static void checkParser(Function<String, ParsedRows> parser, Function<GarbledOutputs, GarbledOutputs.Generated> generator,
            String command) {
        Random random = new Random(seed);
        GarbledOutputs outputs = new GarbledOutputs(random);
        int rowsRead = 0;
        int rowsRejected = 0;
        for (int run = 0; run < RUNS; run++) {
            GarbledOutputs.Generated g = generator.apply(outputs);
            ParsedRows rows = parseOrFail(parser, g.text(), run);
            String where = command + " run " + run + " (seed " + seed + ")";

            long lines = g.text().lines().filter(l -> !l.isBlank()).count();
            assertEquals(lines, rows.states().size() + rows.rejectedRows() + rows.stepRows(), where + ": every line is accounted for");
            assertTrue(rows.problems().size() >= rows.rejectedRows(), where + ": every rejected row is reported");
            for (String p : rows.problems()) {
                assertTrue(p.startsWith(command + " line "), where + ": " + p);
                assertTrue(p.indexOf('\n') < 0 && p.indexOf('\r') < 0 && p.length() < 1000, where + ": one short line: " + p);
            }
            for (SchedulerJobState s : rows.states()) {
                assertTrue(SlurmJobIds.isJobId(s.slurmId()), where + ": " + s);
                assertTrue(SlurmState.hasStateShape(s.rawState()), where + ": " + s);
                assertEquals(SlurmState.statusOf(s.rawState()), s.status(), where + ": " + s);
            }
            for (Map.Entry<String, String> intact : g.intactRows().entrySet()) {
                assertTrue(rows.states().stream().anyMatch(s -> s.slurmId().equals(intact.getKey())
                        && s.rawState().equals(intact.getValue())), where + ": intact row " + intact + " was read");
            }
            rowsRead += rows.states().size();
            rowsRejected += rows.rejectedRows();
        }
        assertTrue(rowsRead > RUNS && rowsRejected > RUNS, "the generator mixes good and bad rows: " + rowsRead + " read, "
                + rowsRejected + " rejected");
    }

    private static ParsedRows parseOrFail(Function<String, ParsedRows> parser, String text, int run) {
        try {
            return parser.apply(text);
        } catch (RuntimeException | Error e) {
            fail("run " + run + " (seed " + seed + ") threw on: " + text.substring(0, Math.min(text.length(), 500)), e);
            return null;
        }
    }

    @Test
    void sbatchOutputs() {
        Random random = new Random(seed);
        GarbledOutputs outputs = new GarbledOutputs(random);
        for (int run = 0; run < RUNS; run++) {
            String noise = outputs.squeue().text();
            String id = Integer.toString(random.nextInt(Integer.MAX_VALUE));
            boolean withId = random.nextBoolean();
            String text = withId ? noise + "\n" + (random.nextBoolean() ? id + ";alpine" : "Submitted batch job " + id) + "\n" : noise;
            var found = SubmitOutput.jobId(text);
            if (withId) {
                assertEquals(id, found.orElse(null), "run " + run + " (seed " + seed + ")");
            }
            found.ifPresent(f -> assertTrue(SlurmJobIds.isJobId(f), f));
        }
    }

    @Test
    void failuresOfAnyShapeAreClassified() {
        Random random = new Random(seed);
        GarbledOutputs outputs = new GarbledOutputs(random);
        List<String> stderrs = stderrPool();
        for (int run = 0; run < RUNS; run++) {
            String stderr = random.nextInt(3) == 0 ? outputs.sacct().text() : stderrs.get(random.nextInt(stderrs.size()));
            ExecResult r = new ExecResult("sbatch", exitCode(random), outputs.squeue().text(), stderr);
            ClusterException submit = SlurmFailures.submitRefused(r, TestProfiles.alpine(), "/scratch/x/job.sbatch");
            assertNotNull(submit.kind());
            assertTrue(submit.getMessage() != null && !submit.getMessage().isBlank() && submit.getMessage().length() < 2000);
            ClusterException cancel = SlurmFailures.cancelRefused(r, TestProfiles.alpine(), "17");
            if (cancel != null) {
                assertTrue(cancel.kind() == FailureKind.TRANSIENT || cancel.kind() == FailureKind.PERMANENT);
            }
        }
    }

    /** The whole query against a cluster that answers anything: a result or a classified ClusterException, never more than two commands. */
    @Test
    void queriesAgainstAClusterThatAnswersAnything() {
        Random random = new Random(seed);
        GarbledOutputs outputs = new GarbledOutputs(random);
        List<String> stderrs = stderrPool();
        SlurmScheduler scheduler = new SlurmScheduler(ZoneId.of("UTC"));
        int results = 0;
        for (int run = 0; run < RUNS; run++) {
            List<String> ids = new ArrayList<>();
            for (int i = random.nextInt(12); i > 0; i--) {
                ids.add(random.nextInt(10) == 0 ? "x" + i : Integer.toString(1 + random.nextInt(60)));
            }
            RecordingConnection c = new RecordingConnection(TestProfiles.testCluster(), line -> {
                String out = line.startsWith("squeue") ? outputs.squeue().text() : outputs.sacct().text();
                return new ExecResult(line, exitCode(random), out, random.nextInt(4) == 0 ? stderrs.get(random.nextInt(stderrs.size())) : "");
            });
            String where = "run " + run + " (seed " + seed + ")";
            try {
                QueryResult r = scheduler.query(c, ids, null);
                results++;
                assertTrue(c.commands().size() <= 2, where);
                assertEquals(c.commands().size(), r.commands(), where);
                Set<String> valid = new HashSet<>(ids.stream().filter(SlurmJobIds::isJobId).toList());
                assertTrue(valid.containsAll(r.states().keySet()), where + ": only asked ids are answered");
                Set<String> answered = new HashSet<>(r.states().keySet());
                answered.addAll(r.missing());
                assertTrue(answered.containsAll(ids), where + ": every id is answered or missing");
                r.missing().forEach(id -> assertTrue(!r.states().containsKey(id), where));
                r.states().forEach((id, s) -> assertEquals(id, s.slurmId(), where));
            } catch (ClusterException e) {
                assertTrue(e.kind() == FailureKind.TRANSIENT || e.kind() == FailureKind.PERMANENT, where);
                assertTrue(c.commands().size() <= 2, where);
            } catch (RuntimeException | Error e) {
                fail(where + " threw", e);
            }
        }
        assertTrue(results > RUNS / 2, "most runs end with a result: " + results);
    }

    private static int exitCode(Random random) {
        int[] codes = { 0, 0, 0, 0, 1, 1, 2, 8, 127, 255 };
        return codes[random.nextInt(codes.length)];
    }

    private static List<String> stderrPool() {
        return List.of("", "slurm_load_jobs error: Invalid job id specified\n",
                "slurm_load_jobs error: Unable to contact slurm controller (connect failure)\n",
                "sbatch: error: Batch job submission failed: Invalid partition name specified\n",
                "sbatch: error: invalid partition specified: \u00e9\u4e2d\n",
                "scancel: error: Kill job error on job id 9: Job/step already completing or completed\n",
                "bash: line 1: squeue: command not found\n", "sacct: error: Problem talking to the database: Connection refused\n",
                "\u0000\u0007\u001b[31m", "x".repeat(100_000), "sbatch: error: " + "|".repeat(500));
    }
}
