package org.namdrunner.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namdrunner.core.cluster.BillingRule;
import org.namdrunner.core.cluster.ClusterLimits;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.JobUsage;
import org.namdrunner.core.store.JobUpdate;
import org.namdrunner.persistence.SqliteJobStore;

/**
 * A finished job's usage is kept in its resources JSON (no schema change), and a profile's billing rule with the
 * profile; rows and profiles written before either existed still read.
 */
class UsageStoreTest {

    @TempDir
    Path dir;

    @Test
    void usageSurvivesAReopenInsideTheResourcesColumn() throws Exception {
        Path db = dir.resolve("jobs.db");
        JobUsage used = new JobUsage(Duration.ofSeconds(4200), Duration.ofMillis(1_234_567), 64, 1, 1_288_490_188L, 257_698_037_760L,
                Duration.ofHours(24), 0);
        JobUsage partial = new JobUsage(Duration.ZERO, null, 64, 1, null, null, null, 2);
        Job a = Jobs.job("job_a", "alpine");
        Job b = Jobs.job("job_b", "alpine");
        Job plain = Jobs.job("job_c", "alpine");
        try (SqliteJobStore store = SqliteJobStore.open(db)) {
            store.create(a);
            store.create(b);
            store.create(plain);
            store.apply(java.util.List.of(JobUpdate.fieldsOnly(a.toBuilder().usage(used).build()),
                    JobUpdate.fieldsOnly(b.toBuilder().usage(partial).build())));
        }
        try (SqliteJobStore store = SqliteJobStore.open(db)) {
            assertEquals(used, store.find("job_a").orElseThrow().usage().orElseThrow());
            assertEquals(partial, store.find("job_b").orElseThrow().usage().orElseThrow(), "absent values stay absent");
            assertTrue(store.find("job_c").orElseThrow().usage().isEmpty());
            assertEquals(JobStatus.CREATED, store.find("job_a").orElseThrow().status());
        }
        try (RawDb raw = new RawDb(db); Statement st = raw.connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT json_extract(resources, '$.used.maxRssBytes'), json_extract(resources, '$.cores') "
                        + "FROM jobs WHERE id = 'job_a'")) {
            assertTrue(rs.next());
            assertEquals(1_288_490_188L, rs.getLong(1), "plain JSON that SQLite reads too");
            assertEquals(a.resources().cores(), rs.getInt(2), "the request is where it was");
        }
    }

    @Test
    void theBillingRuleIsStoredWithTheProfile() throws Exception {
        BillingRule alpine = new BillingRule(1.0, 108.2, Map.of("aa100", 108.6), Map.of("amem", 1.5));
        ClusterProfile p = SqliteJobStoreTest.profile("alpine", "Alpine").withLimits(ClusterLimits.NONE.withBilling(alpine));
        Path db = dir.resolve("profiles.db");
        try (SqliteJobStore store = SqliteJobStore.open(db)) {
            store.saveProfile(p);
        }
        try (SqliteJobStore store = SqliteJobStore.open(db)) {
            ClusterProfile back = store.loadProfiles().get(0);
            assertEquals(p, back);
            assertEquals(389.8, back.limits().billing().serviceUnits("aa100", 64, 3, Duration.ofHours(1)), 1e-9);
        }
    }
}
