package org.namdrunner.slurm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.model.JobUsage;
import org.namdrunner.slurm.internal.ParsedRows;
import org.namdrunner.slurm.internal.SacctParser;

/**
 * A finished job's usage from sacct's rows, on output recorded on the twin (fixtures/real/README.md): the
 * allocation's cores, request and limit, the largest MaxRSS of all its steps, and the steps' CPU time.
 */
class SacctUsageTest {

    private static final long K = 1024;
    private final SacctParser parser = new SacctParser(ZoneOffset.UTC);

    private Map<String, JobUsage> usage(String capture) {
        ParsedRows rows = parser.parse(Capture.real(capture).stdout());
        assertEquals(List.of(), rows.problems(), capture);
        return rows.usage();
    }

    @Test
    void theBurnJobReadsAsSeffWouldCompute() {
        JobUsage u = usage("sacct_usage_with_steps").get("11035");
        assertEquals(Duration.ofSeconds(21), u.elapsed());
        assertEquals(Duration.ofMillis(4015), u.totalCpu(), "batch 0.478 + extern 0.001 + step .0 3.535");
        assertEquals(2, u.allocatedCpus());
        assertEquals(1, u.nodes());
        assertEquals(316972 * K, u.maxRssBytes(), "the batch step's MaxRSS, the largest of .batch, .extern and .0");
        assertEquals(1024 * K * K, u.requestedMemoryBytes());
        assertEquals(Duration.ofMinutes(10), u.timeLimit());
        assertEquals(0, u.gpus());
        // seff: CPU efficiency = TotalCPU / (Elapsed × cores)
        assertEquals(4.015 / (21 * 2), u.cpuEfficiency().getAsDouble(), 1e-9);
        assertEquals(316972.0 / (1024 * 1024), u.memoryEfficiency().getAsDouble(), 1e-9);
        assertEquals(21.0 / 600, u.walltimeFraction().getAsDouble(), 1e-9);
    }

    @Test
    void everyEdgeOfTheCaptureReads() {
        Map<String, JobUsage> all = usage("sacct_usage_with_steps");
        assertEquals(7, all.size(), "every finished job has a usage: " + all.keySet());
        assertEquals(2, all.get("11029").gpus());
        assertEquals(22452 * K, all.get("15").maxRssBytes(), "TIMEOUT: the CANCELLED .batch step's MaxRSS");
        assertEquals(Duration.ofMinutes(1), all.get("15").timeLimit());
        assertEquals(1640 * K, all.get("9807").maxRssBytes(), "the .batch step was not sampled: .extern's is the largest known");
        JobUsage pending = all.get("19");
        assertEquals(Duration.ZERO, pending.elapsed(), "cancelled while pending");
        assertNull(pending.maxRssBytes(), "no steps, no MaxRSS");
        assertTrue(pending.cpuEfficiency().isEmpty(), "nothing ran: no efficiency rather than 0%");
        assertEquals(64, pending.allocatedCpus());
    }

    @Test
    void allocationsOnlyHaveNoMemoryUseAndNoCpuTime() {
        // why the poll's sacct lists the steps: with -X, TotalCPU is 00:00:00 and MaxRSS empty on every row
        JobUsage u = usage("sacct_usage").get("11035");
        assertNull(u.maxRssBytes());
        assertEquals(Duration.ZERO, u.totalCpu());
        assertFalse(usage("sacct_usage").values().stream().anyMatch(x -> x.maxRssBytes() != null));
    }

    @Test
    void runningJobsHaveNoUsageYet() {
        String running = "77|RUNNING|0:0|1796174507|1796174507|Unknown|00:05:00|00:01.000|4|1|4G||01:00:00|cpu=4|j||/s|None\n"
                + "77.batch|RUNNING|0:0|1796174507|1796174507|Unknown|00:05:00|00:01.000|4|1||100M||cpu=4|batch|||\n";
        ParsedRows rows = parser.parse(running);
        assertEquals(1, rows.states().size());
        assertTrue(rows.usage().isEmpty(), rows.usage().toString());
    }

    @Test
    void olderSlurmsPerNodeAndPerCoreRequestsAndAnUnreadableFieldIsNoted() {
        String rows = "5|COMPLETED|0:0|1|2|3|01:00:00|1-02:00:00|64|2|4Gn||1-00:00:00|cpu=64|j||/s|None\n"
                + "5.batch|COMPLETED|0:0|1|2|3|01:00:00|12:00:00|32|1||2.5G||cpu=32|batch|||\n"
                + "5.0|COMPLETED|0:0|1|2|3|01:00:00|14:00:00|64|2||3G||cpu=64|namd3|||\n"
                + "6|COMPLETED|0:0|1|2|3|00:10:00|10:00.250|4|1|3840Mc||00:30:00||j||/s|None\n"
                + "7|COMPLETED|0:0|1|2|3|00:10:00|later|4|1|1G||00:30:00||j||/s|None\n";
        ParsedRows parsed = parser.parse(rows);
        JobUsage five = parsed.usage().get("5");
        assertEquals(8L * K * K * K, five.requestedMemoryBytes(), "4 GB per node on 2 nodes");
        assertEquals(3L * K * K * K, five.maxRssBytes());
        assertEquals(Duration.ofHours(26), five.totalCpu(), "the allocation's sum already covers its steps");
        assertEquals(26.0 / 64, five.cpuEfficiency().getAsDouble(), 1e-9);
        JobUsage six = parsed.usage().get("6");
        assertEquals(4 * 3840L * K * K, six.requestedMemoryBytes(), "3840 MB per core on 4 cores");
        assertEquals(Duration.ofMinutes(10).plusMillis(250), six.totalCpu());
        assertFalse(parsed.usage().containsKey("7"), "an unreadable CPU time leaves the usage out");
        assertEquals(3, parsed.states().size(), "the state of job 7 is still read");
        assertEquals(1, parsed.problems().size(), parsed.problems().toString());
        assertTrue(parsed.problems().get(0).contains("later"), parsed.problems().toString());
    }
}
