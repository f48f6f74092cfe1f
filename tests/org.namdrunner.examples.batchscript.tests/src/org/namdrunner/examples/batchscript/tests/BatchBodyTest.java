package org.namdrunner.examples.batchscript.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.examples.batchscript.BatchScriptJobType;
import org.namdrunner.examples.batchscript.BatchScriptRules;

/**
 * The rendered files and batch body, run by a real bash in a folder laid out like a job's scratch folder: the
 * script's output lands in the log, result files in subfolders are copied to the top, and the job exits with
 * the script's status (which is what SLURM reports as COMPLETED or FAILED).
 */
class BatchBodyTest {

    private final BatchScriptJobType type = new BatchScriptJobType();

    private int runInJobFolder(Path dir, Map<String, String> params) throws IOException, InterruptedException {
        for (Map.Entry<String, String> f : type.renderFiles(null, params, null).entrySet()) {
            Path file = dir.resolve(f.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, f.getValue());
        }
        Files.writeString(dir.resolve("body.sh"), type.renderBatchBody(null, params, null));
        Process p = new ProcessBuilder("bash", "body.sh").directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("bash did not finish");
        }
        assertEquals("", out, "the body writes nothing outside the log");
        return p.exitValue();
    }

    @Test
    void theScriptRunsWithItsOutputInTheLogAndResultFilesAreCollected() throws Exception {
        Path dir = Files.createTempDirectory("batchscript-body");
        int exit = runInJobFolder(dir, Map.of(BatchScriptRules.SCRIPT,
                "echo \"PROGRESS 1/1\"\r\nmkdir -p 'out dir' out\necho 42 > out/answer.txt\necho odd > 'out dir/x.txt'\necho to-stderr >&2\n",
                BatchScriptRules.RESULT_FILES, "out/answer.txt, out/never.txt"));
        assertEquals(0, exit);
        assertEquals("42\n", Files.readString(dir.resolve("out/answer.txt")));
        assertEquals(List.of("out/answer.txt", "out/never.txt"),
                type.resultFiles(null, Map.of(BatchScriptRules.RESULT_FILES, "out/answer.txt, out/never.txt")),
                "the workbench is told which files in subfolders to keep");
        String log = Files.readString(dir.resolve(BatchScriptJobType.LOG_FILE));
        assertTrue(log.contains("PROGRESS 1/1") && log.contains("to-stderr"), log);
        assertTrue(log.contains("result file out/never.txt was not written"), log);
        assertEquals(1.0, type.parseLog(log).fraction());
    }

    @Test
    void theJobExitsWithTheScriptsStatusAfterCollectingResults() throws Exception {
        Path dir = Files.createTempDirectory("batchscript-body");
        int exit = runInJobFolder(dir, Map.of(BatchScriptRules.SCRIPT, "mkdir -p r\necho partial > r/p.txt\necho 'ERROR: out of data'\nexit 3",
                BatchScriptRules.RESULT_FILES, "r/p.txt"));
        assertEquals(3, exit);
        assertTrue(Files.exists(dir.resolve("r/p.txt")), "the script ran to its end before failing");
        String log = Files.readString(dir.resolve(BatchScriptJobType.LOG_FILE));
        assertFalse(log.contains("was not written"), "the written result file is not reported missing: " + log);
        assertEquals("The script reported: out of data", type.parseLog(Files.readString(dir.resolve(BatchScriptJobType.LOG_FILE))).failureCause());
    }

    @Test
    void renderingRefusesWhatValidationRefuses() {
        assertThrows(InvalidInputException.class, () -> type.renderBatchBody(null, Map.of(BatchScriptRules.SCRIPT, ""), null));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> type.renderBatchBody(null,
                Map.of(BatchScriptRules.SCRIPT, "echo", BatchScriptRules.RESULT_FILES, "out/'; rm -rf ~; '"), null));
        assertEquals(BatchScriptRules.RESULT_FILES, e.field());
        assertFalse(type.renderFiles(null, Map.of(BatchScriptRules.SCRIPT, "echo a\r\necho b"), null)
                .get(BatchScriptJobType.SCRIPT_FILE).contains("\r"), "sbatch and bash get Unix line ends");
    }
}
