package org.namdrunner.slurm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.scheduler.SchedulerJobState;
import org.namdrunner.core.scheduler.SchedulerJobState.Origin;
import org.namdrunner.slurm.SlurmState;
import org.namdrunner.slurm.internal.ParsedRows;
import org.namdrunner.slurm.internal.SqueueParser;

/** squeue rows written from the facts file (fixtures/seed), and the odd rows a parser must survive. */
class SqueueParserTest {

    @ParameterizedTest
    @ValueSource(strings = { "squeue_every_state_long", "squeue_every_state_compact" })
    void everyStateRowIsReadAndMapped(String fixture) {
        Capture c = Capture.seed(fixture);
        ParsedRows rows = SqueueParser.parse(c.stdout(), java.time.ZoneOffset.UTC);

        assertEquals(List.of(), rows.problems());
        assertEquals(24, rows.states().size());
        for (SchedulerJobState s : rows.states()) {
            SlurmState expected = SlurmState.parse(s.rawState()).orElseThrow();
            assertEquals(expected.status(), s.status(), s.slurmId() + " " + s.rawState());
            assertEquals(Origin.QUEUE, s.origin());
            assertTrue(s.workDir().startsWith("/scratch/alpine/ralph/namdrunner_jobs/j"), s.workDir());
        }
    }

    @Test
    void fieldsOfTheSeedRowsAreRead() {
        Map<String, SchedulerJobState> byId = byId(SqueueParser.parse(Capture.seed("squeue_every_state_long").stdout(), java.time.ZoneOffset.UTC));

        SchedulerJobState running = byId.get("103");
        assertEquals(JobStatus.RUNNING, running.status());
        assertEquals(Duration.parse("P1DT2H3M4S"), running.elapsed());
        assertEquals(Duration.parse("PT5H56M56S"), running.timeLeft());
        assertEquals(2, running.nodes());
        assertEquals(128, running.cpus());
        assertEquals("c3cpu-a2-u1-[1-2]", running.nodeList());
        assertNull(running.reason(), "'None' is no reason");

        SchedulerJobState pending = byId.get("101");
        assertEquals("Priority", pending.reason());
        assertNull(pending.nodeList());
        assertEquals(Duration.ofDays(1), pending.timeLeft());

        assertNull(byId.get("108").timeLeft(), "INVALID");
        assertEquals(JobStatus.TIMEOUT, byId.get("108").status());
        assertNull(byId.get("110").timeLeft(), "UNLIMITED");
        assertEquals(Duration.ofMinutes(45), byId.get("111").elapsed(), "MM:SS");
        assertNull(byId.get("103").exitCode(), "squeue has no exit code");
    }

    @Test
    void aReasonWithSpacesCommasAndEvenABarStaysWhole() {
        String reason = "Nodes required for job are DOWN, DRAINED or reserved for jobs in higher priority partitions";
        ParsedRows rows = SqueueParser.parse("24|PENDING|1795946000|1795950000|1796000000|0:00|3-00:00:00|1|1||a|namdrunner:job_a|/home/u/x|"
                + reason + "\n" + "25|PENDING||||0:00|5:00|1|1||b|(null)|/home/u/y|weird|reason\n", java.time.ZoneOffset.UTC);
        assertEquals(List.of(), rows.problems());
        assertEquals(reason, rows.states().get(0).reason());
        assertEquals("weird|reason", rows.states().get(1).reason());
        assertEquals(Duration.ofMinutes(5), rows.states().get(1).timeLeft());
        assertEquals("/home/u/y", rows.states().get(1).workDir());
        assertEquals(java.time.Instant.ofEpochSecond(1795946000), rows.states().get(0).submitted());
        assertNull(rows.states().get(0).start(), "a pending job's %S is only an expected start");
        assertNull(rows.states().get(0).end(), "and its %e an expected end");
        assertEquals("a", rows.states().get(0).jobName());
        assertEquals("namdrunner:job_a", rows.states().get(0).comment());
        assertNull(rows.states().get(1).comment(), "(null) is no comment");
    }

