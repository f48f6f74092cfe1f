package org.namdrunner.persistence.tests;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.core.store.JobUpdate;
import org.namdrunner.persistence.SqliteJobStore;

/**
 * Run in a child JVM: writes batches forever (until killed), each batch moving all jobs of its group to the
 * next status with the batch number in reason and history. A complete batch leaves every job of the group
 * with the same reason and the same number of history rows; a torn one would not.
 * Arguments: database file, group name, jobs per group, number of batches (0 = until killed).
 */
public final class BatchWriter {

    private BatchWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        String group = args[1];
        int size = Integer.parseInt(args[2]);
        int batches = Integer.parseInt(args[3]);
        try (SqliteJobStore store = SqliteJobStore.open(db)) {
            List<Job> jobs = new ArrayList<>(store.list(JobFilter.all()).stream().filter(j -> j.id().startsWith(group + "_")).toList());
            if (jobs.isEmpty()) {
                for (int i = 0; i < size; i++) {
                    Job j = Jobs.job(group + "_" + i, group).toBuilder().status(JobStatus.RUNNING).build();
                    store.create(j);
                    jobs.add(j);
                }
            }
            // a restarted writer continues the numbering of the batches already committed
            String reason = jobs.get(0).slurmReason().orElse("");
            int first = reason.contains("-batch-") ? Integer.parseInt(reason.substring(reason.lastIndexOf('-') + 1)) + 1 : 1;
            System.out.println("READY");
            System.out.flush();
            for (int b = first; batches == 0 || b < first + batches; b++) {
                List<JobUpdate> batch = new ArrayList<>();
                Instant now = Instant.now();
                for (Job j : jobs) {
                    JobStatus next = j.status() == JobStatus.RUNNING ? JobStatus.PENDING : JobStatus.RUNNING;
                    batch.add(Jobs.move(j, next, now, group + "-batch-" + b));
                }
                store.apply(batch);
                jobs = batch.stream().map(JobUpdate::job).toList();
            }
        }
        System.out.println("DONE");
    }
}
