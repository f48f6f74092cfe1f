package org.namdrunner.namd.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.jobtype.ReplicableJobType;
import org.namdrunner.core.lifecycle.JobRequest;
import org.namdrunner.core.lifecycle.ReplicaRequest;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.MemorySize;
import org.namdrunner.core.model.Resources;
import org.namdrunner.namd.NamdJobType;
import org.namdrunner.namd.NamdSeed;

/** Replicas of a NAMD job: each config gets its own {@code seed} where NAMD reads it; the set's parameters are checked. */
class NamdSeedTest {

    private final NamdJobType type = new NamdJobType();

    private static Job job(int gpus) {
        return Job.builder().id("job_1").name("lysozyme_r1").jobTypeId("namd").clusterProfileId("alpine")
                .createdAt(Instant.parse("2026-12-01T10:00:00Z"))
                .resources(new Resources(8, MemorySize.gigabytes(16), Duration.ofHours(2), "aa100", "gpu-normal", "", gpus, "")).build();
    }

    private static Map<String, String> params() {
        Map<String, String> p = new HashMap<>();
        p.put("structure", "lyz.psf");
        p.put("coordinates", "lyz.pdb");
        p.put("parameters", "par_all36_prot.prm");
        p.put("template", "vacuum-min-run");
        return p;
    }

    private static List<String> seedLines(String config) {
        return config.lines().filter(l -> l.strip().toLowerCase().startsWith("seed")).toList();
    }

    @Test
    void eachReplicasConfigHasItsOwnSeedBeforeTheFirstCommand() {
        Map<String, String> set = params();
        set.put(ReplicableJobType.REPLICAS, "3");
        set.put(ReplicableJobType.FIRST_SEED, "");
        for (int k = 1; k <= 3; k++) {
            Map<String, String> replica = type.replica(set, k, 1000 + k);
            assertFalse(replica.containsKey(ReplicableJobType.REPLICAS), "the set's own parameters are not a replica's");
            assertFalse(replica.containsKey(ReplicableJobType.FIRST_SEED));
            type.validate(replica);
            String config = type.renderFiles(job(0), replica, null).get(NamdJobType.CONFIG_FILE);
            assertEquals(List.of("seed               " + (1000 + k)), seedLines(config), config);
            int seedAt = config.indexOf("\nseed ");
            int firstCommand = Math.min(indexOfCommand(config, "minimize"), indexOfCommand(config, "run"));
            assertTrue(seedAt >= 0 && seedAt < firstCommand, "seed before NAMD's first command: " + config);
        }
        String single = type.renderFiles(job(0), params(), null).get(NamdJobType.CONFIG_FILE);
        assertEquals(List.of(), seedLines(single), "a lone job keeps NAMD's own seeding");
    }

    private static int indexOfCommand(String config, String command) {
        int at = -1;
        for (String line : config.split("\n", -1)) {
            at += line.length() + 1;
            if (line.strip().toLowerCase().startsWith(command + " ")) {
                return at - line.length();
            }
        }
        return Integer.MAX_VALUE;
    }

    @Test
    void aConfigsOwnSeedIsReplacedAndSaidSo() {
        String own = "structure lyz.psf\nseed 7   \nrun 100\n";
        String out = NamdSeed.config(own, 42);
        assertEquals(List.of("seed               42"), seedLines(out), out);
        assertTrue(out.contains("# NAMDRunner: this replica's own seed replaces the config's: seed 7"), out);
        // a commented-out seed is not one
        String commented = NamdSeed.config("# seed 7\nrun 100\n", 42);
        assertEquals(List.of("seed               42"), seedLines(commented), commented);
        // with no command at all (numsteps), the seed goes at the end
        assertTrue(NamdSeed.config("numsteps 100", 5).endsWith("\nseed               5\n"));
    }

    @Test
    void aGpuReplicaKeepsItsSeedAndTheGpuResidentLine() {
        Map<String, String> replica = type.replica(params(), 2, 77);
        replica.put("minimizeSteps", "0");
        String config = type.renderFiles(job(1), replica, null).get(NamdJobType.CONFIG_FILE);
        assertEquals(List.of("seed               77"), seedLines(config), config);
        assertTrue(config.contains("CUDASOAintegrate   on"), config);
    }

    @Test
    void badSeedsAndCountsAreRefusedNamingTheField() {
        Map<String, String> p = params();
        p.put(NamdSeed.SEED, "12x");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> type.validate(p));
        assertEquals(NamdSeed.SEED, e.field());
        assertTrue(e.getMessage().contains("'12x'"), e.getMessage());
        p.put(NamdSeed.SEED, "0");
        assertThrows(InvalidInputException.class, () -> type.validate(p));
        p.put(NamdSeed.SEED, Long.toString(ReplicableJobType.MAX_SEED + 1));
        assertThrows(InvalidInputException.class, () -> type.validate(p));

        Resources r = new Resources(8, MemorySize.gigabytes(16), Duration.ofHours(2), "acpu", "cpu-normal", "", 0, "");
        assertEquals(null, ReplicaRequest.of(new JobRequest("lyz", "namd", "alpine", r, params(), Map.of()), new java.util.Random(1)),
                "no replicas asked: one job");
        Map<String, String> one = params();
        one.put(ReplicableJobType.REPLICAS, "1");
        assertEquals(null, ReplicaRequest.of(new JobRequest("lyz", "namd", "alpine", r, one, Map.of()), new java.util.Random(1)));
        for (String bad : List.of("0", "101", "three", "-2")) {
            Map<String, String> q = params();
            q.put(ReplicableJobType.REPLICAS, bad);
            InvalidInputException c = assertThrows(InvalidInputException.class,
                    () -> ReplicaRequest.of(new JobRequest("lyz", "namd", "alpine", r, q, Map.of()), new java.util.Random(1)), bad);
            assertEquals(ReplicableJobType.REPLICAS, c.field());
            assertTrue(c.getMessage().contains("'" + bad + "'"), c.getMessage());
        }
        Map<String, String> q = params();
        q.put(ReplicableJobType.REPLICAS, "5");
        q.put(ReplicableJobType.FIRST_SEED, Long.toString(ReplicableJobType.MAX_SEED - 3));
        InvalidInputException s = assertThrows(InvalidInputException.class,
                () -> ReplicaRequest.of(new JobRequest("lyz", "namd", "alpine", r, q, Map.of()), new java.util.Random(1)));
        assertEquals(ReplicableJobType.FIRST_SEED, s.field(), "5 seeds from there would pass the largest");
    }

    @Test
    void aRandomFirstSeedLeavesRoomForEveryReplicaAndNamesFitSixtyFourCharacters() {
        Resources r = new Resources(8, MemorySize.gigabytes(16), Duration.ofHours(2), "acpu", "cpu-normal", "", 0, "");
        Map<String, String> q = params();
        q.put(ReplicableJobType.REPLICAS, "100");
        String longName = "x".repeat(64);
        for (int i = 0; i < 200; i++) {
            ReplicaRequest set = ReplicaRequest.of(new JobRequest(longName, "namd", "alpine", r, q, Map.of()), new java.util.Random(i));
            assertEquals(100, set.count());
            assertTrue(set.seed(1) >= 1 && set.seed(100) <= ReplicableJobType.MAX_SEED, set.toString());
        }
        ReplicaRequest set = ReplicaRequest.of(new JobRequest(longName, "namd", "alpine", r, q, Map.of()), new java.util.Random(3));
        assertEquals(64, set.replicaName(100).length());
        assertTrue(set.replicaName(100).endsWith("_r100"));
        assertTrue(set.replicaName(7).endsWith("x_r7"));
    }
}
