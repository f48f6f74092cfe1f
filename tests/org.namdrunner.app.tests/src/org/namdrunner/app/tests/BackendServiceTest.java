package org.namdrunner.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.namdrunner.app.Backend;
import org.namdrunner.core.lifecycle.ClusterPoller;
import org.namdrunner.core.store.JobFilter;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The app layer as a headless run sees it: the {@code org.namdrunner.app.backend} component registers a
 * {@link Backend} service built from the real SQLite store, SLURM scheduler and SSH provider, with no workbench.
 */
class BackendServiceTest {

    private static ServiceTracker<Backend, Backend> tracker;
    private static Backend backend;

    @BeforeAll
    static void waitForTheService() throws InterruptedException {
        Bundle app = FrameworkUtil.getBundle(Backend.class);
        tracker = new ServiceTracker<>(app.getBundleContext(), Backend.class, null);
        tracker.open();
        // the component opens the database in a background job; 60 s is a bound for a stuck start, not a timing
        backend = tracker.waitForService(60_000);
        assertNotNull(backend, "no Backend service was registered: is the app bundle's DS component active?");
    }

    @AfterAll
    static void close() {
        backend.sync().stop();
        tracker.close();
    }

    @Test
    void theServiceWorksOnTheRealStore() throws Exception {
        assertNotNull(backend.store().list(JobFilter.all()));
        assertNotNull(backend.jobService());
    }

    @Test
    void theAppBundleNeedsNoWidgetToolkit() {
        Bundle app = FrameworkUtil.getBundle(Backend.class);
        Set<String> wired = new TreeSet<>();
        List<BundleWire> wires = app.adapt(BundleWiring.class).getRequiredWires(null);
        for (BundleWire w : wires) {
            wired.add(w.getProvider().getBundle().getSymbolicName());
        }
        assertTrue(wired.contains("org.namdrunner.core"), "expected a wire to core, got " + wired);
        for (String name : wired) {
            assertFalse(name.startsWith("org.eclipse.swt") || name.startsWith("org.eclipse.ui") || name.startsWith("org.eclipse.jface"),
                    "the app layer is wired to " + name + ": " + wired);
        }
    }

    @Test
    void backgroundPollersAreSystemJobs() throws InterruptedException {
        assertFalse(backend.profiles().all().isEmpty(), "core ships built-in cluster profiles");
        backend.sync().start();
        Job[] pollers = Job.getJobManager().find(ClusterPoller.FAMILY);
        // the started coordinator creates its pollers in a system job; wait for them without a fixed sleep
        long until = System.nanoTime() + 30_000_000_000L;
        while (pollers.length < backend.profiles().all().size() && System.nanoTime() < until) {
            Thread.sleep(50);
            pollers = Job.getJobManager().find(ClusterPoller.FAMILY);
        }
        assertEquals(backend.profiles().all().size(), pollers.length, "one poller per cluster profile");
        for (Job j : pollers) {
            assertTrue(j.isSystem(), j.getName() + " would appear in the Progress view every minute");
        }
    }
}
