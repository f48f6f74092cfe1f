package org.namdrunner.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.namdrunner.core.cluster.CostEstimate;
import org.namdrunner.core.lifecycle.JobRequest;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.JobUsage;
import org.namdrunner.core.model.MemorySize;
import org.namdrunner.core.model.Resources;
import org.namdrunner.core.model.UsageAdvice;

/**
 * Efficiency against SLURM's own accounting: a real job on the twin burns a core in an srun step and holds memory in
 * its batch step; the sync that sees it finish stores its usage; the test then reads sacct's raw fields for the same
 * job itself (no SLURM_TIME_FORMAT, its own parsing) and computes what seff computes: CPU efficiency = TotalCPU /
 * (ElapsedRaw × AllocCPUS), memory = the largest MaxRSS of the job's rows / ReqMem, walltime = ElapsedRaw / Timelimit.
 */
class EfficiencyOnTheTwinTest {

    @RegisterExtension
    static final OnTheTwin TWIN = new OnTheTwin("namdrunner-efficiency");

    @Test
    void ourEfficiencyOfARealJobIsSacctsOwn() throws Exception {
        Map<String, Path> inputs = TestJobs.inputs(TWIN.local().resolve("inputs"));
        Resources resources = new Resources(2, MemorySize.parse("1GB"), Duration.ofMinutes(10), "acpu", "cpu-normal", "", 0, "");
        JobRequest namd = TestJobs.request("burn", inputs, resources, 10, "burn");
        JobRequest request = new JobRequest(namd.name(), BurnJobType.ID, namd.profileId(), resources, namd.parameters(), namd.inputs());
        Job job = TWIN.h().service.create(request, new NullProgressMonitor());
        String slurmId = TWIN.h().service.submit(job.id(), new NullProgressMonitor()).slurmId().orElseThrow();

        Job done = TWIN.h().syncUntil(job.id(), j -> j.status().isTerminal(), Duration.ofMinutes(3));
        assertEquals(JobStatus.COMPLETED, done.status(), "error: " + done.error());
        JobUsage ours = done.usage().orElseThrow(() -> new AssertionError("the finishing sync stored no usage for " + done));
        // and it is in the SQLite file, not only in the object the sync returned
        assertEquals(ours, TWIN.h().store.find(job.id()).orElseThrow().usage().orElseThrow());

        Map<String, String[]> rows = sacctRows(slurmId);
        String[] allocation = rows.get(slurmId);
        long elapsed = Long.parseLong(allocation[1]);
        double totalCpu = seconds(allocation[2]);
        int cpus = Integer.parseInt(allocation[3]);
        long maxRss = rows.values().stream().mapToLong(r -> kibibytes(r[4]) * 1024).max().orElseThrow();
        long reqMem = kibibytes(allocation[5]) * 1024;
        long limit = Long.parseLong(allocation[6]) * 60;
        assertTrue(rows.keySet().containsAll(List.of(slurmId + ".batch", slurmId + ".0")), "the job's steps: " + rows.keySet());

        System.out.printf("job %s: sacct ElapsedRaw=%d s TotalCPU=%.3f s AllocCPUS=%d MaxRSS=%d B ReqMem=%d B limit=%d s; ours: cpu %.4f mem %.4f wall %.4f; %s%n",
                slurmId, elapsed, totalCpu, cpus, maxRss, reqMem, limit, ours.cpuEfficiency().orElse(-1), ours.memoryEfficiency().orElse(-1),
                ours.walltimeFraction().orElse(-1), UsageAdvice.lines(ours));
        assertEquals(elapsed, ours.elapsed().toSeconds());
        assertEquals(cpus, ours.allocatedCpus());
        assertEquals(2, cpus);
        assertEquals(Math.round(totalCpu * 1000), ours.totalCpu().toMillis());
        assertEquals(maxRss, ours.maxRssBytes());
        assertEquals(reqMem, ours.requestedMemoryBytes());
        assertEquals(Duration.ofSeconds(limit), ours.timeLimit());
        assertEquals(totalCpu / (elapsed * cpus), ours.cpuEfficiency().getAsDouble(), 1e-9, "seff's CPU efficiency");
        assertEquals(maxRss / (double) reqMem, ours.memoryEfficiency().getAsDouble(), 1e-12, "seff's memory efficiency");
        assertEquals(elapsed / (double) limit, ours.walltimeFraction().getAsDouble(), 1e-9);

        // the load was real: a core busy for most of the burn (the shared machine may slow it), the memory held
        assertTrue(totalCpu >= 0.3, "TotalCPU " + totalCpu + " s (the machine is shared: the burn gets what the scheduler gives it)");
        assertTrue(maxRss >= (BurnJobType.HOLD_MB - 20) * 1024L * 1024, "MaxRSS " + maxRss + " bytes");
        assertTrue(ours.memoryEfficiency().getAsDouble() < 0.5, "250 MB of 1 GB");
        String memory = UsageAdvice.memory(ours).orElseThrow();
        assertTrue(memory.startsWith("memory: used ") && memory.contains(" of 1.0 GB"), memory);
        // Alpine's rule on the twin's profile: 1 SU per allocated core-hour
        assertEquals(cpus * elapsed / 3600.0, CostEstimate.used(TWIN.h().profile.limits().billing(), done.resources(), ours).orElseThrow(), 1e-9);
    }

    /** sacct's raw fields, read here without the product's parser: JobID → [JobID, ElapsedRaw, TotalCPU, AllocCPUS, MaxRSS, ReqMem, TimelimitRaw]. */
    private static Map<String, String[]> sacctRows(String slurmId) throws Exception {
        String out = TWIN.h().slurm("sacct --parsable2 --noheader --units=K -j " + slurmId
                + " --format=JobID,ElapsedRaw,TotalCPU,AllocCPUS,MaxRSS,ReqMem,TimelimitRaw").stdout();
        Map<String, String[]> rows = new HashMap<>();
        for (String line : out.strip().split("\n")) {
            String[] f = line.split("\\|", -1);
            rows.put(f[0], f);
        }
        return rows;
    }

    /** TotalCPU as [D-][HH:]MM:SS[.mmm], in seconds. */
    private static double seconds(String t) {
        double days = 0;
        if (t.contains("-")) {
            days = Double.parseDouble(t.substring(0, t.indexOf('-')));
            t = t.substring(t.indexOf('-') + 1);
        }
        String[] p = t.split(":");
        double s = 0;
        for (String part : p) {
            s = s * 60 + Double.parseDouble(part);
        }
        return days * 86400 + s;
    }

    /** A size printed with --units=K ("307200K", "1048576K"); empty as 0. */
    private static long kibibytes(String v) {
        String t = v.strip();
        if (t.isEmpty()) {
            return 0;
        }
        return Math.round(Double.parseDouble(t.replaceAll("[KMGTnc]+$", "")));
    }
}
