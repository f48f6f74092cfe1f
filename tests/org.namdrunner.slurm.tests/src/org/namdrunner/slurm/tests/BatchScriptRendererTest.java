package org.namdrunner.slurm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.MemorySize;
import org.namdrunner.core.model.Resources;
import org.namdrunner.core.scheduler.BatchScriptRequest;
import org.namdrunner.slurm.SlurmScheduler;
import org.namdrunner.slurm.internal.BatchScriptRenderer;

/** The sbatch script: options, units, node count, checks against the profile, and what a shell makes of it. */
class BatchScriptRendererTest {

    private static final String SCRATCH = "/scratch/alpine/ralph/namdrunner_jobs/j1";
    private static final String BODY = "export SLURM_EXPORT_ENV=ALL\nmpirun -np \"$SLURM_NTASKS\" namd3 config.namd > namd_output.log 2>&1\n";

    private final SlurmScheduler scheduler = new SlurmScheduler();

    @Test
    void aFullAlpineScript() {
        Resources r = new Resources(96, MemorySize.gigabytes(32), Duration.ofHours(24), "acpu", "cpu-normal", "ucb-general", 0, "ib");
        String script = scheduler.renderScript(new BatchScriptRequest("namd_run-1", r, TestProfiles.alpine(), SCRATCH, BODY));
        assertEquals("""
                #!/bin/bash
                #SBATCH --job-name=namd_run-1
                #SBATCH --output=namd_run-1_%j.out
                #SBATCH --error=namd_run-1_%j.err
                #SBATCH --partition=acpu
                #SBATCH --qos=cpu-normal
                #SBATCH --account=ucb-general
                #SBATCH --nodes=2
                #SBATCH --ntasks=96
                #SBATCH --time=1-00:00:00
                #SBATCH --mem=32G
                #SBATCH --constraint=ib

                module purge
                module load gcc/14.2.0 openmpi/5.0.6 namd/3.0.1_cpu
                cd /scratch/alpine/ralph/namdrunner_jobs/j1 || exit 1

                # NAMDRunner: the job records how it ended, for clusters whose accounting cannot tell
                namdrunner_start=$(date +%s)
                namdrunner_signal=0
                namdrunner_record_exit() {
                    namdrunner_rc=$?
                    printf 'slurm_job_id=%s exit=%s signal=%s start=%s end=%s\\n' "${SLURM_JOB_ID:-}" "$namdrunner_rc" "$namdrunner_signal" "$namdrunner_start" "$(date +%s)" > .namdrunner_exit
                    return $namdrunner_rc
                }
                trap namdrunner_record_exit EXIT
                trap 'namdrunner_signal=15; exit 143' TERM

                export SLURM_EXPORT_ENV=ALL
                mpirun -np "$SLURM_NTASKS" namd3 config.namd > namd_output.log 2>&1
                """, script);
    }

    @Test
    void emptyChoicesLeaveTheirOptionsOutAndGpusUseGres() {
        Resources r = new Resources(4, MemorySize.parse("512MB"), Duration.ofMinutes(90), "", "", "", 2, "");
        String script = render(r, TestProfiles.unlisted());
        assertFalse(script.contains("--partition"));
        assertFalse(script.contains("--qos"));
        assertFalse(script.contains("--account"));
        assertFalse(script.contains("--constraint"));
        assertTrue(script.contains("#SBATCH --gres=gpu:2\n"));
        assertTrue(script.contains("#SBATCH --time=01:30:00\n"));
        assertTrue(script.contains("#SBATCH --mem=512M\n"));
    }

