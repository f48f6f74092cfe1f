package org.namdrunner.slurm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.slurm.SlurmState;

/** The state map against the facts file's list of compact codes and long names. */
class SlurmStateTest {

    /** Copied from cluster-facts.md ("Compact squeue codes vs long names"), with the status each must mean. */
    @ParameterizedTest
    @CsvSource({
            "PD, PENDING, PENDING", "CF, CONFIGURING, PENDING", "R, RUNNING, RUNNING", "CG, COMPLETING, RUNNING",
            "CD, COMPLETED, COMPLETED", "F, FAILED, FAILED", "CA, CANCELLED, CANCELLED", "TO, TIMEOUT, TIMEOUT",
            "NF, NODE_FAIL, NODE_FAIL", "PR, PREEMPTED, PREEMPTED", "OOM, OUT_OF_MEMORY, OUT_OF_MEMORY",
            "BF, BOOT_FAIL, BOOT_FAIL", "DL, DEADLINE, DEADLINE", "RQ, REQUEUED, PENDING", "RH, REQUEUE_HOLD, PENDING",
            "RF, REQUEUE_FED, PENDING", "RS, RESIZING, RUNNING", "RD, RESV_DEL_HOLD, PENDING", "RV, REVOKED, UNKNOWN",
            "S, SUSPENDED, SUSPENDED", "ST, STOPPED, SUSPENDED", "SE, SPECIAL_EXIT, PENDING", "SI, SIGNALING, RUNNING",
            "SO, STAGE_OUT, RUNNING" })
    void everyStateOfTheFactsFileMapsByCodeAndByName(String code, String longName, JobStatus expected) {
        SlurmState byName = SlurmState.parse(longName).orElseThrow();
        assertEquals(Optional.of(byName), SlurmState.parse(code), code);
        assertEquals(code, byName.code());
        assertEquals(expected, byName.status());
        assertEquals(expected, SlurmState.statusOf(code));
    }

    @Test
    void theMapHasExactlyTheTwentyFourStatesOfTheFactsFile() {
        Set<String> facts = Set.of("PENDING", "CONFIGURING", "RUNNING", "COMPLETING", "COMPLETED", "FAILED", "CANCELLED",
                "TIMEOUT", "NODE_FAIL", "PREEMPTED", "OUT_OF_MEMORY", "BOOT_FAIL", "DEADLINE", "REQUEUED", "REQUEUE_HOLD",
                "REQUEUE_FED", "RESIZING", "RESV_DEL_HOLD", "REVOKED", "SUSPENDED", "STOPPED", "SPECIAL_EXIT", "SIGNALING",
                "STAGE_OUT");
        assertEquals(facts, Arrays.stream(SlurmState.values()).map(Enum::name).collect(Collectors.toSet()));
        assertEquals(24, Arrays.stream(SlurmState.values()).map(SlurmState::code).distinct().count(), "codes are unique");
    }

    @Test
    void causesOfFailureStayDistinct() {
        List<SlurmState> causes = List.of(SlurmState.TIMEOUT, SlurmState.OUT_OF_MEMORY, SlurmState.NODE_FAIL,
                SlurmState.PREEMPTED, SlurmState.BOOT_FAIL, SlurmState.DEADLINE);
        Set<JobStatus> statuses = causes.stream().map(SlurmState::status).collect(Collectors.toSet());
        assertEquals(causes.size(), statuses.size());
        assertFalse(statuses.contains(JobStatus.FAILED));
        assertTrue(statuses.stream().allMatch(JobStatus::isTerminal));
    }

    @Test
    void onlyStatesWithAnOutcomeAreTerminal() {
        Set<SlurmState> finished = EnumSet.of(SlurmState.COMPLETED, SlurmState.FAILED, SlurmState.CANCELLED,
                SlurmState.TIMEOUT, SlurmState.NODE_FAIL, SlurmState.PREEMPTED, SlurmState.OUT_OF_MEMORY,
                SlurmState.BOOT_FAIL, SlurmState.DEADLINE);
        for (SlurmState s : SlurmState.values()) {
            assertEquals(finished.contains(s), s.status().isTerminal(), s.name());
        }
        assertEquals(JobStatus.SUSPENDED, SlurmState.SUSPENDED.status());
        assertNotEquals(JobStatus.COMPLETED, SlurmState.COMPLETING.status(), "COMPLETING is not COMPLETED yet");
    }

    @ParameterizedTest
    @CsvSource({ "'CANCELLED by 1001', CANCELLED", "'CANCELLED by 0', CANCELLED", "CANCELLED+, CANCELLED",
            "OUT_OF_ME+, OUT_OF_MEMORY", "REQUEUE_H+, REQUEUE_HOLD", "'  RUNNING ', RUNNING", "COMPLETI+, COMPLETING" })
    void suffixesAndTruncationAreUnderstood(String raw, SlurmState expected) {
        assertEquals(Optional.of(expected), SlurmState.parse(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = { "REQUEUE_+", "C+", "COMP+", "LAUNCH_FAILED", "running", "None", "", "CANCELLED by you",
            "123", "PENDING|x", "\u00c9TAT", "RUNNING\nFAILED" })
    void anythingElseIsUnknownWithoutAnException(String raw) {
        assertEquals(Optional.empty(), SlurmState.parse(raw));
        assertEquals(JobStatus.UNKNOWN, SlurmState.statusOf(raw));
    }

    @Test
    void nullIsUnknown() {
        assertEquals(JobStatus.UNKNOWN, SlurmState.statusOf(null));
        assertFalse(SlurmState.hasStateShape(null));
    }

    @Test
    void aNewUpperCaseStateHasTheShapeOfAState() {
        assertTrue(SlurmState.hasStateShape("LAUNCH_FAILED"));
        assertTrue(SlurmState.hasStateShape("CANCELLED by 1001"));
        assertFalse(SlurmState.hasStateShape("None"));
        assertFalse(SlurmState.hasStateShape("17"));
    }
}
