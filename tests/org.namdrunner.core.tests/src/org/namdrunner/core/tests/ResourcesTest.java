package org.namdrunner.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.MemorySize;
import org.namdrunner.core.model.Resources;

class ResourcesTest {

    @Test
    void memoryAlwaysCarriesAUnit() {
        assertEquals("32G", MemorySize.parse("32GB").toSlurm());
        assertEquals("512M", MemorySize.parse("512 mb").toSlurm());
        assertEquals("1T", MemorySize.parse("1T").toSlurm());
        assertEquals(2048, MemorySize.parse("2G").toMegabytes());
    }

    @ParameterizedTest
    @ValueSource(strings = { "32", "", " ", "32 GiBs", "-1G", "0G", "1.5G", "G", "32K" })
    void unclearMemoryIsRefused(String text) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> MemorySize.parse(text));
        assertEquals("memory", e.field());
    }

    @Test
    void bareNumberMessageExplainsTheUnit() {
        String msg = assertThrows(InvalidInputException.class, () -> MemorySize.parse("32")).getMessage();
        assertTrue(msg.contains("unit"), msg);
    }

    @Test
    void walltimeIsWrittenTheWaySlurmReadsIt() {
        Resources r = Resources.minimal();
        assertEquals("01:00:00", r.walltimeForSlurm());
        assertEquals("1-02:03:04", r.withWalltime(Duration.ofSeconds(86_400 + 2 * 3600 + 3 * 60 + 4)).walltimeForSlurm());
        assertEquals("7-00:00:00", r.withWalltime(Duration.ofDays(7)).walltimeForSlurm());
    }

    @Test
    void schedulerNamesAreChecked() {
        Resources r = Resources.minimal();
        assertEquals("cpu-normal", r.withQos("cpu-normal").qos());
        assertThrows(InvalidInputException.class, () -> r.withPartition("acpu;id"));
        assertThrows(InvalidInputException.class, () -> r.withAccount("ucb general"));
        assertThrows(InvalidInputException.class, () -> r.withCores(0));
        assertThrows(InvalidInputException.class, () -> r.withWalltime(Duration.ofSeconds(30)));
    }
}