    @Test
    void aFinishedJobHasSlurmsSubmitStartAndEndTimes() {
        ParsedRows rows = SqueueParser.parse("31|FAILED|1795946000|1795946010|1795946013|0:03|4:57|1|1|vm|n|namdrunner:job_b|/s/job_b|NonZeroExitCode\n"
                + "32|RUNNING|1795946000|1795946010|1795949610|0:03|59:57|1|1|vm|n|(null)|/s/job_c|None\n", java.time.ZoneOffset.UTC);
        assertEquals(List.of(), rows.problems());
        SchedulerJobState failed = rows.states().get(0);
        assertEquals(java.time.Instant.ofEpochSecond(1795946010), failed.start());
        assertEquals(java.time.Instant.ofEpochSecond(1795946013), failed.end());
        SchedulerJobState running = rows.states().get(1);
        assertEquals(java.time.Instant.ofEpochSecond(1795946010), running.start());
        assertNull(running.end(), "a running job's %e is when its walltime would end, not a fact");
    }

    @Test
    void anUnknownStateIsKeptRawAsUnknownAndNoted() {
        ParsedRows rows = SqueueParser.parse(Capture.oldSqueue("17|LAUNCH_FAILED|None|0:01|4:59|1|1|vm|/home/u\n"), java.time.ZoneOffset.UTC);
        assertEquals(1, rows.states().size());
        assertEquals(JobStatus.UNKNOWN, rows.states().get(0).status());
        assertEquals("LAUNCH_FAILED", rows.states().get(0).rawState());
        assertEquals(1, rows.problems().size());
        assertTrue(rows.problems().get(0).contains("LAUNCH_FAILED"), rows.problems().get(0));
    }

    @Test
    void badRowsAreSkippedAndReportedWhileGoodRowsSurvive() {
        String out = String.join("\n",
                "17|RUNNING|None|0:06|29:54|1|1|vm|/home/u",
                "slurm_load_jobs error: Socket timed out",
                "18|RUNNING|None",
                "RUNNING|19|None|0:06|29:54|1|1|vm|/home/u",
                "20|None|RUNNING|0:06|29:54|1|1|vm|/home/u",
                "",
                "21|PENDING|Priority|zero|5:00|one|1||/home/u",
                "\r");
        ParsedRows rows = SqueueParser.parse(Capture.oldSqueue(out), java.time.ZoneOffset.UTC);

        assertEquals(List.of("17", "21"), rows.states().stream().map(SchedulerJobState::slurmId).toList());
        assertEquals(4, rows.rejectedRows());
        assertEquals(6, rows.problems().size(), String.join("\n", rows.problems()));
        assertTrue(rows.problems().get(0).startsWith("squeue line 2 was skipped"), rows.problems().get(0));
        SchedulerJobState kept = rows.states().get(1);
        assertNull(kept.elapsed());
        assertNull(kept.nodes());
        assertEquals(1, kept.cpus());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "\n\n", "   " })
    void emptyOutputMeansNoJobs(String out) {
        ParsedRows rows = SqueueParser.parse(out, java.time.ZoneOffset.UTC);
        assertEquals(List.of(), rows.states());
        assertEquals(List.of(), rows.problems());
    }

    @Test
    void windowsLineEndsAreTolerated() {
        ParsedRows rows = SqueueParser.parse("17|RUNNING||||0:06|29:54|1|1|vm|n||/home/u|None\r\n18|PENDING||||0:00|5:00|1|1||n||/home/u|Priority\r\n", java.time.ZoneOffset.UTC);
        assertEquals(List.of(), rows.problems());
        assertEquals("/home/u", rows.states().get(1).workDir());
    }

    static Map<String, SchedulerJobState> byId(ParsedRows rows) {
        return rows.states().stream().collect(Collectors.toMap(SchedulerJobState::slurmId, Function.identity()));
    }
}
