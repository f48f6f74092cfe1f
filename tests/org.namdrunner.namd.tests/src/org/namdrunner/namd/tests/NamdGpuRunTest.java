package org.namdrunner.namd.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.MemorySize;
import org.namdrunner.core.model.Resources;
import org.namdrunner.namd.NamdGpuRun;
import org.namdrunner.namd.NamdJobType;
import org.namdrunner.testing.BuiltInProfiles;

/** A job with GPUs: one multicore-CUDA namd3 (no mpirun) with +p and +devices; CUDASOAintegrate where the config allows it. */
class NamdGpuRunTest {

    private final NamdJobType type = new NamdJobType();
    private final ClusterProfile alpine = BuiltInProfiles.get("alpine", "ralphie");

    private static Job job(int cores, int gpus) {
        return Job.builder().id("job_1").name("lysozyme").jobTypeId("namd").clusterProfileId("alpine")
                .createdAt(Instant.parse("2026-12-01T10:00:00Z"))
                .resources(new Resources(cores, MemorySize.gigabytes(16), Duration.ofHours(2), "aa100", "gpu-normal", "ucb-general", gpus, ""))
                .build();
    }

    private static Map<String, String> params(String template) {
        Map<String, String> p = new HashMap<>();
        p.put("structure", "lyz.psf");
        p.put("coordinates", "lyz.pdb");
        p.put("parameters", "par_all36_prot.prm");
        p.put("template", template);
        p.put("cellX", "40");
        p.put("cellY", "40");
        p.put("cellZ", "40");
        return p;
    }

    @Test
    void theGpuBodyIsOneMulticoreCudaProcessWithItsDevices() {
        String body = type.renderBatchBody(job(16, 2), params("vacuum-min-run"), alpine);
        assertTrue(body.contains("namd3 +p16 +devices 0,1 config.namd > namd_output.log 2>&1\n"), body);
        assertFalse(body.contains("mpirun"), body);
        assertFalse(body.contains("SLURM_NTASKS"), body);
        assertTrue(type.renderBatchBody(job(4, 1), params("vacuum-min-run"), alpine).contains("+p4 +devices 0 config.namd"));
        String cpu = type.renderBatchBody(job(16, 0), params("vacuum-min-run"), alpine);
        assertTrue(cpu.contains("mpirun -np \"$SLURM_NTASKS\" namd3 config.namd"), "a job without GPUs stays the MPI run");
        InvalidInputException wide = assertThrows(InvalidInputException.class, () -> type.renderBatchBody(job(65, 1), params("vacuum-min-run"), alpine));
        assertEquals("cores", wide.field());
        assertTrue(wide.getMessage().contains("one node") && wide.getMessage().contains("64 cores"), wide.getMessage());
    }

    @Test
    void dynamicsGetGpuResidentIntegrationBeforeTheFirstRun() {
        Map<String, String> p = params("solvent-npt-pme");
        p.put("minimizeSteps", "0");
        String config = type.renderFiles(job(8, 1), p, alpine).get(NamdJobType.CONFIG_FILE);
        assertTrue(config.contains("# (GPU-resident run: nothing to minimize) minimize"), config);
        int soa = config.indexOf("CUDASOAintegrate   on");
        int run = config.indexOf("\nrun ");
        assertTrue(soa > 0 && run > soa, config);
        assertEquals(1, config.split("CUDASOAintegrate", -1).length - 1, "once");
        String cpu = type.renderFiles(job(8, 0), p, alpine).get(NamdJobType.CONFIG_FILE);
        assertFalse(cpu.contains("CUDASOAintegrate"), "a CPU job's config is unchanged");
    }

    @Test
    void aConfigThatMinimizesKeepsGpuOffloadModeAndSaysWhy() {
        String config = type.renderFiles(job(8, 1), params("vacuum-min-run"), alpine).get(NamdJobType.CONFIG_FILE);
        assertTrue(config.contains("minimize"), config);
        assertFalse(config.lines().anyMatch(l -> l.strip().toLowerCase().startsWith("cudasoaintegrate")), config);
        assertTrue(config.contains("does not minimize"), config);
    }

    @Test
    void configLinesAreReadAsNamdReadsThem() {
        assertEquals("structure a.psf\nCUDASOAintegrate off\nrun 10\n", NamdGpuRun.config("structure a.psf\nCUDASOAintegrate off\nrun 10\n"),
                "the config's own choice stays");
        String commented = NamdGpuRun.config("structure a.psf\n# minimize 100\n#run 5\nrun 10\n");
        assertTrue(commented.contains("CUDASOAintegrate   on\nrun 10"), "commented-out minimize and run do not count: " + commented);
        String numsteps = NamdGpuRun.config("structure a.psf\nnumsteps 100");
        assertTrue(numsteps.endsWith("numsteps 100\nCUDASOAintegrate   on\n"), numsteps);
        assertTrue(NamdGpuRun.config("MINIMIZE 10 ; run 5\n").contains("does not minimize"), "keywords are case-insensitive");
    }

    @Test
    void aContinuationOfAGpuJobRunsGpuResident() {
        Map<String, String> p = params("vacuum-min-run");
        p.put(NamdJobType.CONTINUE_FROM, "out.restart");
        p.put(NamdJobType.CONTINUE_FIRST_STEP, "300");
        p.put(NamdJobType.CONTINUE_STEPS, "700");
        p.put(NamdJobType.CONTINUED_JOB, "job_0");
        String config = type.renderFiles(job(8, 1), p, alpine).get(NamdJobType.CONFIG_FILE);
        assertTrue(config.contains("# (continuation) minimize"), config);
        assertTrue(config.contains("CUDASOAintegrate   on\nrun                700"), config);
        assertEquals(List.of(), config.lines().filter(l -> l.startsWith("minimize")).toList());
    }
}
