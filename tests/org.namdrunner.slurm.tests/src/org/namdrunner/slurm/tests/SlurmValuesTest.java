package org.namdrunner.slurm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.namdrunner.slurm.internal.SlurmValues;
import org.namdrunner.slurm.internal.UnreadableValueException;

/** Times, durations and counts as squeue and sacct print them. */
class SlurmValuesTest {

    private static final ZoneId DENVER = ZoneId.of("America/Denver");

    @Test
    void timesAreLocalTimesOfTheClustersZone() throws Exception {
        assertEquals(Instant.parse("2026-11-29T17:01:02Z"), SlurmValues.instant("2026-11-29T10:01:02", DENVER));
        assertEquals(Instant.parse("2026-11-29T10:01:02Z"), SlurmValues.instant("2026-11-29T10:01:02", ZoneOffset.UTC));
        assertEquals(Instant.parse("2026-07-01T06:00:00Z"), SlurmValues.instant("2026-07-01T00:00:00", DENVER), "summer time");
    }

    @ParameterizedTest
    @ValueSource(strings = { "Unknown", "None", "", "  " })
    void missingTimesAreNull(String text) throws Exception {
        assertNull(SlurmValues.instant(text, DENVER));
    }

    @Test
    void epochSecondsAreInstantsInEveryZone() throws Exception {
        assertEquals(Instant.parse("2026-11-29T17:01:02Z"), SlurmValues.instant("1795971662", DENVER));
        assertEquals(Instant.parse("2026-11-29T17:01:02Z"), SlurmValues.instant(" 1795971662 ", ZoneOffset.ofHoursMinutes(5, 30)));
        assertNull(SlurmValues.instant("0", DENVER), "0 stands for never");
    }

    @ParameterizedTest
    @ValueSource(strings = { "2026-13-01T00:00:00", "2026-11-29 10:01:02", "yesterday", "2026-11-29T25:00:00",
            "99999-11-29T10:01:02", "-1795971662", "1795971662.5", "9999999999999" })
    void malformedTimesAreReportedNotGuessed(String text) {
        assertThrows(UnreadableValueException.class, () -> SlurmValues.instant(text, DENVER));
    }

    @ParameterizedTest
    @CsvSource({ "1-02:03:04, 93784", "0:00, 0", "5:00, 300", "29:51, 1791", "1:24, 84", "12:34:56, 45296",
            "00:00:05, 5", "3-00:00:00, 259200", "2-00, 172800", "1-12:30, 131400", "10, 600", "00:00:05.123, 5" })
    void durationsInEverySlurmForm(String text, long seconds) throws Exception {
        assertEquals(Duration.ofSeconds(seconds), SlurmValues.duration(text));
    }

    @ParameterizedTest
    @ValueSource(strings = { "INVALID", "UNLIMITED", "NOT_SET", "Unknown", "" })
    void limitlessOrInvalidDurationsAreNull(String text) throws Exception {
        assertNull(SlurmValues.duration(text));
    }

    @ParameterizedTest
    @ValueSource(strings = { "1:2:3:4", "a:b", "-5", "1-", "99999999999", "1-02:03:04:05", "5 min" })
    void malformedDurationsAreReported(String text) {
        assertThrows(UnreadableValueException.class, () -> SlurmValues.duration(text));
    }

    @ParameterizedTest
    @CsvSource({ "1, 1", "128, 128", "2K, 2048", "1.5K, 1536", "1M, 1048576" })
    void countsIncludingSqueueAbbreviations(String text, int expected) throws Exception {
        assertEquals(expected, SlurmValues.count(text));
    }

    @ParameterizedTest
    @ValueSource(strings = { "x", "-1", "3G", "1.2.3", "9999999999" })
    void impossibleCountsAreReported(String text) {
        assertThrows(UnreadableValueException.class, () -> SlurmValues.count(text));
    }

    @Test
    void exitCodesAreStatusColonSignal() throws Exception {
        assertEquals("0:15", SlurmValues.exitCode("0:15"));
        assertNull(SlurmValues.exitCode(""));
        assertThrows(UnreadableValueException.class, () -> SlurmValues.exitCode("15"));
    }

    @Test
    void noValueWordsBecomeNull() {
        assertNull(SlurmValues.text("None"));
        assertNull(SlurmValues.text("(null)"));
        assertEquals("c3cpu-a2-u1-[1-2]", SlurmValues.text(" c3cpu-a2-u1-[1-2] "));
    }
}
