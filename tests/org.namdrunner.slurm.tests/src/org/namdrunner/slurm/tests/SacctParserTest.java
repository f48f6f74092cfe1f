package org.namdrunner.slurm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.scheduler.SchedulerJobState;
import org.namdrunner.core.scheduler.SchedulerJobState.Origin;
import org.namdrunner.slurm.internal.ParsedRows;
import org.namdrunner.slurm.internal.SacctParser;

/** sacct rows written from the facts file (fixtures/seed), and the odd rows a parser must survive. */
class SacctParserTest {

    private final SacctParser utc = new SacctParser(ZoneOffset.UTC);

    @Test
    void theFactsFileExamplesAreRead() {
        ParsedRows rows = utc.parse(Capture.seed("sacct_facts_examples").stdout());

        assertEquals(List.of(), rows.problems());
        assertEquals(8, rows.states().size());
        assertEquals(6, rows.stepRows(), "123.batch, .extern and .0 rows are ignored");
        Map<String, SchedulerJobState> byId = SqueueParserTest.byId(rows);

        SchedulerJobState cancelled = byId.get("201");
        assertEquals(JobStatus.CANCELLED, cancelled.status());
        assertEquals("CANCELLED by 1234", cancelled.rawState());
        assertEquals("0:0", cancelled.exitCode(), "the allocation's exit code, not the .batch step's 0:15");
        assertEquals(Instant.parse("2026-11-29T10:01:02Z"), cancelled.start());
        assertEquals(Instant.parse("2026-11-29T11:00:00Z"), cancelled.end());
        assertEquals(Origin.ACCOUNTING, cancelled.origin());

        assertEquals(JobStatus.CANCELLED, byId.get("202").status(), "CANCELLED+ is a truncated CANCELLED by ...");
        assertEquals("CANCELLED+", byId.get("202").rawState());
        assertEquals(JobStatus.TIMEOUT, byId.get("203").status());
        assertEquals(Duration.parse("P1DT2H3M4S"), byId.get("203").elapsed());
        assertEquals(JobStatus.OUT_OF_MEMORY, byId.get("204").status());
        assertEquals("0:125", byId.get("204").exitCode());
        assertEquals(JobStatus.NODE_FAIL, byId.get("205").status());

        SchedulerJobState pending = byId.get("206");
        assertEquals(JobStatus.PENDING, pending.status());
        assertNull(pending.start(), "Unknown");
        assertNull(pending.end(), "Unknown");
        assertEquals("Priority", pending.reason());

        SchedulerJobState cancelledWhilePending = byId.get("207");
        assertNull(cancelledWhilePending.start(), "None");
        assertEquals(Instant.parse("2026-11-29T09:00:00Z"), cancelledWhilePending.end());
        assertNull(cancelledWhilePending.reason(), "None is no reason");
    }

    @Test
    void timesAreReadInTheClustersZone() {
        SacctParser denver = new SacctParser(ZoneId.of("America/Denver"));
        SchedulerJobState s = denver.parse(Capture.oldSacct("208|COMPLETED|0:0|2026-11-29T10:01:02|2026-11-29T10:02:03|00:01:01|None")).states().get(0);
        assertEquals(Instant.parse("2026-11-29T17:01:02Z"), s.start());
        assertEquals(Duration.ofSeconds(61), Duration.between(s.start(), s.end()));
    }

    /** What SLURM_TIME_FORMAT=%s makes sacct print: epoch seconds, the same instant in any zone. */
    @Test
    void epochSecondsNeedNoZone() {
        String row = Capture.oldSacct("208|COMPLETED|0:0|1795971662|1795971723|00:01:01|None");
        for (String zone : new String[] { "America/Denver", "Asia/Kolkata", "UTC", "Pacific/Chatham" }) {
            SchedulerJobState s = new SacctParser(ZoneId.of(zone)).parse(row).states().get(0);
            assertEquals(Instant.parse("2026-11-29T17:01:02Z"), s.start(), zone);
            assertEquals(Instant.parse("2026-11-29T17:02:03Z"), s.end(), zone);
        }
        SchedulerJobState pending = new SacctParser(ZoneId.of("UTC")).parse(Capture.oldSacct("209|PENDING|0:0|Unknown|Unknown|00:00:00|Priority"))
                .states().get(0);
        assertEquals(null, pending.start());
    }

    @Test
    void badRowsAreSkippedAndReported() {
        ParsedRows rows = utc.parse(Capture.oldSacct(String.join("\n",
                "JobID|State|ExitCode|Start|End|Elapsed|Reason",
                "9|COMPLETED|0:0|2026-11-29T00:36:33",
                "10|COMPLETED|zero|yesterday|2026-11-29T00:36:34|00:00:01|None",
                "10.batch|garbage",
                "|||||||",
                "11|completed|0:0|None|None|00:00:00|None")));

        assertEquals(List.of("10"), rows.states().stream().map(SchedulerJobState::slurmId).toList());
        assertEquals(1, rows.stepRows());
        assertEquals(4, rows.rejectedRows());
        SchedulerJobState kept = rows.states().get(0);
        assertNull(kept.exitCode());
        assertNull(kept.start());
        assertEquals(Instant.parse("2026-11-29T00:36:34Z"), kept.end());
        assertEquals(6, rows.problems().size(), String.join("\n", rows.problems()));
        assertTrue(rows.problems().stream().anyMatch(p -> p.contains("line 1 was skipped") && p.contains("JobID")));
    }

    @Test
    void aReasonMayHoldBars() {
        SchedulerJobState s = utc.parse(Capture.oldSacct("12|PENDING|0:0|Unknown|Unknown|00:00:00|a|b")).states().get(0);
        assertEquals("a|b", s.reason());
    }
}
