package org.namdrunner.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.namdrunner.core.cluster.RemotePaths;
import org.namdrunner.core.cluster.ShellQuoting;
import org.namdrunner.core.lifecycle.JobFolders;
import org.namdrunner.core.lifecycle.JobRequest;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.MemorySize;
import org.namdrunner.core.model.Resources;
import org.namdrunner.namd.NamdJobType;

/**
 * A GPU job on the twin's GPU partition aa100 (two stand-in GPUs per node, Gres=gpu:2), through JobService with the
 * built-in Alpine profile: the script asks for --gres=gpu:2 and loads the GPU build (namd/3.0.1_gpu), namd3 runs as one
 * multicore-CUDA process with +p and +devices (no mpirun), GPU-resident (CUDASOAintegrate on), and sacct records the
 * GPUs. The GPU copy of the stand-in refuses to run under mpirun, without visible GPUs and with a device SLURM did not give.
 */
class GpuRunTest {

    @RegisterExtension
    static final OnTheTwin TWIN = new OnTheTwin("namdrunner-gpu");

    @Test
    void aGpuProductionRunsOnAa100WithItsGpus() throws Exception {
        Resources gpus = new Resources(4, MemorySize.parse("1GB"), Duration.ofMinutes(10), "aa100", "gpu-testing", "", 2, "");
        JobRequest request = TestJobs.request("gpu-production", TestJobs.inputs(TWIN.local().resolve("in")), gpus, 300, "gpu_prod");
        Map<String, String> params = new java.util.LinkedHashMap<>(request.parameters());
        params.put("minimizeSteps", "0");   // a production stage: dynamics only, so GPU-resident
        params.put("energyFreq", "50");
        params.put(StandinNamdJobType.DIRECTIVES, "seconds_per_step 0.005");
        Job job = TWIN.h().service.create(new JobRequest(request.name(), request.jobTypeId(), request.profileId(), gpus, params,
                request.inputs()), new NullProgressMonitor());
        String project = job.projectDir().orElseThrow();
        String script = TWIN.h().exec(ShellQuoting.command("cat", RemotePaths.join(project, JobFolders.SCRIPTS, "job.sbatch"))).stdout();
        assertTrue(script.contains("#SBATCH --partition=aa100\n") && script.contains("#SBATCH --gres=gpu:2\n"), script);
        assertTrue(script.contains("module load gcc/14.2.0 namd/3.0.1_gpu\n"), script);
        assertFalse(script.contains("mpirun"), script);
        assertFalse(script.contains("namd/3.0.1_cpu"), script);
        assertTrue(script.contains("namd3 +p4 +devices 0,1 config.namd > namd_output.log 2>&1"), script);
        String config = TWIN.h().exec(ShellQuoting.command("cat", RemotePaths.join(project, NamdJobType.CONFIG_FILE))).stdout();
        assertTrue(config.contains("CUDASOAintegrate   on"), config);

        TWIN.h().service.submit(job.id(), new NullProgressMonitor());
        Job done = TWIN.h().syncUntil(job.id(), j -> j.status().isTerminal(), Duration.ofMinutes(5));
        assertEquals(JobStatus.COMPLETED, done.status(), "error: " + done.error());
        String slurmId = done.slurmId().orElseThrow();
        TWIN.h().waitForAccountingState(slurmId, Duration.ofMinutes(1));
        String tres = TWIN.h().slurm(ShellQuoting.command("sacct", "-X", "-n", "-P", "-j", slurmId, "-o", "AllocTRES")).stdout();
        assertTrue(tres.contains("gres/gpu=2"), "sacct shows the GPUs: " + tres);

        Path results = TWIN.h().service.fetchResults(job.id(), TWIN.local().resolve("results"), new NullProgressMonitor());
        String log = Files.readString(results.resolve(NamdJobType.LOG_FILE));
        assertTrue(log.contains("Info: NAMD 3.0.1 for Linux-x86_64-multicore-CUDA"), "the GPU build ran: " + head(log));
        assertTrue(log.contains("Info: NAMDRunner stand-in: +p4 +devices 0,1 (CUDA_VISIBLE_DEVICES="), head(log));
        assertTrue(log.contains("binding to CUDA device 1"), head(log));
        assertTrue(log.contains("Info: CUDASOAintegrate is on: GPU-resident integration"), head(log));
        assertTrue(log.contains("End of program"));
    }

    @Test
    void theGpuBuildRefusesWhatNamd3Refuses() throws Exception {
        // straight on the compute node through sbatch --wrap, without the product: the stand-in as a job reaches it
        String wrap = "module load gcc/14.2.0 namd/3.0.1_gpu && cd \"$(mktemp -d)\" && printf 'structure x.psf\\n' > c.namd"
                + " && { namd3 +p2 +devices 0,1 c.namd; echo rc=$?; namd3 +p2 +frobnicate c.namd; echo rc=$?;"
                + " CUDA_VISIBLE_DEVICES= namd3 +p2 c.namd; echo rc=$?; }";
        String remoteOut = "/tmp/namdrunner-gpu-refusals-" + ProcessHandle.current().pid() + ".out";
        String submitted = TWIN.h().slurm(ShellQuoting.command("sbatch", "--parsable", "--partition=aa100", "--qos=gpu-testing", "--gres=gpu:1",
                "--ntasks=2", "--mem=500M", "--time=2", "--output=" + remoteOut, "--wrap", "bash -lc " + ShellQuoting.quote(wrap))).stdout().strip();
        String state = TWIN.h().waitForAccountingState(submitted.split(";")[0], Duration.ofMinutes(2));
        assertTrue(state.startsWith("COMPLETED"), state);
        String text = TWIN.h().exec(ShellQuoting.command("cat", remoteOut)).stdout();
        TWIN.h().exec(ShellQuoting.command("rm", "-f", remoteOut));
        assertTrue(text.contains("CUDA device 1 requested by +devices 0,1, but only 1 device(s) are visible"), text);
        assertTrue(text.contains("Unknown command-line flag(s): +frobnicate"), text);
        assertTrue(text.contains("no CUDA-capable device is detected"), text);
        assertEquals(3, text.lines().filter("rc=1"::equals).count(), text);
    }

    private static String head(String log) {
        return log.lines().limit(40).reduce("", (a, b) -> a + b + "\n");
    }
}
