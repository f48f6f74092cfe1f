package org.namdrunner.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.StatusChange;
import org.namdrunner.core.model.StatusSource;
import org.namdrunner.core.store.BatchResult;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.core.store.JobUpdate;
import org.namdrunner.persistence.SqliteJobStore;
import org.namdrunner.persistence.internal.JobRows;
import org.namdrunner.persistence.internal.Times;

/**
 * The store against plain JDBC doing the same SQL ({@link PlainJdbc}), side by side in one run: insert 10,000 jobs
 * (one transaction each, as {@code create} does), list 10,000, apply 1,000 status changes with history in one batch.
 * Every round uses fresh files and alternates which side goes first; the table shows medians of wall time and of
 * the thread's CPU time (steadier on a shared machine). Both sides must leave identical rows; no time is asserted.
 * {@code ./benchmark.sh} runs it with more rounds; the normal test run runs one round and writes the table to
 * {@code target/benchmarks/store.md}.
 */
class StoreBenchmarkTest {

    private static final int JOBS = 10_000;
    private static final int CHANGES = 1_000;
    private static final String[] OPERATIONS = { "insert 10,000 jobs (one transaction each, with its history row)",
            "list 10,000 jobs", "apply 1,000 status changes with history (one batch)" };
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The jobs of one run, and the same values as text for the plain-JDBC side. */
    private record Data(List<Job> jobs, List<String[]> jobRows, List<String[]> createdRows, List<JobUpdate> updates,
            List<String[]> updatedRows, List<String[]> changeRows) {
    }

    @Test
    void storeAgainstPlainJdbc(@TempDir Path dir) throws Exception {
        int rounds = Integer.getInteger("namdrunner.benchmark.rounds", 1);
        // warm-up on a fifth of the data: the JIT compiles the same code, at a fifth of the cost
        runRound(dir, data(JOBS / 5, CHANGES / 5), true, new long[12], 10);
        Data data = data(JOBS, CHANGES);
        long[][] samples = new long[12][rounds];
        for (int r = 0; r < rounds; r++) {
            long[] t = new long[12];
            runRound(dir, data, r % 2 == 0, t, 1);
            for (int i = 0; i < 12; i++) {
                samples[i][r] = t[i];
            }
        }
        String table = table(samples, rounds);
        System.out.println(table);
        String out = System.getProperty("namdrunner.benchmark.out");
        if (out != null) {
            Files.createDirectories(Path.of(out));
            Files.writeString(Path.of(out, "store.md"), table);
        }
    }

    /**
     * Insert, list, apply on fresh files; t gets, for each operation, store wall, store CPU, JDBC wall, JDBC CPU.
     * The list, which is cheap, runs {@code lists} times (the warm-up lists often, so that both sides run compiled).
     */
    private void runRound(Path dir, Data data, boolean storeFirst, long[] t, int lists) throws Exception {
        Path s = dir.resolve("store.db");
        Path j = dir.resolve("jdbc.db");
        SqliteJobStore.open(j).close();   // the same schema, made by the store, outside the timing
        List<Integer> steps = new ArrayList<>(List.of(0));
        steps.addAll(Collections.nCopies(lists, 1));
        steps.add(2);
        for (int op : steps) {
            if (storeFirst) {
                timeStore(op, s, data, t);
                timeJdbc(op, j, data, t);
            } else {
                timeJdbc(op, j, data, t);
                timeStore(op, s, data, t);
            }
        }
        assertSameContent(s, j, data);
        for (Path p : List.of(s, j)) {
            Files.delete(p);
        }
    }

    private static Data data(int count, int changes) {
        Instant t0 = Instant.parse("2026-01-05T09:00:00Z");
        int[] cores = { 8, 16, 24, 32, 48, 64 };
        int[] hours = { 1, 4, 12, 24 };
        Data d = new Data(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < count; i++) {
            // 24 resource presets, 50 molecular systems, three clusters: a lab's year of jobs
            Job base = Jobs.job(String.format("job_%05d", i), i % 3 == 0 ? "alpine" : "blanca");
            String system = "input_files/system" + i % 50;
            Job job = base.toBuilder().createdAt(t0.plusSeconds(37L * i).plusNanos(i % 7 * 1_000_000L))
                    .resources(base.resources().withCores(cores[i % 6]).withWalltime(Duration.ofHours(hours[i / 6 % 4])))
                    .inputFiles(List.of(system + ".psf", system + ".pdb")).typeParameters("{\"runSteps\":\"" + (50_000 + i) + "\"}")
                    .build();
            d.jobs().add(job);
            d.jobRows().add(JobRows.values(job));
            d.createdRows().add(history(StatusChange.created(job.id(), job.status(), job.createdAt())));
        }
        Instant at = Instant.parse("2026-02-01T12:00:00.123456Z");
        for (int i = 0; i < changes; i++) {
            Job job = d.jobs().get(i * (count / changes));
            Job next = job.toBuilder().status(JobStatus.SUBMITTING).updatedAt(at).build();
            StatusChange change = new StatusChange(job.id(), JobStatus.CREATED, JobStatus.SUBMITTING, at, StatusSource.USER, "sbatch");
            d.updates().add(JobUpdate.statusChange(next, change));
            d.updatedRows().add(JobRows.values(next));
            d.changeRows().add(history(change));
        }
        return d;
    }

