package org.namdrunner.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.jobtype.JobType;
import org.namdrunner.core.jobtype.JobType.LogSummary;
import org.namdrunner.core.jobtype.LogFollower;
import org.namdrunner.core.model.Job;

/** A job type that only parses text still follows a long log: its parser sees the log's head and its latest tail. */
class DefaultLogFollowerTest {

    /** Counts lines "total N" and "step N" the way a simple third-party job type would. */
    static final class TextType implements JobType {
        final List<String> seen = new ArrayList<>();

        @Override public String id() { return "text"; }
        @Override public String name() { return "Text"; }
        @Override public List<InputFileSpec> inputFiles() { return List.of(); }
        @Override public void validate(Map<String, String> parameters) { }
        @Override public Map<String, String> renderFiles(Job job, Map<String, String> p, ClusterProfile profile) { return Map.of(); }
        @Override public String renderBatchBody(Job job, Map<String, String> p, ClusterProfile profile) { return ""; }
        @Override public String logFile(Job job) { return "log"; }

        @Override
        public LogSummary parseLog(String logText) {
            seen.add(logText);
            long total = 0;
            long step = 0;
            for (String line : logText.split("\n")) {
                if (line.startsWith("total ")) {
                    total = Long.parseLong(line.substring(6).trim());
                } else if (line.startsWith("step ")) {
                    step = Long.parseLong(line.substring(5).trim());
                }
            }
            return new LogSummary(step, total, 0, "", "");
        }
    }

    @Test
    void theHeadsTotalAndTheTailsStepSurviveMegabytesInBetween() {
        TextType type = new TextType();
        LogFollower f = type.followLog(null);
        f.lines("total 1000000\n");
        StringBuilder chunk = new StringBuilder();
        for (int step = 1; step <= 200_000; step++) {
            chunk.append("step ").append(step).append('\n');
            if (chunk.length() > 100_000) {
                f.lines(chunk);
                chunk.setLength(0);
            }
        }
        f.lines(chunk);
        LogSummary s = f.summary();
        assertEquals(1_000_000, s.totalSteps(), "from the head");
        assertEquals(200_000, s.step(), "from the tail");
        String parsed = type.seen.get(type.seen.size() - 1);
        assertTrue(parsed.length() < 4 * 64 * 1024, "the parser gets head and tail, not the whole log: " + parsed.length());
        assertTrue(f.series().isEmpty(), "a text-only job type plots nothing");
    }

    @Test
    void aSkippedStretchDoesNotJoinTwoHalfLines() {
        TextType type = new TextType();
        LogFollower f = type.followLog(null);
        f.lines("total 10\nstep 3");
        f.skipped();
        f.lines("step 7\n");
        assertEquals(7, f.summary().step());
    }
}
