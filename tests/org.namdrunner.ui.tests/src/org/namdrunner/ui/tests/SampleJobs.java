package org.namdrunner.ui.tests;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.namdrunner.core.model.ErrorInfo;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.MemorySize;
import org.namdrunner.core.model.Resources;
import org.namdrunner.core.model.StatusChange;
import org.namdrunner.core.model.StatusSource;
import org.namdrunner.core.store.JobStore;
import org.namdrunner.core.store.JobUpdate;
import org.namdrunner.core.store.StoreException;

/** Jobs in every state, written straight into the store with a believable history (for screenshots and view tests). */
final class SampleJobs {

    private SampleJobs() {
    }

    /** Creates the job as CREATED at {@code created} and walks it through {@code path}, one step every {@code step}. */
    static Job create(JobStore store, String id, String name, String profileId, Resources r, Instant created, Duration step,
            JobStatus... path) throws StoreException {
        return create(store, id, name, profileId, r, created, step, "{\"runSteps\":\"500000\",\"temperature\":\"310\"}", path);
    }

    /** The same with the job's type parameters as JSON. */
    static Job create(JobStore store, String id, String name, String profileId, Resources r, Instant created, Duration step,
            String typeParameters, JobStatus... path) throws StoreException {
        Job job = Job.builder().id(id).name(name).jobTypeId("namd").clusterProfileId(profileId).createdAt(created).resources(r)
                .projectDir("/projects/demo/namdrunner_jobs/" + id).scratchDir("/scratch/alpine/demo/namdrunner_jobs/" + id)
                .inputFiles(List.of("input_files/protein.psf", "input_files/protein.pdb", "input_files/par_all36m_prot.prm"))
                .typeParameters(typeParameters).build();
        store.create(job);
        return advance(store, job, created, step, path);
    }

    /** Walks a stored job on through {@code path} from {@code at}, one step every {@code step}, as a sync would. */
    static Job advance(JobStore store, Job stored, Instant from, Duration step, JobStatus... path) throws StoreException {
        Job job = stored;
        String id = job.id();
        Instant at = from;
        for (JobStatus next : path) {
            at = at.plus(step);
            Job.Builder b = job.toBuilder().status(next).updatedAt(at);
            String detail = "squeue: " + next.name();
            StatusSource source = StatusSource.SLURM;
            switch (next) {
                case SUBMITTING -> {
                    source = StatusSource.USER;
                    detail = "submit";
                }
                case PENDING -> {
                    b.slurmId(Long.toString(4_800_000 + Math.abs(id.hashCode() % 90_000))).submittedAt(at).slurmState("PENDING").slurmReason("Priority");
                    detail = "sbatch: Submitted batch job";
                }
                case RUNNING -> b.startedAt(at).slurmState("RUNNING").slurmReason("None");
                case TIMEOUT -> b.completedAt(at).slurmState("TIMEOUT").error(new ErrorInfo("TIMEOUT",
                        "The job reached its walltime limit and was stopped. Ask for more walltime, or continue from the last restart files.",
                        "0:0", at));
                case OUT_OF_MEMORY -> b.completedAt(at).slurmState("OUT_OF_MEMORY").error(new ErrorInfo("OUT_OF_MEMORY",
                        "The job ran out of memory and was stopped. Ask for more memory or more nodes.", "0:125", at));
                case FAILED -> b.completedAt(at).slurmState("FAILED").error(new ErrorInfo("FAILED",
                        "FATAL ERROR: Atoms moving too fast; simulation has become unstable.\nThe job's program ended with an error (exit code 1:0).",
                        "1:0", at));
                case COMPLETED -> b.completedAt(at).slurmState("COMPLETED").outputFiles(List.of("outputs/namd_output.log",
                        "outputs/output.coor", "outputs/output.dcd"));
                case CANCELLED -> b.completedAt(at).slurmState("CANCELLED by 1001");
                default -> {
                }
            }
            if (next.isTerminal()) {
                detail = "sacct: " + next.name();
            }
            Job updated = b.build();
            store.apply(List.of(JobUpdate.statusChange(updated, new StatusChange(id, job.status(), next, at, source, detail))));
            job = updated;
        }
        return job;
    }

    static Resources resources(int cores, int gb, int hours) {
        return new Resources(cores, MemorySize.gigabytes(gb), Duration.ofHours(hours), "acpu", "cpu-normal", "ucb-general", 0, "");
    }

    /** A realistic day on Alpine: one of each interesting state. */
    static List<Job> demo(JobStore store) throws StoreException {
        Instant now = Instant.now();
        List<Job> jobs = new ArrayList<>();
        Duration min = Duration.ofMinutes(1);
        jobs.add(create(store, "job_demo_01", "ubq-equil-310K", "alpine", resources(64, 64, 24), now.minus(Duration.ofHours(30)),
                Duration.ofHours(2), JobStatus.SUBMITTING, JobStatus.PENDING, JobStatus.RUNNING, JobStatus.COMPLETED));
        jobs.add(create(store, "job_demo_02", "ubq-prod-1", "alpine", resources(128, 120, 24), now.minus(Duration.ofHours(5)),
                Duration.ofMinutes(20), JobStatus.SUBMITTING, JobStatus.PENDING, JobStatus.RUNNING));
        jobs.add(create(store, "job_demo_03", "ubq-prod-2", "alpine", resources(128, 120, 24), now.minus(Duration.ofMinutes(50)),
                min, JobStatus.SUBMITTING, JobStatus.PENDING));
        jobs.add(create(store, "job_demo_04", "lysozyme-min", "alpine", resources(16, 16, 2), now.minus(Duration.ofHours(9)),
                Duration.ofHours(2), JobStatus.SUBMITTING, JobStatus.PENDING, JobStatus.RUNNING, JobStatus.TIMEOUT));
        jobs.add(create(store, "job_demo_05", "membrane-npt", "alpine", resources(64, 32, 12), now.minus(Duration.ofHours(7)),
                Duration.ofMinutes(30), JobStatus.SUBMITTING, JobStatus.PENDING, JobStatus.RUNNING, JobStatus.OUT_OF_MEMORY));
        jobs.add(create(store, "job_demo_06", "ligand-fep-3", "alpine", resources(32, 16, 8), now.minus(Duration.ofHours(3)),
                Duration.ofMinutes(10), JobStatus.SUBMITTING, JobStatus.PENDING, JobStatus.RUNNING, JobStatus.FAILED));
        jobs.add(create(store, "job_demo_07", "ubq-test", "alpine", resources(4, 4, 1), now.minus(Duration.ofHours(2)),
                Duration.ofMinutes(5), JobStatus.SUBMITTING, JobStatus.PENDING, JobStatus.CANCELLED));
        jobs.add(create(store, "job_demo_08", "ubq-prod-3", "alpine", resources(128, 120, 24), now.minus(Duration.ofMinutes(3)),
                min));
        return jobs;
    }
}