    private static String[] history(StatusChange c) {
        return new String[] { c.jobId(), c.from() == null ? null : c.from().name(), c.to().name(), Times.format(c.at()), c.source().key(),
                c.detail() };
    }

    private static void timeStore(int op, Path file, Data d, long[] times) throws Exception {
        try (SqliteJobStore store = SqliteJobStore.open(file)) {
            long wall = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            switch (op) {
                case 0 -> {
                    for (Job job : d.jobs()) {
                        store.create(job);
                    }
                }
                case 1 -> assertEquals(d.jobs().size(), store.list(JobFilter.all()).size());
                default -> {
                    BatchResult r = store.apply(d.updates());
                    assertEquals(d.updates().size(), r.written().size());
                }
            }
            times[op * 4] = System.nanoTime() - wall;
            times[op * 4 + 1] = THREADS.getCurrentThreadCpuTime() - cpu;
        }
    }

    private static void timeJdbc(int op, Path file, Data d, long[] times) throws Exception {
        try (PlainJdbc jdbc = new PlainJdbc(file)) {
            long wall = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            switch (op) {
                case 0 -> {
                    for (int i = 0; i < d.jobRows().size(); i++) {
                        jdbc.insert(d.jobRows().get(i), d.createdRows().get(i));
                    }
                }
                case 1 -> assertEquals(d.jobs().size(), jdbc.list().size());
                default -> assertEquals(d.updates().size(),
                        jdbc.apply(d.updatedRows(), Collections.nCopies(d.updates().size(), "CREATED"), d.changeRows()));
            }
            times[op * 4 + 2] = System.nanoTime() - wall;
            times[op * 4 + 3] = THREADS.getCurrentThreadCpuTime() - cpu;
        }
    }

    /** Both sides did the same work: the same job rows and the same history, row for row. */
    private static void assertSameContent(Path store, Path jdbc, Data d) throws Exception {
        try (RawDb a = new RawDb(store); RawDb b = new RawDb(jdbc)) {
            assertEquals(d.jobs().size(), a.count("SELECT count(*) FROM jobs"));
            assertEquals(d.jobs().size() + d.updates().size(), a.count("SELECT count(*) FROM job_status_history"));
            assertEquals(d.updates().size(), a.count("SELECT count(*) FROM jobs WHERE status = 'SUBMITTING'"));
            String jobsSql = "SELECT * FROM jobs ORDER BY id";
            String historySql = "SELECT id, job_id, old_status, new_status, changed_at, source, detail FROM job_status_history ORDER BY id";
            assertEquals(b.rows(jobsSql), a.rows(jobsSql));
            assertEquals(b.rows(historySql), a.rows(historySql));
        }
    }

    private static String table(long[][] s, int rounds) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Store vs plain JDBC doing the same SQL: median of %d round%s after a warm-up; %d cores, Java %s%n%n",
                rounds, rounds == 1 ? "" : "s", Runtime.getRuntime().availableProcessors(), Runtime.version().feature()));
        sb.append("| operation | store | plain JDBC | store / JDBC | store / JDBC, CPU time |\n| --- | ---: | ---: | ---: | ---: |\n");
        for (int op = 0; op < 3; op++) {
            double storeWall = median(s[op * 4]) / 1e6;
            double jdbcWall = median(s[op * 4 + 2]) / 1e6;
            double cpuRatio = median(s[op * 4 + 1]) / median(s[op * 4 + 3]);
            sb.append(String.format(Locale.ROOT, "| %s | %.0f ms | %.0f ms | %.2f× | %.2f× |%n", OPERATIONS[op], storeWall, jdbcWall,
                    storeWall / jdbcWall, cpuRatio));
        }
        return sb.toString();
    }

    private static double median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
    }
}
