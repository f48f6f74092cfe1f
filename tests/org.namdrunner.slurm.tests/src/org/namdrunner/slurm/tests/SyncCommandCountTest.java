package org.namdrunner.slurm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.namdrunner.core.cluster.ExecResult;
import org.namdrunner.core.lifecycle.StatusSynchronizer;
import org.namdrunner.core.lifecycle.SyncReport;
import org.namdrunner.core.lifecycle.SyncSettings;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.slurm.SlurmScheduler;

/**
 * The rule, end to end through core's synchronizer: a sync of N active jobs issues at most two
 * remote commands whatever N is, counted on a {@link RecordingConnection}.
 */
class SyncCommandCountTest {

    private static final Instant NOW = Instant.parse("2026-11-29T01:00:00Z");

    @ParameterizedTest
    @ValueSource(ints = { 1, 3, 50, 1000 })
    void aSyncOfNActiveJobsTakesAtMostTwoCommands(int n) throws Exception {
        MemoryJobStore store = new MemoryJobStore();
        for (int i = 0; i < n; i++) {
            store.create(job("job-" + i, Integer.toString(100 + i), i % 2 == 0 ? JobStatus.RUNNING : JobStatus.PENDING));
        }
        // squeue still knows the even ids as running; sacct says the odd ones completed
        RecordingConnection c = new RecordingConnection(TestProfiles.testCluster(), line -> {
            StringBuilder out = new StringBuilder();
            for (String id : Capture.jobIdsOf(line)) {
                boolean even = Integer.parseInt(id) % 2 == 0;
                if (line.contains(" squeue ") && even) {
                    out.append(id).append("|RUNNING|None|5:00|55:00|1|2|vm|/home/testuser/scratch/namdrunner_jobs/x\n");
                } else if (line.contains(" sacct ") && !even) {
                    out.append(id).append("|COMPLETED|0:0|2026-11-29T00:36:23|2026-11-29T00:40:00|00:03:37|None\n");
                }
            }
            return new ExecResult(line, 0, line.contains(" squeue ") ? Capture.oldSqueue(out.toString()) : Capture.oldSacct(out.toString()), "");
        });
        StatusSynchronizer sync = new StatusSynchronizer(store, new SlurmScheduler(ZoneOffset.UTC), SyncSettings.defaults(),
                Clock.fixed(NOW, ZoneOffset.UTC));

        SyncReport report = sync.syncCluster(c, null);

        assertTrue(report.succeeded(), report.status().getMessage());
        assertTrue(c.commands().size() <= 2, c.commands().size() + " commands for " + n + " jobs");
        assertEquals(c.commands().size(), report.commands());
        assertEquals(n, report.asked());
        assertEquals(List.of(), report.problems());
        Map<JobStatus, Long> byStatus = store.list(JobFilter.all()).stream()
                .collect(Collectors.groupingBy(Job::status, Collectors.counting()));
        assertEquals((n + 1) / 2, byStatus.getOrDefault(JobStatus.RUNNING, 0L));
        assertEquals(n / 2, byStatus.getOrDefault(JobStatus.COMPLETED, 0L));
    }

