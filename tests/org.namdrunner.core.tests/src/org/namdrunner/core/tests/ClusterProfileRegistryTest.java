package org.namdrunner.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.internal.registry.ExtensionClusterProfiles;
import org.namdrunner.core.model.InvalidInputException;

class ClusterProfileRegistryTest {

    @Test
    void alpineCarriesThe2026Names() {
        ExtensionClusterProfiles profiles = new ExtensionClusterProfiles(Platform.getExtensionRegistry(), "ralphie");
        ClusterProfile alpine = profiles.require("alpine");
        assertEquals("login.rc.colorado.edu", alpine.host());
        assertEquals("dtn.rc.colorado.edu", alpine.effectiveTransferHost());
        assertEquals(ClusterProfile.AuthMethod.KEYBOARD_INTERACTIVE, alpine.authMethod());
        assertTrue(alpine.partitions().containsAll(List.of("acpu", "atesting", "aa100", "ah200")));
        assertTrue(!alpine.partitions().contains("amilan"), "renamed in 2026");
        assertTrue(alpine.qos().containsAll(List.of("cpu-normal", "cpu-long", "gpu-testing")));
        assertEquals(List.of("ucb-general"), alpine.accounts());
        assertEquals(java.time.Duration.ZERO, alpine.preemptionRequeue(), "the site behaviour is profile data: PREEMPTED is final on Alpine");
        assertEquals("/projects/ralphie/namdrunner_jobs/job_1", alpine.projectDirFor("job_1"));
        assertEquals("/scratch/alpine/ralphie", alpine.scratchRoot());
        assertEquals("source /etc/profile && module load slurm/alpine", alpine.commandPrefix());
        assertTrue(profiles.find("generic-slurm").isPresent());
    }

    @Test
    void brokenProfilesAreReportedAndSkipped() {
        ExtensionClusterProfiles profiles = new ExtensionClusterProfiles(Platform.getExtensionRegistry(), "ralphie");
        List<String> messages = Arrays.stream(profiles.problems().getChildren()).map(IStatus::getMessage).toList();
        assertEquals(2, messages.size(), String.join("\n", messages));
        assertTrue(messages.stream().anyMatch(m -> m.contains("'test.badroot'") && m.contains("absolute")), String.join("\n", messages));
        assertTrue(messages.stream().anyMatch(m -> m.contains("'test.badport'") && m.contains("whole number")), String.join("\n", messages));
        assertTrue(profiles.find("test.badroot").isEmpty());
    }

    @Test
    void csuAndAccessUsersGetTheirFolders() {
        ClusterProfile alpine = new ExtensionClusterProfiles(Platform.getExtensionRegistry(), "ralphie@colostate.edu").require("alpine");
        assertEquals("ralphie@colostate.edu", alpine.user());
        assertEquals("/projects/ralphie@colostate.edu", alpine.projectsRoot());
        assertEquals("/scratch/alpine/ralphie@colostate.edu", alpine.scratchRoot());
    }

    @Test
    void aHostileUserNameIsRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> new ExtensionClusterProfiles(Platform.getExtensionRegistry(), "../root"));
    }
}
