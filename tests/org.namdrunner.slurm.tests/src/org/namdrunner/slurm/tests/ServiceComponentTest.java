package org.namdrunner.slurm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.scheduler.Scheduler;
import org.namdrunner.slurm.SlurmScheduler;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** The hand-written DS component: declared in the manifest, naming a class SCR can create as a Scheduler. */
class ServiceComponentTest {

    @Test
    void theSchedulerIsDeclaredAsADeclarativeService() throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(SlurmScheduler.class);
        assertEquals("org.namdrunner.slurm", bundle.getSymbolicName());
        String header = bundle.getHeaders().get("Service-Component");
        assertEquals("OSGI-INF/slurmScheduler.xml", header);

        URL entry = bundle.getEntry(header);
        assertNotNull(entry, header + " is packaged");
        String xml;
        try (InputStream in = entry.openStream()) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Class<?> implementation = bundle.loadClass(attribute(xml, "implementation", "class"));
        Class<?> service = bundle.loadClass(attribute(xml, "provide", "interface"));

        assertEquals(Scheduler.class, service);
        assertTrue(service.isAssignableFrom(implementation));
        assertTrue(implementation.getConstructor().newInstance() instanceof SlurmScheduler, "SCR needs a public no-arg constructor");
    }

    private static String attribute(String xml, String element, String attribute) {
        Matcher m = Pattern.compile("<" + element + "\\s+" + attribute + "=\"([^\"]+)\"").matcher(xml);
        assertTrue(m.find(), element + " " + attribute + " in " + xml);
        return m.group(1);
    }
}
