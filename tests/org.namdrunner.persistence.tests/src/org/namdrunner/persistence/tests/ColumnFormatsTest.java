package org.namdrunner.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.model.ErrorInfo;
import org.namdrunner.core.model.MemorySize;
import org.namdrunner.core.model.Resources;
import org.namdrunner.persistence.internal.JsonCodec;
import org.namdrunner.persistence.internal.Times;

/** The text forms of the columns: exact round trips, and time text that sorts like time. */
class ColumnFormatsTest {

    @Test
    void timesComeBackExactAndSortAsText() {
        Random random = new Random(7);
        List<Instant> times = new ArrayList<>(List.of(Instant.parse("2026-11-29T10:00:00Z"), Instant.parse("2026-11-29T10:00:00.5Z"),
                Instant.parse("2026-11-29T10:00:00.000000001Z"), Instant.parse("1999-12-31T23:59:59.999999999Z")));
        for (int i = 0; i < 2000; i++) {
            times.add(Instant.ofEpochSecond(1_500_000_000L + random.nextInt(400_000_000), random.nextInt(1_000_000_000)));
        }
        for (Instant t : times) {
            String text = Times.format(t);
            assertEquals(30, text.length(), text);
            assertEquals(t, Times.parse(text));
            assertEquals(t, Instant.parse(text), "plain ISO-8601");
        }
        List<Instant> byText = times.stream().sorted((a, b) -> Times.format(a).compareTo(Times.format(b))).toList();
        assertEquals(times.stream().sorted().toList(), byText);
    }

    @Test
    void shorterAndLegacyTimesAreRead() {
        assertEquals(Instant.parse("2026-11-29T10:00:00Z"), Times.parse("2026-11-29T10:00:00Z"));
        assertEquals(Instant.parse("2026-11-29T10:00:00.120Z"), Times.parse("2026-11-29T10:00:00.12Z"));
        assertNull(Times.parse(null));
        assertThrows(RuntimeException.class, () -> Times.parse("2026-13-29T10:00:00Z"));
        assertEquals(Instant.parse("2025-10-03T10:00:00Z"), Times.parseLegacy("2025-10-03 10:00:00"));
        assertEquals(Instant.parse("2025-10-03T10:00:00Z"), Times.parseLegacy("2025-10-03T10:00:00"));
        assertEquals(Instant.parse("2025-10-04T06:00:00Z"), Times.parseLegacy("2025-10-04T08:00:00+02:00"));
        assertNull(Times.parseLegacy("yesterday"));
    }

    @Test
    void jsonColumnsRoundTripAnyText() {
        Resources r = new Resources(128, MemorySize.parse("512MB"), Duration.ofDays(7).plusSeconds(1), "amilan", "long", "ucb-general", 4, "ib&avx2");
        assertEquals(r, JsonCodec.resources(JsonCodec.resources(r)));
        ErrorInfo e = new ErrorInfo("NAMD", "FATAL ERROR: \"x\" \\ <tag> & caf\u00e9\nsecond line\ttab", "137:9", Instant.parse("2026-01-01T00:00:00.25Z"));
        assertEquals(e, JsonCodec.error(JsonCodec.error(e)));
        assertNull(JsonCodec.error((String) null));
        List<String> files = List.of("input_files/a.psf", "outputs/run+1.dcd");
        assertEquals(files, JsonCodec.strings(JsonCodec.strings(files)));
        assertEquals(List.of(), JsonCodec.strings("[]"));
        assertThrows(RuntimeException.class, () -> JsonCodec.strings("[\"a\"] trailing"));
        assertTrue(JsonCodec.resources(r).startsWith("{\"cores\":128,\"memory\":\"512MB\""), JsonCodec.resources(r));
    }
}