    @Test
    void aGpuJobOnAlpineAsksForGresAndLoadsTheGpuBuild() {
        ClusterProfile alpine = TestProfiles.alpineWithGpus();
        Resources r = new Resources(16, MemorySize.gigabytes(32), Duration.ofHours(4), "aa100", "gpu-normal", "ucb-general", 2, "");
        String script = render(r, alpine);
        assertTrue(script.contains("#SBATCH --partition=aa100\n"), script);
        assertTrue(script.contains("#SBATCH --nodes=1\n#SBATCH --ntasks=16\n"), script);
        assertTrue(script.contains("#SBATCH --gres=gpu:2\n"), script);
        assertFalse(script.contains("--gpus="), script);
        assertTrue(script.contains("module purge\nmodule load gcc/14.2.0 namd/3.0.1_gpu\n"), script);
        assertFalse(script.contains("namd/3.0.1_cpu"), script);
        assertFalse(script.contains("openmpi"), "the multicore-CUDA build needs no MPI module");

        ClusterProfile perJob = alpine.withGpu(new org.namdrunner.core.cluster.GpuSetup(alpine.gpu().gpusPerNode(),
                org.namdrunner.core.cluster.GpuSetup.Request.GPUS, alpine.gpu().moduleLines()));
        String gpus = render(r, perJob);
        assertTrue(gpus.contains("#SBATCH --gpus=2\n") && !gpus.contains("--gres"), gpus);
    }

    @Test
    void gpusThePartitionCannotGiveAreRefusedBeforeSubmitting() {
        ClusterProfile alpine = TestProfiles.alpineWithGpus();
        Resources cpu = new Resources(8, MemorySize.gigabytes(16), Duration.ofHours(4), "acpu", "cpu-normal", "", 1, "");
        InvalidInputException none = assertThrows(InvalidInputException.class, () -> render(cpu, alpine));
        assertEquals("gpus", none.field());
        assertTrue(none.getMessage().contains("'acpu'") && none.getMessage().contains("no GPUs"), none.getMessage());
        Resources four = new Resources(8, MemorySize.gigabytes(16), Duration.ofHours(4), "aa100", "gpu-normal", "", 4, "");
        assertTrue(assertThrows(InvalidInputException.class, () -> render(four, alpine)).getMessage().contains("at most 3"));
        Resources cpuQos = new Resources(8, MemorySize.gigabytes(16), Duration.ofHours(4), "aa100", "cpu-normal", "", 1, "");
        assertEquals("qos", assertThrows(InvalidInputException.class, () -> render(cpuQos, alpine)).field(), "a CPU QoS on a GPU partition");
    }

    @ParameterizedTest
    @CsvSource({ "512MB, 512M", "16GB, 16G", "1 TB, 1T", "32G, 32G" })
    void memoryAlwaysCarriesAUnit(String typed, String expected) {
        String script = render(Resources.minimal().withMemory(MemorySize.parse(typed)), TestProfiles.alpine(64, 4L * 1024 * 1024));
        assertTrue(script.contains("#SBATCH --mem=" + expected + "\n"), script);
        assertFalse(Pattern.compile("--mem=\\d+\\n").matcher(script).find(), "a bare number would mean megabytes");
    }

    @ParameterizedTest
    @CsvSource({ "1, 64, 1", "64, 64, 1", "65, 64, 2", "128, 64, 2", "129, 64, 3", "3, 2, 2", "48, 48, 1", "100000, 1, 100000" })
    void nodesAreCoresOverCoresPerNodeRoundedUp(int cores, int coresPerNode, int nodes) {
        assertEquals(nodes, BatchScriptRenderer.nodesFor(cores, coresPerNode));
        if (cores <= 1000) {
            String script = render(Resources.minimal().withCores(cores), TestProfiles.alpine(coresPerNode, 240 * 1024));
            assertTrue(script.contains("#SBATCH --nodes=" + nodes + "\n#SBATCH --ntasks=" + cores + "\n"), script);
        }
    }

