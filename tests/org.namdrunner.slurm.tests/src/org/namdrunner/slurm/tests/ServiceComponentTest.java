package org.namdrunner.slurm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterCheck;
import org.namdrunner.core.scheduler.Scheduler;
import org.namdrunner.slurm.SlurmClusterCheck;
import org.namdrunner.slurm.SlurmScheduler;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** The hand-written DS components: declared in the manifest, naming classes SCR can create as the services. */
class ServiceComponentTest {

    @Test
    void theSchedulerAndTheClusterCheckAreDeclaredAsDeclarativeServices() throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(SlurmScheduler.class);
        assertEquals("org.namdrunner.slurm", bundle.getSymbolicName());
        String header = bundle.getHeaders().get("Service-Component");
        assertEquals(List.of("OSGI-INF/slurmScheduler.xml", "OSGI-INF/clusterCheck.xml"), List.of(header.split("\\s*,\\s*")));
        assertEquals(SlurmScheduler.class, declared(bundle, "OSGI-INF/slurmScheduler.xml", Scheduler.class));
        assertEquals(SlurmClusterCheck.class, declared(bundle, "OSGI-INF/clusterCheck.xml", ClusterCheck.class));
    }

    private static Class<?> declared(Bundle bundle, String file, Class<?> expectedService) throws Exception {
        URL entry = bundle.getEntry(file);
        assertNotNull(entry, file + " is packaged");
        String xml;
        try (InputStream in = entry.openStream()) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Class<?> implementation = bundle.loadClass(attribute(xml, "implementation", "class"));
        Class<?> service = bundle.loadClass(attribute(xml, "provide", "interface"));
        assertEquals(expectedService, service);
        assertTrue(service.isAssignableFrom(implementation));
        assertTrue(service.isInstance(implementation.getConstructor().newInstance()), "SCR needs a public no-arg constructor");
        return implementation;
    }

    private static String attribute(String xml, String element, String attribute) {
        Matcher m = Pattern.compile("<" + element + "\\s+" + attribute + "=\"([^\"]+)\"").matcher(xml);
        assertTrue(m.find(), element + " " + attribute + " in " + xml);
        return m.group(1);
    }
}