    @ParameterizedTest
    @ValueSource(ints = { 2, 40, 500 })
    void oneSacctReadsTheUsageOfEveryJobThatFinished(int n) throws Exception {
        MemoryJobStore store = new MemoryJobStore();
        for (int i = 0; i < n; i++) {
            store.create(job("job-" + i, Integer.toString(100 + i), JobStatus.RUNNING));
        }
        // squeue still lists the even ids, as COMPLETED; the odd ones it has forgotten. sacct has all of them, with steps.
        List<String> sacctLines = new ArrayList<>();
        RecordingConnection c = new RecordingConnection(TestProfiles.testCluster(), line -> {
            StringBuilder out = new StringBuilder();
            for (String id : Capture.jobIdsOf(line)) {
                int i = Integer.parseInt(id) - 100;
                if (line.contains(" squeue ")) {
                    if (i % 2 == 0) {
                        out.append(id).append("|COMPLETED|1796174507|1796174507|1796174528|0:21|9:39|1|2|vm|job-").append(i)
                                .append("|namdrunner:job-").append(i).append("|/s/job-").append(i).append("|None\n");
                    }
                } else {
                    out.append(id).append("|COMPLETED|0:0|1796174507|1796174507|1796174528|00:00:21|00:04.015|2|1|1G||00:10:00|")
                            .append("billing=2,cpu=2,mem=1G,node=1|job-").append(i).append("||/s/job-").append(i).append("|None\n");
                    out.append(id).append(".batch|COMPLETED|0:0|1796174507|1796174507|1796174528|00:00:21|00:00.478|2|1||")
                            .append(1000 + i).append("K||cpu=2|batch|||\n");
                    out.append(id).append(".0|COMPLETED|0:0|1796174507|1796174507|1796174520|00:00:13|00:03.535|2|1||3296K||cpu=2|x|||\n");
                }
            }
            if (line.contains(" sacct ")) {
                sacctLines.add(line);
            }
            return new ExecResult(line, 0, out.toString(), "");
        });
        StatusSynchronizer sync = new StatusSynchronizer(store, new SlurmScheduler(ZoneOffset.UTC), SyncSettings.defaults(),
                Clock.fixed(NOW, ZoneOffset.UTC));

        SyncReport report = sync.syncCluster(c, null);

        assertTrue(report.succeeded(), report.status().getMessage());
        assertEquals(List.of(), report.problems());
        assertEquals(2, c.commands().size(), "one squeue and ONE sacct for " + n + " finished jobs");
        assertEquals(1, sacctLines.size());
        assertEquals(n, Capture.jobIdsOf(sacctLines.get(0)).size(), "the sacct asks for every finished job, listed by squeue or not");
        assertTrue(!sacctLines.get(0).contains(" -X "), "with the step rows, where MaxRSS is");
        for (Job j : store.list(JobFilter.all())) {
            assertEquals(JobStatus.COMPLETED, j.status(), j.id());
            int i = Integer.parseInt(j.id().substring(4));
            var u = j.usage().orElseThrow(() -> new AssertionError(j.id() + " has no usage"));
            assertEquals(Math.max(1000 + i, 3296) * 1024L, u.maxRssBytes(), j.id());
            assertEquals(4.015 / 42, u.cpuEfficiency().getAsDouble(), 1e-9, j.id());
        }
    }

    @Test
    void capturedStatesReachTheStoreWithTheirEvidence() throws Exception {
        Capture squeue = Capture.real("squeue_all_mixed");
        Capture sacct = Capture.real("sacct_all_mixed");
        MemoryJobStore store = new MemoryJobStore();
        List<String> ids = new ArrayList<>(squeue.jobIds());
        for (String id : ids) {
            store.create(job("job-" + id, id, JobStatus.RUNNING));
        }
        RecordingConnection c = new RecordingConnection(TestProfiles.testCluster(), line -> line.contains(" squeue ")
                ? squeue.asResult(line) : sacct.onlyRowsOf(Capture.jobIdsOf(line)).asResult(line));
        StatusSynchronizer sync = new StatusSynchronizer(store, new SlurmScheduler(ZoneOffset.UTC), SyncSettings.defaults(),
                Clock.fixed(NOW, ZoneOffset.UTC));

        SyncReport report = sync.syncCluster(c, null);

        assertEquals(2, report.commands());
        assertEquals(List.of("job-999999"), report.missing(), "the never-used id keeps its status");
        Map<String, Job> byId = store.list(JobFilter.all()).stream().collect(Collectors.toMap(Job::id, Function.identity()));
        assertEquals(JobStatus.RUNNING, byId.get("job-999999").status());
        long cancelled = byId.values().stream().filter(j -> j.status() == JobStatus.CANCELLED).count();
        assertTrue(cancelled >= 2, "cancelled jobs: " + cancelled);
        assertTrue(byId.values().stream().anyMatch(j -> j.status() == JobStatus.TIMEOUT));
        Job cancelledJob = byId.values().stream().filter(j -> j.slurmState().orElse("").startsWith("CANCELLED by ")).findFirst()
                .orElseThrow();
        assertTrue(store.history(cancelledJob.id()).getLast().detail().startsWith("sacct: CANCELLED by "),
                store.history(cancelledJob.id()).toString());
    }

    private static Job job(String id, String slurmId, JobStatus status) {
        return Job.builder().id(id).name(id).jobTypeId("namd").clusterProfileId("test").status(status).slurmId(slurmId)
                .createdAt(NOW.minusSeconds(3600)).build();
    }
}
