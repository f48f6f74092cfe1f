package org.namdrunner.namd.ui.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.namdrunner.namd.NamdTemplate;
import org.namdrunner.namd.NamdTemplates;
import org.namdrunner.ui.tests.Workbench;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The NAMD bundle reaches the template store only while it runs: stopped, it uses no service (its tracker is
 * closed); started again, it finds the stored templates through a new tracker.
 */
class TemplateStoreLifecycleTest {

    private static boolean listed(String id) throws Exception {
        return NamdTemplates.fromServices().all().stream().anyMatch(t -> t.id().equals(id) && !t.builtIn());
    }

    @Test
    void theTemplateTrackerFollowsTheBundle() throws Exception {
        Workbench.backend();
        NamdTemplates templates = NamdTemplates.fromServices();
        templates.save(List.of(new NamdTemplate("ui-lifecycle", "Lifecycle", "", "structure {{structure}}\nrun {{n}}\n",
                List.of(new NamdTemplate.Variable("n", "steps", NamdTemplate.Kind.INTEGER, 1, 1000, "10")), false)));
        Bundle namd = FrameworkUtil.getBundle(NamdTemplates.class);
        try {
            assertTrue(listed("ui-lifecycle"), "stored and listed while the bundle runs");
            namd.stop();
            assertFalse(listed("ui-lifecycle"), "a stopped NAMD bundle still used the template store");
        } finally {
            namd.start();
        }
        assertTrue(listed("ui-lifecycle"), "after a restart the store is found again");
        NamdTemplates.fromServices().delete("ui-lifecycle");
    }
}
