package org.namdrunner.slurm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namdrunner.core.model.Resources;
import org.namdrunner.core.scheduler.BatchScriptRequest;
import org.namdrunner.slurm.internal.BatchScriptRenderer;

/**
 * The rendered script, run by a real bash as slurmstepd runs it (outside SLURM, so it is the script's own doing):
 * whether the body succeeds, fails or is stopped with SIGTERM (what SLURM sends on scancel and at the time limit),
 * its results end up in the project's outputs folder, with the marker last.
 */
class JobCopiesItsResultsTest {

    @TempDir
    Path root;

    private Path script(String body) throws Exception {
        Path scratch = Files.createDirectories(root.resolve("scratch@x/namdrunner_jobs/j1"));
        Path outputs = root.resolve("projects@x/namdrunner_jobs/j1/outputs");
        Files.createDirectories(scratch.resolve("input_files"));
        Files.writeString(scratch.resolve("input_files/big.psf"), "input, not a result");
        String text = BatchScriptRenderer.render(new BatchScriptRequest("run1", Resources.minimal(), TestProfiles.testCluster(),
                scratch.toString(), body, outputs.toString(), List.of("frames/run1.dcd")));
        return Files.writeString(scratch.resolve("job.sbatch"), text);
    }

    private Path outputs() {
        return root.resolve("projects@x/namdrunner_jobs/j1/outputs");
    }

    private static int run(Path script, boolean terminate) throws Exception {
        Process p = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (terminate) {
            Path started = script.resolveSibling("started");
            for (int i = 0; i < 200 && !Files.exists(started); i++) {
                Thread.sleep(50);
            }
            assertTrue(Files.exists(started), "the body started");
            // SIGTERM to the batch shell and to the body's processes, as SLURM does at the time limit or on scancel
            List<ProcessHandle> body = p.toHandle().descendants().toList();
            p.destroy();
            body.forEach(ProcessHandle::destroy);
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "script ended");
        return p.exitValue();
    }

    @Test
    void aFinishedJobCopiesTopLevelFilesAndNamedResults() throws Exception {
        Path s = script("echo log > namd_output.log\nmkdir -p frames && echo dcd > frames/run1.dcd\necho restart > run1.restart.coor\n");
        assertEquals(0, run(s, false));
        assertEquals("log\n", Files.readString(outputs().resolve("namd_output.log")));
        assertEquals("restart\n", Files.readString(outputs().resolve("run1.restart.coor")));
        assertEquals("dcd\n", Files.readString(outputs().resolve("frames/run1.dcd")));
        assertTrue(Files.exists(outputs().resolve(BatchScriptRequest.RESULTS_COPIED)));
        assertFalse(Files.exists(outputs().resolve("big.psf")), "inputs in subfolders are not results");
    }

    @Test
    void aFailedJobKeepsItsExitCodeAndStillCopies() throws Exception {
        Path s = script("echo 'FATAL ERROR: Atoms moving too fast' > namd_output.log\nexit 3\n");
        assertEquals(3, run(s, false), "SLURM must still see the failure");
        assertTrue(Files.readString(outputs().resolve("namd_output.log")).contains("FATAL ERROR"));
        assertTrue(Files.exists(outputs().resolve(BatchScriptRequest.RESULTS_COPIED)));
    }

    @Test
    void aJobStoppedByTermCopiesWhatItHasSoFar() throws Exception {
        Path s = script("echo partial > namd_output.log\ntouch started\nsleep 30\necho never > late.txt\n");
        int rc = run(s, true);
        assertEquals(143, rc);
        assertEquals("partial\n", Files.readString(outputs().resolve("namd_output.log")));
        assertFalse(Files.exists(outputs().resolve("late.txt")));
        assertTrue(Files.exists(outputs().resolve(BatchScriptRequest.RESULTS_COPIED)));
    }

    @Test
    void withoutAResultsFolderTheScriptCopiesNothing() throws Exception {
        String text = BatchScriptRenderer.render(new BatchScriptRequest("run1", Resources.minimal(), TestProfiles.testCluster(),
                root.toString(), "true\n"));
        assertFalse(text.contains("namdrunner_copy_results"), text);
        assertTrue(text.contains("trap namdrunner_record_exit EXIT"), "only the job's exit record (JobRecordTest): " + text);
        Process p = new ProcessBuilder("bash", "-n").start();
        p.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
    }
}
