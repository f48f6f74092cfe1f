package org.namdrunner.slurm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.namdrunner.slurm.internal.UnreadableValueException;
import org.namdrunner.slurm.internal.UsageValues;

/** Every shape sacct prints the efficiency fields in (SLURM 22.05 on the twin, and older SLURM's ReqMem). */
class UsageValuesTest {

    private static final long K = 1024;
    private static final long M = K * K;
    private static final long G = M * K;

    @Test
    void cpuTimeInEachOfItsShapes() throws Exception {
        assertEquals(Duration.ofSeconds(4).plusMillis(512), UsageValues.cpuTime("00:04.512"));   // MM:SS.mmm below an hour
        assertEquals(Duration.ofMinutes(59).plusSeconds(59).plusMillis(1), UsageValues.cpuTime("59:59.001"));
        assertEquals(Duration.ofHours(12).plusMinutes(3).plusSeconds(4), UsageValues.cpuTime("12:03:04"));
        assertEquals(Duration.ofDays(1).plusHours(2).plusMinutes(3).plusSeconds(4), UsageValues.cpuTime("1-02:03:04"));
        assertEquals(Duration.ofDays(12).plusHours(2).plusMillis(500), UsageValues.cpuTime("12-02:00:00.5"));
        assertEquals(Duration.ZERO, UsageValues.cpuTime("00:00:00"));
        assertNull(UsageValues.cpuTime(""));
        assertNull(UsageValues.cpuTime("   "));
        assertThrows(UnreadableValueException.class, () -> UsageValues.cpuTime("1-02:03"));
        assertThrows(UnreadableValueException.class, () -> UsageValues.cpuTime("soon"));
        assertThrows(UnreadableValueException.class, () -> UsageValues.cpuTime("12"));
    }

    @Test
    void maxRssWithEachSuffixOrNone() throws Exception {
        assertEquals(22116 * K, UsageValues.bytes("22116K"));
        assertEquals(Math.round(12.5 * M), UsageValues.bytes("12.50M"));
        assertEquals(2 * G, UsageValues.bytes("2G"));
        assertEquals(3 * G * K, UsageValues.bytes("3T"));
        assertEquals(512L, UsageValues.bytes("512"), "no suffix: bytes");
        assertEquals(0L, UsageValues.bytes("0"));
        assertNull(UsageValues.bytes(""), "a step too short to be sampled");
        assertThrows(UnreadableValueException.class, () -> UsageValues.bytes("4Gn"), "per-node is ReqMem's, not a size");
        assertThrows(UnreadableValueException.class, () -> UsageValues.bytes("lots"));
    }

    @Test
    void requestedMemoryPerJobPerNodeOrPerCore() throws Exception {
        assertEquals(400 * M, UsageValues.requestedMemory("400M", 1, 1), "SLURM 21.08+: the job's whole request");
        assertEquals(3840 * M, UsageValues.requestedMemory("3840M", 64, 1));
        assertEquals(8 * G, UsageValues.requestedMemory("4Gn", 64, 2), "older SLURM: per node, times the nodes");
        assertEquals(64 * 3840 * M, UsageValues.requestedMemory("3840Mc", 64, 1), "older SLURM: per core, times the cores");
        assertEquals(4 * G, UsageValues.requestedMemory("4Gc", 1, 1));
        assertEquals(4 * G, UsageValues.requestedMemory("4Gn", 0, 0), "unknown counts read as one");
        assertEquals(32 * M, UsageValues.requestedMemory("32", 1, 1), "no unit: megabytes, as sbatch --mem");
        assertNull(UsageValues.requestedMemory("", 1, 1));
        assertNull(UsageValues.requestedMemory("16?", 1, 1), "seen on the twin just after a job ended: SLURM's no-value past its units");
        assertNull(UsageValues.bytes("16?"));
        assertThrows(UnreadableValueException.class, () -> UsageValues.requestedMemory("4Gx", 1, 1));
    }

    @Test
    void gpusFromTheAllocatedTres() {
        assertEquals(2, UsageValues.gpus("billing=2,cpu=2,gres/gpu=2,mem=1G,node=1"));
        assertEquals(0, UsageValues.gpus("billing=1,cpu=1,mem=400M,node=1"));
        assertEquals(0, UsageValues.gpus(""));
        assertEquals(0, UsageValues.gpus(null));
        assertEquals(3, UsageValues.gpus("cpu=64,gres/gpu:a100=3,mem=240G,node=1"), "typed only");
        assertEquals(3, UsageValues.gpus("cpu=64,gres/gpu:a100=3,gres/gpu=3,node=1"), "typed and untyped name the same GPUs");
        assertEquals(4, UsageValues.gpus("gres/gpu:a100=1,gres/gpu:l40=3"));
        assertEquals(0, UsageValues.gpus("gres/gpumem=40G"), "not a GPU count");
    }
}
