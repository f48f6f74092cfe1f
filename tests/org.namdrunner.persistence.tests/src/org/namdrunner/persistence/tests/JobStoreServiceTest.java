package org.namdrunner.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.store.ClusterProfileStore;
import org.namdrunner.core.store.JobStore;
import org.namdrunner.persistence.DatabaseLocation;
import org.namdrunner.persistence.SqliteJobStore;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The bundle offers the store as a Declarative Services component, on the file of {@link DatabaseLocation} (the
 * test run points the system property at target/ds-store, never at the user's file).
 */
class JobStoreServiceTest {

    @Test
    void theStoreIsOfferedAsAServiceOnTheConfiguredFile() throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(SqliteJobStore.class);
        BundleContext context = bundle.getBundleContext();
        assertNotNull(context, "the persistence bundle is started");
        Path file = Path.of(System.getProperty(DatabaseLocation.PROPERTY));
        ServiceTracker<JobStore, JobStore> jobStores = new ServiceTracker<>(context, JobStore.class, null);
        ServiceTracker<ClusterProfileStore, ClusterProfileStore> profileStores = new ServiceTracker<>(context, ClusterProfileStore.class, null);
        jobStores.open();
        profileStores.open();
        try {
            JobStore store = jobStores.waitForService(20_000);
            assertNotNull(store, "no JobStore service; bundles: " + Arrays.toString(context.getBundles()));
            assertSame(store, profileStores.waitForService(5_000), "one component offers both interfaces");
            String id = "svc_" + Long.toHexString(System.nanoTime());
            store.create(Jobs.job(id, "alpine"));
            assertEquals(Jobs.job(id, "alpine"), store.find(id).orElseThrow());
            assertTrue(Files.isRegularFile(file), file + " exists");
            try (SqliteJobStore second = SqliteJobStore.open(file)) {
                assertTrue(second.find(id).isPresent(), "the service wrote to the configured file");
            }
            assertTrue(store.delete(id));
        } finally {
            jobStores.close();
            profileStores.close();
        }
    }
}
