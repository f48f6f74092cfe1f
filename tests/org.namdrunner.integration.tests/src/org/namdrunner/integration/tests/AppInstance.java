package org.namdrunner.integration.tests;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.namdrunner.core.cluster.FailureKind;
import org.namdrunner.core.lifecycle.SyncReport;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.testing.TestCluster;

/**
 * One NAMDRunner instance for the two-instance test, in its own JVM: its own SqliteJobStore on the shared file, its own
 * SSH session, JobService and StatusSynchronizer. It syncs every 0.3-1 s and, between syncs, edits: at round 2 it
 * cancels the job named by its role, at round 3 it creates and submits a job of its own. It ends when every job of the
 * cluster is finished (or after the deadline) and prints what it did. A TRANSIENT poll (slurmctld stopped by another
 * test on the shared cluster) is counted and polled again, as the workbench does; any other failure or exception that
 * reaches it ends the process with exit code 2, since it would have reached a person.
 * Arguments: database file, run folder, role (A or B), name of the job to cancel, input folder, deadline in seconds.
 */
public final class AppInstance {

    private AppInstance() {
    }

    public static void main(String[] args) {
        try {
            run(Path.of(args[0]), args[1], args[2], args[3], Path.of(args[4]), Duration.ofSeconds(Long.parseLong(args[5])));
            System.exit(0);
        } catch (Throwable e) {
            System.out.println("ERROR " + e);
            e.printStackTrace(System.out);
            System.out.flush();
            System.exit(2);
        }
    }

    private static void run(Path db, String runFolder, String role, String cancelName, Path inputDir, Duration deadline) throws Exception {
        TestCluster cluster = TestCluster.load();
        Random random = new Random();
        Instant end = Instant.now().plus(deadline);
        int syncs = 0;
        int conflicts = 0;
        int changes = 0;
        int outages = 0;
        StringBuilder windows = new StringBuilder();
        try (Harness h = new Harness(cluster, cluster.profile("testcluster"), db, Duration.ofMinutes(10))) {
            for (int round = 1; Instant.now().isBefore(end); round++) {
                Instant start = Instant.now();
                SyncReport r = h.service.sync(h.profile.id(), new NullProgressMonitor());
                windows.append(' ').append(start.toEpochMilli()).append('-').append(Instant.now().toEpochMilli());
                if (!r.succeeded()) {
                    if (r.failureKind() != FailureKind.TRANSIENT) {
                        throw new IllegalStateException("sync failed: " + r.status());
                    }
                    // slurmctld stopped by another test on the shared cluster: the workbench marks the cluster stale
                    // and polls again later, so does this instance (the round does not count)
                    outages++;
                    round--;
                    Thread.sleep(1000);
                    continue;
                }
                syncs++;
                conflicts += r.conflicts().size();
                changes += r.changed().size();
                if (round == 2) {
                    Job target = h.store.list(JobFilter.all()).stream().filter(j -> j.name().equals(cancelName)).findFirst().orElseThrow();
                    SyncReport c = SharedCluster.whenSlurmAnswers(() -> h.service.cancel(target.id(), new NullProgressMonitor()));
                    conflicts += c.conflicts().size();
                    changes += c.changed().size();
                    System.out.println("CANCELLED " + target.id());
                }
                if (round == 3) {
                    Job own = h.service.create(TestJobs.request("from-" + role, TestJobs.inputs(inputDir),
                            TestJobs.resources(1, Duration.ofMinutes(10), "acpu", ""), 200, "own" + role), new NullProgressMonitor());
                    SharedCluster.submit(h.service, own.id());
                    System.out.println("CREATED " + own.id());
                }
                List<Job> jobs = h.store.list(JobFilter.all());
                if (round > 3 && jobs.stream().allMatch(j -> j.status().isTerminal())) {
                    break;
                }
                Thread.sleep(300 + random.nextInt(700));
            }
        }
        System.out.println("SYNCS " + syncs);
        System.out.println("CONFLICTS " + conflicts);
        System.out.println("CHANGES " + changes);
        System.out.println("OUTAGES " + outages);
        System.out.println("WINDOWS" + windows);
    }
}
