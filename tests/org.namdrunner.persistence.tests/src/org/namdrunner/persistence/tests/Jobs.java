package org.namdrunner.persistence.tests;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.MemorySize;
import org.namdrunner.core.model.Resources;
import org.namdrunner.core.model.StatusChange;
import org.namdrunner.core.model.StatusSource;
import org.namdrunner.core.store.JobUpdate;

/** Test jobs, as a researcher's would look. */
public final class Jobs {

    static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    private Jobs() {
    }

    public static Job job(String id, String cluster) {
        return Job.builder().id(id).name("run-" + id).jobTypeId("namd").clusterProfileId(cluster).createdAt(T0)
                .resources(new Resources(32, MemorySize.parse("64GB"), Duration.ofHours(12), "acpu", "cpu-normal", "ucb-general", 0, "ib"))
                .typeParameters("{\"runSteps\":\"50000\",\"temperature\":\"310\"}")
                .projectDir("/projects/u/namdrunner_jobs/" + id).scratchDir("/scratch/alpine/u/namdrunner_jobs/" + id)
                .inputFiles(List.of("input_files/a.psf", "input_files/a.pdb")).build();
    }

    /** The job moved to {@code to} by SLURM, with {@code detail} as reason and as history evidence. */
    public static JobUpdate move(Job job, JobStatus to, Instant at, String detail) {
        Job next = job.toBuilder().status(to).slurmId(job.slurmId().orElse("1000")).slurmReason(detail).updatedAt(at).build();
        return JobUpdate.statusChange(next, new StatusChange(job.id(), job.status(), to, at, StatusSource.SLURM, detail));
    }

    /** RUNNING and PENDING alternate, as when SLURM requeues a job. */
    public static JobStatus flip(JobStatus s) {
        return s == JobStatus.RUNNING ? JobStatus.PENDING : JobStatus.RUNNING;
    }
}
