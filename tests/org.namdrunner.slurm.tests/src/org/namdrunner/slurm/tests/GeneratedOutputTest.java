package org.namdrunner.slurm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
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
 * accounted for (read, or reported as a problem, or an ignored step row), intact rows are always read. Each test counts
 * the unchecked exceptions it met (and keeps going) and fails if there was one; the counts of all tests are printed
 * together at the end (docs/reliability.md).
 */
class GeneratedOutputTest {

    private static final int RUNS = 10_000;
    private static long seed;
    /** What was fuzzed → {cases, unchecked exceptions}. */
    private static final Map<String, int[]> SUMMARY = new TreeMap<>();

    /** Counts one case; an unchecked exception is counted and kept as an example (the first three). */
    private static final class Unchecked {
        final String what;
        final List<String> examples = new ArrayList<>();
        int cases;
        int count;

        Unchecked(String what) {
            this.what = what;
        }

        void caught(String where, Throwable e) {
            count++;
            if (examples.size() < 3) {
                examples.add(where + ": " + e);
            }
        }

        void assertNone() {
            synchronized (SUMMARY) {
                SUMMARY.put(what, new int[] { cases, count });
            }
            System.out.println("fuzz: " + what + ": " + cases + " cases, " + count + " unchecked exceptions (seed " + seed + ")");
            assertEquals(0, count, what + ": " + count + " of " + cases + " cases threw an unchecked exception (seed " + seed + "), e.g. "
                    + examples);
        }
    }

    @AfterAll
    static void printSummary() {
        StringBuilder sb = new StringBuilder("fuzz (seed " + seed + "):");
        int unchecked = 0;
        for (Map.Entry<String, int[]> e : SUMMARY.entrySet()) {
            sb.append(' ').append(e.getKey()).append(' ').append(e.getValue()[0]).append(" cases,");
            unchecked += e.getValue()[1];
        }
        System.out.println(sb + " unchecked exceptions: " + unchecked);
    }

    @BeforeAll
    static void chooseSeed() {
        seed = Long.getLong("namdrunner.seed", System.nanoTime());
        System.out.println("GeneratedOutputTest seed=" + seed + " (replay with -Dnamdrunner.seed=" + seed
                + " in the test JVM, e.g. mvn ... -Dtycho.testArgLine=-Dnamdrunner.seed=" + seed + ")");
    }