    @Test
    void moreMemoryThanANodeHasIsRefusedBeforeSubmitting() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> render(Resources.minimal().withMemory(MemorySize.gigabytes(1000)), TestProfiles.alpine()));
        assertEquals("memory", e.field());
        assertEquals("The job asks for 1000GB per node, but a node of Alpine has at most 240GB. Ask for at most that much per node.",
                e.getMessage());
    }

    @Test
    void moreWalltimeThanTheClusterAllowsIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> render(Resources.minimal().withWalltime(Duration.ofDays(8)), TestProfiles.alpine()));
        assertEquals("walltime", e.field());
        assertTrue(e.getMessage().contains("(7-00:00:00)"), e.getMessage());
    }

    @Test
    void namesTheProfileDoesNotListAreRefusedWithTheChoices() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> render(Resources.minimal().withPartition("amilan"), TestProfiles.alpine()));
        assertEquals("partition", e.field());
        assertEquals("The partition 'amilan' is not one of Alpine's (acpu, atesting, aa100). Pick one of them or update the profile.",
                e.getMessage());
        assertEquals("qos", assertThrows(InvalidInputException.class,
                () -> render(Resources.minimal().withQos("normal"), TestProfiles.alpine())).field());
        assertEquals("account", assertThrows(InvalidInputException.class,
                () -> render(Resources.minimal().withAccount("nope"), TestProfiles.alpine())).field());
        assertTrue(render(Resources.minimal().withPartition("amilan"), TestProfiles.unlisted()).contains("--partition=amilan\n"),
                "a profile without a list passes any valid name on");
    }

    @ParameterizedTest
    @ValueSource(strings = { "; rm -rf ~", "$(reboot)", "`id`", "a'b", "a\"b", "new\nline", "\u00e9t\u00e9", "a b", "#x" })
    void hostileValuesNeverReachTheScript(String value) {
        assertThrows(InvalidInputException.class, () -> Resources.minimal().withPartition(value));
        assertThrows(InvalidInputException.class, () -> Resources.minimal().withQos(value));
        assertThrows(InvalidInputException.class, () -> Resources.minimal().withAccount(value));
        assertThrows(InvalidInputException.class, () -> new BatchScriptRequest(value, Resources.minimal(), TestProfiles.alpine(), SCRATCH, BODY));
        assertThrows(InvalidInputException.class, () -> scheduler.renderScript(
                new BatchScriptRequest("job", Resources.minimal(), TestProfiles.alpine(), "/scratch/" + value, BODY)));
    }

    @Test
    void theBodyIsTheJobTypesShellCodeKeptVerbatimWithUnixLineEnds() {
        String body = "echo \"h\u00e9llo \u4e2d $(date)\" 'it''s'\r\nnamd3 config.namd\r";
        String script = render(Resources.minimal(), TestProfiles.alpine(), body);
        assertFalse(script.contains("\r"), "sbatch refuses DOS line breaks");
        assertTrue(script.endsWith("\n\necho \"h\u00e9llo \u4e2d $(date)\" 'it''s'\nnamd3 config.namd\n"), script);
        assertThrows(InvalidInputException.class, () -> render(Resources.minimal(), TestProfiles.alpine(), "a\0b"));
    }

    /** The script as bash runs it: #SBATCH lines are comments, the body runs in the scratch folder, or not at all. */
    @Test
    void bashRunsTheBodyInTheScratchFolder(@TempDir Path tmp) throws Exception {
        Path scratch = Files.createDirectories(tmp.resolve("scratch/namdrunner_jobs/j1"));
        String body = "pwd > where.txt\necho \"tasks=$SLURM_NTASKS\"\n";
        ClusterProfile plain = TestProfiles.unlisted();
        String script = scheduler.renderScript(new BatchScriptRequest("j1", Resources.minimal(), plain, scratch.toString(), body));
        Path file = Files.writeString(tmp.resolve("job.sbatch"), script);

        assertEquals(0, bash(tmp, "-n", file.toString()), "syntax");
        assertEquals(0, bash(tmp, file.toString()));
        assertEquals(scratch.toRealPath() + "\n", Files.readString(scratch.resolve("where.txt")));

        Files.delete(scratch.resolve("where.txt"));
        assertTrue(Files.readString(scratch.resolve(".namdrunner_exit")).contains(" exit=0 signal=0 "), "the job's own record");
        Files.delete(scratch.resolve(".namdrunner_exit"));
        Files.delete(scratch);
        assertEquals(1, bash(tmp, file.toString()), "a missing scratch folder stops the job");
        assertFalse(Files.exists(tmp.resolve("where.txt")), "the body did not run elsewhere");
    }

    private String render(Resources r, ClusterProfile profile) {
        return render(r, profile, BODY);
    }

    private String render(Resources r, ClusterProfile profile, String body) {
        return scheduler.renderScript(new BatchScriptRequest("job", r, profile, SCRATCH, body));
    }

    private static int bash(Path dir, String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "bash";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), out);
        return p.exitValue();
    }
}
