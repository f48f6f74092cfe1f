package org.namdrunner.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.RemotePaths;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;

class JobTest {

    static Job sample() {
        return Job.builder().id("job_1").name("lysozyme").jobTypeId("namd").clusterProfileId("alpine")
                .createdAt(Instant.parse("2026-11-29T10:00:00Z")).inputFiles(List.of("input_files/a.psf")).build();
    }

    @Test
    void changesProduceANewJob() {
        Job job = sample();
        Job running = job.toBuilder().status(JobStatus.RUNNING).slurmId("12345").build();
        assertEquals(JobStatus.CREATED, job.status());
        assertEquals(JobStatus.RUNNING, running.status());
        assertEquals("12345", running.slurmId().orElseThrow());
        assertNotEquals(job, running);
        assertEquals(job, job.toBuilder().build());
    }

    @Test
    void badValuesNeverMakeAJob() {
        assertThrows(InvalidInputException.class, () -> sample().toBuilder().name("a;b").build());
        assertThrows(InvalidInputException.class, () -> sample().toBuilder().inputFiles(List.of("../x")).build());
        assertThrows(InvalidInputException.class, () -> sample().toBuilder().slurmId("12; rm").build());
        assertThrows(InvalidInputException.class, () -> sample().toBuilder().jobTypeId("").build());
    }

    @Test
    void profileDerivesTheJobFoldersAndConfinesThem() {
        ClusterProfile p = new ClusterProfile("test", "Test", "127.0.0.1", 2222, "testuser",
                ClusterProfile.AuthMethod.KEY, "", "", "", List.of(), List.of("debug"), List.of(), List.of(),
                "/home/testuser/projects", "/home/testuser/scratch", 2, 1000, java.time.Duration.ofHours(1),
                java.time.Duration.ofSeconds(60));
        String dir = p.projectDirFor("job_1");
        assertEquals("/home/testuser/projects/namdrunner_jobs/job_1", dir);
        assertTrue(RemotePaths.isWithin(dir + "/outputs", dir));
        assertTrue(!RemotePaths.isWithin("/home/testuser/projects/namdrunner_jobs/job_10", dir), "prefix is not containment");
        assertThrows(InvalidInputException.class, () -> RemotePaths.isWithin(dir + "/../job_2", dir));
        assertThrows(InvalidInputException.class, () -> p.projectDirFor("../../etc"));
    }
}