    @Test
    void squeueOutputs() {
        checkParser(out -> SqueueParser.parse(out, java.time.ZoneOffset.UTC), GarbledOutputs::squeue, "squeue");
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
        Unchecked unchecked = new Unchecked(command + " outputs (parser)");
        for (int run = 0; run < RUNS; run++) {
            GarbledOutputs.Generated g = generator.apply(outputs);
            String where = command + " run " + run + " (seed " + seed + ")";
            unchecked.cases++;
            ParsedRows rows;
            try {
                rows = parser.apply(g.text());
            } catch (RuntimeException | Error e) {
                unchecked.caught(where + " on '" + g.text().substring(0, Math.min(g.text().length(), 200)) + "'", e);
                continue;
            }

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
        unchecked.assertNone();
        assertTrue(rowsRead > RUNS && rowsRejected > RUNS, "the generator mixes good and bad rows: " + rowsRead + " read, "
                + rowsRejected + " rejected");
    }

    @Test
    void sbatchOutputs() {
        Random random = new Random(seed);
        GarbledOutputs outputs = new GarbledOutputs(random);
        Unchecked unchecked = new Unchecked("sbatch outputs (id parser)");
        for (int run = 0; run < RUNS; run++) {
            String noise = outputs.squeue().text();
            String id = Integer.toString(random.nextInt(Integer.MAX_VALUE));
            boolean withId = random.nextBoolean();
            String text = withId ? noise + "\n" + (random.nextBoolean() ? id + ";alpine" : "Submitted batch job " + id) + "\n" : noise;
            unchecked.cases++;
            java.util.Optional<String> found;
            try {
                found = SubmitOutput.jobId(text);
            } catch (RuntimeException | Error e) {
                unchecked.caught("run " + run, e);
                continue;
            }
            if (withId) {
                assertEquals(id, found.orElse(null), "run " + run + " (seed " + seed + ")");
            }
            found.ifPresent(f -> assertTrue(SlurmJobIds.isJobId(f), f));
        }
        unchecked.assertNone();
    }

    /**
     * The whole submission against a cluster that answers sbatch with anything (garbled stdout with or without a job
     * id line, any stderr, any exit code): a valid job id or a classified ClusterException with a message.
     */
    @Test
    void sbatchSubmissionsAgainstAClusterThatAnswersAnything() {
        Random random = new Random(seed);
        GarbledOutputs outputs = new GarbledOutputs(random);
        List<String> stderrs = stderrPool();
        SlurmScheduler scheduler = new SlurmScheduler(ZoneId.of("UTC"));
        Unchecked unchecked = new Unchecked("sbatch outputs (whole submit)");
        int ids = 0;
        int refusals = 0;
        for (int run = 0; run < RUNS; run++) {
            String noise = random.nextBoolean() ? outputs.squeue().text() : outputs.sacct().text();
            String id = Integer.toString(1 + random.nextInt(Integer.MAX_VALUE - 1));
            String stdout = switch (random.nextInt(4)) {
                case 0 -> noise;
                case 1 -> noise + "\n" + id + ";namdrunner\n";
                case 2 -> "Submitted batch job " + id + "\n" + noise;
                default -> id + "\n";
            };
            int exit = exitCode(random);
            String stderr = random.nextInt(3) == 0 ? stderrs.get(random.nextInt(stderrs.size())) : "";
            RecordingConnection c = new RecordingConnection(TestProfiles.testCluster(), line -> new ExecResult(line, exit, stdout, stderr));
            String where = "run " + run + " (seed " + seed + ")";
            unchecked.cases++;
            try {
                String jobId = scheduler.submit(c, "/scratch/u/namdrunner_jobs/j1", "/scratch/u/namdrunner_jobs/j1/scripts/job.sbatch", null);
                ids++;
                assertEquals(0, exit, where + ": an id only from a successful sbatch");
                assertTrue(SlurmJobIds.isJobId(jobId), where + ": " + jobId);
            } catch (ClusterException e) {
                refusals++;
                assertTrue(e.kind() == FailureKind.TRANSIENT || e.kind() == FailureKind.PERMANENT, where);
                assertTrue(e.getMessage() != null && !e.getMessage().isBlank() && e.getMessage().length() < 2000, where + ": " + e.getMessage());
            } catch (AssertionError e) {
                throw e;   // a failed check of this test, not an exception of the code under test
            } catch (RuntimeException | Error e) {
                unchecked.caught(where, e);
            }
            assertEquals(1, c.commands().size(), where + ": one sbatch");
        }
        unchecked.assertNone();
        assertTrue(ids > RUNS / 10 && refusals > RUNS / 10, "both outcomes are exercised: " + ids + " ids, " + refusals + " refusals");
    }

    @Test
    void failuresOfAnyShapeAreClassified() {
        Random random = new Random(seed);
        GarbledOutputs outputs = new GarbledOutputs(random);
        List<String> stderrs = stderrPool();
        Unchecked unchecked = new Unchecked("sbatch/scancel failures (classifier)");
        for (int run = 0; run < RUNS; run++) {
            String stderr = random.nextInt(3) == 0 ? outputs.sacct().text() : stderrs.get(random.nextInt(stderrs.size()));
            ExecResult r = new ExecResult("sbatch", exitCode(random), outputs.squeue().text(), stderr);
            unchecked.cases++;
            ClusterException submit;
            ClusterException cancel;
            try {
                submit = SlurmFailures.submitRefused(r, TestProfiles.alpine(), "/scratch/x/job.sbatch");
                cancel = SlurmFailures.cancelRefused(r, TestProfiles.alpine(), "17");
            } catch (RuntimeException | Error e) {
                unchecked.caught("run " + run, e);
                continue;
            }
            assertNotNull(submit.kind());
            assertTrue(submit.getMessage() != null && !submit.getMessage().isBlank() && submit.getMessage().length() < 2000);
            if (cancel != null) {
                assertTrue(cancel.kind() == FailureKind.TRANSIENT || cancel.kind() == FailureKind.PERMANENT);
            }
        }
        unchecked.assertNone();
    }

    /** The whole query against a cluster that answers anything: a result or a classified ClusterException, never more than two commands. */
    @Test
    void queriesAgainstAClusterThatAnswersAnything() {
        Random random = new Random(seed);
        GarbledOutputs outputs = new GarbledOutputs(random);
        List<String> stderrs = stderrPool();
        SlurmScheduler scheduler = new SlurmScheduler(ZoneId.of("UTC"));
        int results = 0;
        Unchecked unchecked = new Unchecked("squeue+sacct answers (whole query)");
        for (int run = 0; run < RUNS; run++) {
            List<String> ids = new ArrayList<>();
            for (int i = random.nextInt(12); i > 0; i--) {
                ids.add(random.nextInt(10) == 0 ? "x" + i : Integer.toString(1 + random.nextInt(60)));
            }
            RecordingConnection c = new RecordingConnection(TestProfiles.testCluster(), line -> {
                String out = line.contains(" squeue ") ? outputs.squeue().text() : outputs.sacct().text();
                return new ExecResult(line, exitCode(random), out, random.nextInt(4) == 0 ? stderrs.get(random.nextInt(stderrs.size())) : "");
            });
            String where = "run " + run + " (seed " + seed + ")";
            unchecked.cases++;
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
            } catch (AssertionError e) {
                throw e;   // a failed check of this test, not an exception of the code under test
            } catch (RuntimeException | Error e) {
                unchecked.caught(where, e);
            }
        }
        unchecked.assertNone();
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
