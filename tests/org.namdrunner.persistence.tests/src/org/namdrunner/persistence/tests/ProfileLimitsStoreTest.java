package org.namdrunner.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namdrunner.core.cluster.ClusterLimits;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.persistence.SqliteJobStore;

/** QoS limits and partition rules are stored with the profile; profiles stored before they existed still load. */
class ProfileLimitsStoreTest {

    @TempDir
    Path dir;

    @Test
    void limitsSurviveAReopen() throws Exception {
        Map<String, Duration> qos = new LinkedHashMap<>();
        qos.put("cpu-normal", Duration.ofDays(1));
        qos.put("cpu-long", Duration.ofDays(7));
        qos.put("testing", Duration.ofHours(1));
        Map<String, List<String>> partitions = new LinkedHashMap<>();
        partitions.put("acpu", List.of("cpu-normal", "cpu-long"));
        partitions.put("atesting", List.of("testing"));
        ClusterProfile p = SqliteJobStoreTest.profile("alpine", "Alpine").withLimits(new ClusterLimits(qos, partitions));
        Path db = dir.resolve("jobs.db");
        try (SqliteJobStore store = SqliteJobStore.open(db)) {
            store.saveProfile(p);
        }
        try (SqliteJobStore store = SqliteJobStore.open(db)) {
            ClusterProfile back = store.loadProfiles().get(0);
            assertEquals(p, back);
            assertEquals(List.of("cpu-normal", "cpu-long", "testing"), List.copyOf(back.limits().qosMaxWalltime().keySet()), "order kept");
        }
    }

    @Test
    void aProfileStoredBeforeLimitsLoadsWithoutThem() throws Exception {
        Path db = dir.resolve("old.db");
        try (SqliteJobStore store = SqliteJobStore.open(db)) {
            store.saveProfile(SqliteJobStoreTest.profile("seed", "Seed"));
        }
        // the JSON a store of the previous release wrote: no limit keys at all
        String old = "{\"id\":\"old\",\"name\":\"Old\",\"host\":\"login.rc.colorado.edu\",\"port\":22,\"user\":\"ralphie\","
                + "\"authMethod\":\"KEYBOARD_INTERACTIVE\",\"keyFile\":\"\",\"transferHost\":\"\",\"commandPrefix\":\"\","
                + "\"moduleLines\":[],\"partitions\":[\"acpu\"],\"qos\":[\"cpu-normal\"],\"accounts\":[],"
                + "\"projectsRoot\":\"/projects/ralphie\",\"scratchRoot\":\"/scratch/alpine/ralphie\",\"coresPerNode\":64,"
                + "\"memoryPerNodeMb\":240000,\"maxWalltimeSeconds\":604800,\"pollIntervalSeconds\":60}";
        try (RawDb raw = new RawDb(db);
                PreparedStatement ps = raw.connection().prepareStatement(
                        "INSERT INTO cluster_profiles (id, data, updated_at) VALUES (?, ?, ?)")) {
            ps.setString(1, "old");
            ps.setString(2, old);
            ps.setString(3, "2026-11-01T00:00:00Z");
            ps.executeUpdate();
        }
        try (SqliteJobStore store = SqliteJobStore.open(db)) {
            ClusterProfile back = store.loadProfiles().stream().filter(p -> p.id().equals("old")).findFirst().orElseThrow();
            assertTrue(back.limits().isEmpty());
            assertEquals(List.of("acpu"), back.partitions());
            assertEquals(Duration.ZERO, back.preemptionRequeue(), "no requeue window: PREEMPTED is final, as before");
        }
    }

    @Test
    void thePreemptionRequeueWindowIsStoredWithTheProfile() throws Exception {
        ClusterProfile p = SqliteJobStoreTest.profile("requeues", "Requeues").withPreemptionRequeue(Duration.ofMinutes(20));
        Path db = dir.resolve("requeue.db");
        try (SqliteJobStore store = SqliteJobStore.open(db)) {
            store.saveProfile(p);
        }
        try (SqliteJobStore store = SqliteJobStore.open(db)) {
            ClusterProfile back = store.loadProfiles().get(0);
            assertEquals(Duration.ofMinutes(20), back.preemptionRequeue());
            assertEquals(p, back);
        }
    }
}
