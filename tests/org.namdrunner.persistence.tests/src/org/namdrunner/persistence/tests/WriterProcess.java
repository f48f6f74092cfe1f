package org.namdrunner.persistence.tests;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.store.BatchResult;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.core.store.JobUpdate;
import org.namdrunner.persistence.SqliteJobStore;

/**
 * A second NAMDRunner process for the tests, run in a child JVM. Modes:
 * <ul>
 * <li>{@code batches <db> <group> <size> <count>}: creates {@code size} RUNNING jobs of cluster {@code group} if they
 * are not there, says READY, then applies {@code count} batches (0: until killed). Batch {@code b} flips every job
 * between RUNNING and PENDING with reason and history detail {@code <group>-batch-<b>}: one transaction of
 * {@code size} job rows and {@code size} history rows. A restarted writer continues after the last stored batch.</li>
 * <li>{@code race <db> <group> <writer> <rounds>}: each round reads the group's jobs and flips them all in one batch;
 * another process does the same, so some updates meet a job that moved meanwhile. Prints how often each job was
 * written by this process.</li>
 * <li>{@code open <db>}: opens (and so upgrades) the file and prints the number of jobs.</li>
 * </ul>
 * Any exception is printed and ends the process with exit code 2: it would have reached a caller.
 */
public final class WriterProcess {

    private WriterProcess() {
    }

    public static void main(String[] args) {
        try {
            switch (args[0]) {
                case "batches" -> batches(Path.of(args[1]), args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
                case "race" -> race(Path.of(args[1]), args[2], args[3], Integer.parseInt(args[4]));
                case "open" -> {
                    try (SqliteJobStore store = SqliteJobStore.open(Path.of(args[1]))) {
                        System.out.println("READY");
                        System.out.println("JOBS " + store.list(JobFilter.all()).size());
                    }
                }
                default -> throw new IllegalArgumentException(args[0]);
            }
        } catch (Throwable e) {
            e.printStackTrace(System.out);
            System.out.flush();
            System.exit(2);
        }
    }

    static String batchDetail(String group, int batch) {
        return group + "-batch-" + batch;
    }

    private static void batches(Path db, String group, int size, int count) throws Exception {
        try (SqliteJobStore store = SqliteJobStore.open(db)) {
            List<Job> jobs = groupJobs(store, group);
            if (jobs.isEmpty()) {
                for (int i = 0; i < size; i++) {
                    Job j = Jobs.job(String.format("%s_%03d", group, i), group).toBuilder().status(JobStatus.RUNNING).build();
                    store.create(j);
                    jobs.add(j);
                }
            }
            String reason = jobs.get(0).slurmReason().orElse("");
            int last = reason.isEmpty() ? 0 : Integer.parseInt(reason.substring(reason.lastIndexOf('-') + 1));
            System.out.println("READY");
            System.out.flush();
            for (int b = last + 1; count == 0 || b <= last + count; b++) {
                Instant now = Instant.now();
                List<JobUpdate> batch = new ArrayList<>();
                for (Job j : jobs) {
                    batch.add(Jobs.move(j, Jobs.flip(j.status()), now, batchDetail(group, b)));
                }
                BatchResult r = store.apply(batch);
                if (r.written().size() != jobs.size()) {
                    throw new IllegalStateException("batch " + b + " was not written whole: " + r);
                }
                jobs = batch.stream().map(JobUpdate::job).toList();
            }
        }
        System.out.println("DONE");
    }

    private static void race(Path db, String group, String writer, int rounds) throws Exception {
        Map<String, Integer> written = new TreeMap<>();
        int conflicts = 0;
        try (SqliteJobStore store = SqliteJobStore.open(db)) {
            System.out.println("READY");
            for (int r = 1; r <= rounds; r++) {
                Instant now = Instant.now();
                List<JobUpdate> batch = new ArrayList<>();
                for (Job j : groupJobs(store, group)) {
                    batch.add(Jobs.move(j, Jobs.flip(j.status()), now, writer + "-" + r));
                }
                BatchResult result = store.apply(batch);
                result.written().forEach(id -> written.merge(id, 1, Integer::sum));
                conflicts += result.conflicts().size();
            }
        }
        StringBuilder sb = new StringBuilder("WRITES");
        written.forEach((id, n) -> sb.append(' ').append(id).append('=').append(n));
        System.out.println(sb);
        System.out.println("CONFLICTS " + conflicts);
        System.out.println("DONE");
    }

    private static List<Job> groupJobs(SqliteJobStore store, String group) throws Exception {
        List<Job> jobs = new ArrayList<>(store.list(JobFilter.all().onCluster(group)));
        jobs.sort(Comparator.comparing(Job::id));
        return jobs;
    }
}
