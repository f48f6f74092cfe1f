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
        ParsedRows rows = SqueueParser.parse(c.stdout());

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
        Map<String, SchedulerJobState> byId = byId(SqueueParser.parse(Capture.seed("squeue_every_state_long").stdout()));

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
        ParsedRows rows = SqueueParser.parse("24|PENDING|" + reason + "|0:00|3-00:00:00|1|1||/home/u/x\n"
                + "25|PENDING|weird|reason|0:00|5:00|1|1||/home/u/y\n");
        assertEquals(List.of(), rows.problems());
        assertEquals(reason, rows.states().get(0).reason());
        assertEquals("weird|reason", rows.states().get(1).reason());
        assertEquals(Duration.ofMinutes(5), rows.states().get(1).timeLeft());
        assertEquals("/home/u/y", rows.states().get(1).workDir());
    }

    @Test
    void anUnknownStateIsKeptRawAsUnknownAndNoted() {
        ParsedRows rows = SqueueParser.parse("17|LAUNCH_FAILED|None|0:01|4:59|1|1|vm|/home/u\n");
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
        ParsedRows rows = SqueueParser.parse(out);

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
        ParsedRows rows = SqueueParser.parse(out);
        assertEquals(List.of(), rows.states());
        assertEquals(List.of(), rows.problems());
    }

    @Test
    void windowsLineEndsAreTolerated() {
        ParsedRows rows = SqueueParser.parse("17|RUNNING|None|0:06|29:54|1|1|vm|/home/u\r\n18|PENDING|Priority|0:00|5:00|1|1||/home/u\r\n");
        assertEquals(List.of(), rows.problems());
        assertEquals("/home/u", rows.states().get(1).workDir());
    }

    static Map<String, SchedulerJobState> byId(ParsedRows rows) {
        return rows.states().stream().collect(Collectors.toMap(SchedulerJobState::slurmId, Function.identity()));
    }
}
