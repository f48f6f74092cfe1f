package org.namdrunner.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ShellQuoting;
import org.namdrunner.core.lifecycle.JobRequest;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.StatusChange;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.slurm.SlurmState;
import org.namdrunner.testing.TestCluster;

/**
 * Two NAMDRunner instances on one database, as two workbench windows on one laptop: two JVMs ({@link AppInstance}), each
 * with its own SqliteJobStore, SSH session, JobService and StatusSynchronizer, sync the same real jobs every 0.3-1 s
 * while each cancels one job and creates and submits another; this JVM keeps the file open, idle. Then: neither saw an
 * error; every job ends with the status SLURM's accounting gives it; each job's history is one unbroken chain in which
 * no change is recorded twice (a change both instances saw is written once, the other instance's copy is skipped as a
 * conflict); the file passes integrity_check.
 */
class TwoInstancesTest {

    @Test
    void twoInstancesSyncingAndEditingTheSameJobsReportNoErrorAndLoseNoUpdate() throws Exception {
        Path local = Files.createTempDirectory("namdrunner-two-instances");
        Path db = local.resolve("jobs.db");
        String run = "two-" + System.currentTimeMillis();
        TestCluster cluster = TestCluster.load();
        try (Harness idle = new Harness(cluster, cluster.profile("testcluster"), db, Duration.ofMinutes(10))) {
            Map<String, Path> inputs = TestJobs.inputs(local.resolve("inputs"));
            List<String> names = List.of("shared-0", "shared-1", "shared-2", "shared-3");
            for (String name : names) {
                // shared-0 and -1 run ~60 s (they are cancelled while running), the others ~15 s: PENDING, RUNNING and
                // COMPLETED all happen while both instances poll
                int steps = name.equals("shared-0") || name.equals("shared-1") ? 1200 : 300;
                JobRequest plain = TestJobs.request(name, inputs, TestJobs.resources(1, Duration.ofMinutes(10), "acpu", ""), steps, name);
                Map<String, String> params = new LinkedHashMap<>(plain.parameters());
                params.put(StandinNamdJobType.DIRECTIVES, "seconds_per_step 0.05");
                Job job = idle.service.create(new JobRequest(name, plain.jobTypeId(), plain.profileId(), plain.resources(), params, inputs),
                        new NullProgressMonitor());
                SharedCluster.submit(idle.service, job.id());
            }

            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<String> a = pool.submit(() -> ChildJvm.run(AppInstance.class, List.of(db.toString(), run, "A", "shared-0",
                        local.resolve("inputs-a").toString(), "300"), 420));
                Future<String> b = pool.submit(() -> ChildJvm.run(AppInstance.class, List.of(db.toString(), run, "B", "shared-1",
                        local.resolve("inputs-b").toString(), "300"), 420));
                String outA = a.get();   // a non-zero exit (an exception reached the instance) fails here with its output
                String outB = b.get();
                int conflicts = count(outA, "CONFLICTS ") + count(outB, "CONFLICTS ");
                int syncs = count(outA, "SYNCS ") + count(outB, "SYNCS ");
                int changes = count(outA, "CHANGES ") + count(outB, "CHANGES ");
                int outages = count(outA, "OUTAGES ") + count(outB, "OUTAGES ");
                long overlaps = overlappingSyncs(outA, outB);

                List<Job> jobs = idle.store.list(JobFilter.all());
                assertEquals(6, jobs.size(), "4 shared jobs and one of each instance: " + jobs);
                List<String> problems = new ArrayList<>();
                int historyRows = 0;
                for (Job j : jobs) {
                    List<StatusChange> history = idle.store.history(j.id());
                    historyRows += history.size();
                    assertNull(history.get(0).from());
                    for (int i = 1; i < history.size(); i++) {
                        if (history.get(i - 1).to() != history.get(i).from()) {
                            problems.add(j.name() + ": history row " + i + " starts from " + history.get(i).from() + " after "
                                    + history.get(i - 1).to());
                        }
                        if (history.get(i).from() == history.get(i).to()) {
                            problems.add(j.name() + ": history row " + i + " records no change");
                        }
                    }
                    if (history.get(history.size() - 1).to() != j.status()) {
                        problems.add(j.name() + ": status " + j.status() + " but the last history row says " + history.get(history.size() - 1).to());
                    }
                    String sacct = idle.slurm(ShellQuoting.command("sacct", "-X", "-n", "-P", "-o", "State", "-j", j.slurmId().orElseThrow()))
                            .stdout().strip();
                    if (SlurmState.statusOf(sacct) != j.status()) {
                        problems.add(j.name() + ": stored " + j.status() + ", SLURM accounting says " + sacct);
                    }
                }
                assertEquals(List.of(), problems);
                for (Job j : jobs) {
                    JobStatus expected = j.name().equals("shared-0") || j.name().equals("shared-1") ? JobStatus.CANCELLED : JobStatus.COMPLETED;
                    assertEquals(expected, j.status(), j.name() + " " + j.slurmState());
                }
                String integrity = sqlite(db, "PRAGMA integrity_check;");
                assertEquals("ok", integrity);
                System.out.printf("two instances: %d syncs (%d of them overlapping in time), %d status changes written, %d conflicts "
                        + "(a change the other instance had already written, skipped), 0 errors; %d jobs, %d history rows, 0 lost or "
                        + "doubled updates; integrity_check %s (polls that met a slurmctld stopped by another test: %d)%n", syncs, overlaps, changes,
                        conflicts, jobs.size(), historyRows, integrity, outages);
                assertTrue(overlaps > 0, "the two instances really synced at the same time");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static int count(String output, String prefix) {
        return Integer.parseInt(ChildJvm.line(output, prefix).orElseThrow(() -> new AssertionError("no " + prefix + "in:\n" + output)));
    }

    /** How many syncs of A overlapped a sync of B in time (from the printed windows "start-end" in epoch ms). */
    private static long overlappingSyncs(String outA, String outB) {
        List<long[]> a = windows(outA);
        List<long[]> b = windows(outB);
        return a.stream().filter(x -> b.stream().anyMatch(y -> x[0] < y[1] && y[0] < x[1])).count();
    }

    private static List<long[]> windows(String output) {
        List<long[]> out = new ArrayList<>();
        for (String w : ChildJvm.line(output, "WINDOWS").orElse("").split(" ")) {
            if (!w.isBlank()) {
                String[] p = w.split("-");
                out.add(new long[] { Long.parseLong(p[0]), Long.parseLong(p[1]) });
            }
        }
        return out;
    }

    /** Asks the sqlite3 command-line tool, which knows nothing of the store's code. */
    private static String sqlite(Path db, String sql) throws Exception {
        Process p = new ProcessBuilder("sqlite3", db.toString(), sql).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
