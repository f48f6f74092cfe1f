package org.namdrunner.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.internal.registry.ExtensionJobTypeRegistry;
import org.namdrunner.core.jobtype.JobType;

/** The contributions come from this fragment's fragment.xml (the registry names the host as their contributor): one good, six broken. */
class JobTypeRegistryTest {

    @Test
    void brokenContributionsAreReportedAndSkippedWhileTheGoodOneWorks() {
        ExtensionJobTypeRegistry registry = new ExtensionJobTypeRegistry(Platform.getExtensionRegistry());
        List<String> ids = registry.all().stream().map(JobType::id).toList();
        assertEquals(List.of("test.good"), ids);
        assertEquals("Good", registry.require("test.good").name());

        IStatus problems = registry.problems();
        List<String> messages = Arrays.stream(problems.getChildren()).map(IStatus::getMessage).toList();
        assertEquals(6, messages.size(), String.join("\n", messages));
        assertTrue(messages.stream().allMatch(m -> m.startsWith("Plug-in org.namdrunner.core ")), String.join("\n", messages));
        assertTrue(messages.stream().anyMatch(m -> m.contains("invalid id 'bad id!'")));
        assertTrue(messages.stream().anyMatch(m -> m.contains("already uses")));
        assertTrue(messages.stream().anyMatch(m -> m.contains("NoSuchClass")));
        assertTrue(messages.stream().anyMatch(m -> m.contains("does not implement JobType")));
        assertTrue(messages.stream().anyMatch(m -> m.contains("test.throws")));
        assertTrue(messages.stream().anyMatch(m -> m.contains("its class says its id is 'test.good'")));
    }

    @Test
    void anUnknownTypeIsANamedError() {
        ExtensionJobTypeRegistry registry = new ExtensionJobTypeRegistry(Platform.getExtensionRegistry());
        String message = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> registry.require("gromacs")).getMessage();
        assertTrue(message.contains("'gromacs' is not installed"), message);
    }
}
