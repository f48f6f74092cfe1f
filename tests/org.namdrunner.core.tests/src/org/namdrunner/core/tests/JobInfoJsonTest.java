package org.namdrunner.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.lifecycle.JobInfoJson;
import org.namdrunner.core.model.ChainLink;
import org.namdrunner.core.model.ReplicaLink;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.MemorySize;
import org.namdrunner.core.model.Resources;

class JobInfoJsonTest {

    @Test
    void aJobSurvivesTheRoundTrip() {
        Job job = JobTest.sample().toBuilder().status(JobStatus.PENDING).slurmId("77")
                .submittedAt(Instant.parse("2026-11-29T10:05:00Z"))
                .projectDir("/home/u/projects/namdrunner_jobs/job_1").scratchDir("/home/u/scratch/namdrunner_jobs/job_1")
                .resources(new Resources(4, MemorySize.parse("8GB"), Duration.ofHours(2), "debug", "normal", "testacct", 0, ""))
                .typeParameters("{\"runSteps\":\"500\"}").inputFiles(List.of("input_files/a.psf", "input_files/a.pdb")).build();
        Job back = JobInfoJson.read(JobInfoJson.write(job));
        assertEquals(job.id(), back.id());
        assertEquals(job.slurmId(), back.slurmId());
        assertEquals(job.resources(), back.resources());
        assertEquals(job.inputFiles(), back.inputFiles());
        assertEquals(job.submittedAt(), back.submittedAt());
        assertEquals("{\"runSteps\":\"500\"}", back.typeParameters());
    }

    @Test
    void aHostileFileIsRefusedWithAReason() {
        String json = JobInfoJson.write(JobTest.sample()).replace("\"lysozyme\"", "\"x; rm -rf ~\"");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> JobInfoJson.read(json));
        assertEquals("name", e.field());
        assertThrows(InvalidInputException.class, () -> JobInfoJson.read("{not json"));
        assertThrows(InvalidInputException.class, () -> JobInfoJson.read("{}"));
        String traversal = JobInfoJson.write(JobTest.sample()).replace("input_files/a.psf", "../../.ssh/id_rsa");
        assertTrue(assertThrows(InvalidInputException.class, () -> JobInfoJson.read(traversal)).getMessage().contains(".."));
    }

    @Test
    void aStageKeepsItsPlaceInItsChainAndAHostileOneIsRefused() {
        Job stage = JobTest.sample().toBuilder().chain(new ChainLink("job_1", 2, "step4_equilibration")).build();
        String json = JobInfoJson.write(stage);
        assertEquals(stage.chain(), JobInfoJson.read(json).chain());
        assertTrue(JobInfoJson.read(JobInfoJson.write(JobTest.sample())).chain().isEmpty(), "a job in no chain");
        String hostile = json.replace("step4_equilibration", "equil; rm -rf ~");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> JobInfoJson.read(hostile));
        assertEquals("chainLabel", e.field());
    }

    @Test
    void aReplicaKeepsItsPlaceInItsSetAndABadOneIsRefused() {
        Job replica = JobTest.sample().toBuilder().replica(new ReplicaLink("job_1", 2, 5)).build();
        String json = JobInfoJson.write(replica);
        assertEquals(replica.replica(), JobInfoJson.read(json).replica());
        assertTrue(JobInfoJson.read(JobInfoJson.write(JobTest.sample())).replica().isEmpty(), "a job in no set");
        String outside = json.replace("\"index\": 2", "\"index\": 6");
        assertTrue(outside.contains("\"index\": 6"), outside);
        assertEquals("replicaIndex", assertThrows(InvalidInputException.class, () -> JobInfoJson.read(outside)).field());
        String hostile = json.replace("\"set\": \"job_1\"", "\"set\": \"job_1; rm -rf ~\"");
        assertTrue(hostile.contains("rm -rf"), hostile);
        assertThrows(InvalidInputException.class, () -> JobInfoJson.read(hostile));
    }
}
