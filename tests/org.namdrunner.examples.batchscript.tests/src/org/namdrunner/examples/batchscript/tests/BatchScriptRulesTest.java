package org.namdrunner.examples.batchscript.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.jobtype.JobType;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.examples.batchscript.BatchScriptJobType;
import org.namdrunner.examples.batchscript.BatchScriptRules;

/** The batch script type refuses bad input with a message that names the field and the problem. */
class BatchScriptRulesTest {

    private final JobType type = new BatchScriptJobType();

    private InvalidInputException refused(String script, String resultFiles) {
        Map<String, String> p = new HashMap<>();
        if (script != null) {
            p.put(BatchScriptRules.SCRIPT, script);
        }
        if (resultFiles != null) {
            p.put(BatchScriptRules.RESULT_FILES, resultFiles);
        }
        return assertThrows(InvalidInputException.class, () -> type.validate(p));
    }

    @Test
    void anEmptyOrMissingScriptIsRefused() {
        for (String s : new String[] { null, "", "  \n\t\n" }) {
            InvalidInputException e = refused(s, null);
            assertEquals(BatchScriptRules.SCRIPT, e.field());
            assertTrue(e.getMessage().contains("empty"), e.getMessage());
        }
    }

    @Test
    void aNulCharacterIsRefusedWithItsLine() {
        InvalidInputException e = refused("echo one\necho t\0wo\n", null);
        assertEquals(BatchScriptRules.SCRIPT, e.field());
        assertEquals("Line 2 of the batch script contains a NUL character.", e.getMessage());
    }

    @Test
    void otherControlCharactersAreRefusedButTabsAndLineBreaksAreFine() {
        InvalidInputException e = refused("echo \u0007bell\n", null);
        assertTrue(e.getMessage().contains("U+0007") && e.getMessage().startsWith("Line 1"), e.getMessage());
        type.validate(Map.of(BatchScriptRules.SCRIPT, "if true; then\r\n\techo ok\r\nfi"));
    }

    @Test
    void aScriptOverTheSizeLimitIsRefusedWithItsSize() {
        String atLimit = "#" + "x".repeat(BatchScriptRules.MAX_SCRIPT_BYTES - 1);
        type.validate(Map.of(BatchScriptRules.SCRIPT, atLimit));
        // 'é' is two bytes of UTF-8: the limit is on what is uploaded, not on Java characters
        String over = "#" + "é".repeat(BatchScriptRules.MAX_SCRIPT_BYTES / 2);
        InvalidInputException e = refused(over, null);
        assertTrue(e.getMessage().contains((1 + BatchScriptRules.MAX_SCRIPT_BYTES) + " bytes")
                && e.getMessage().contains("at most " + BatchScriptRules.MAX_SCRIPT_BYTES), e.getMessage());
    }

    @Test
    void sbatchLinesAreRefusedBecauseResourcesComeFromTheResourcesPage() {
        InvalidInputException e = refused("echo start\n  #sbatch --mem=900G\n", null);
        assertTrue(e.getMessage().startsWith("Line 2") && e.getMessage().contains("#SBATCH")
                && e.getMessage().contains("Resources page"), e.getMessage());
    }

    @Test
    void onlyABashOrShInterpreterLineIsAccepted() {
        for (String ok : List.of("#!/bin/bash", "#!/usr/bin/env bash", "#!/bin/sh -e")) {
            type.validate(Map.of(BatchScriptRules.SCRIPT, ok + "\necho ok\n"));
        }
        InvalidInputException e = refused("#!/usr/bin/python3\nprint(1)\n", null);
        assertTrue(e.getMessage().contains("'/usr/bin/python3'") && e.getMessage().contains("runs with bash"), e.getMessage());
        refused("#!/bin/zsh\necho\n", null);
    }

    @Test
    void resultFilesMustStayInsideTheJobFolder() {
        for (String bad : List.of("../../etc/passwd", "/home/me/x.dat", "out/../../x", "out//x", "out/a b.dat", "out/$(reboot)")) {
            InvalidInputException e = refused("echo ok", bad);
            assertEquals(BatchScriptRules.RESULT_FILES, e.field(), bad);
            assertTrue(e.getMessage().startsWith("Result file: The path"), e.getMessage());
        }
    }

    @Test
    void resultFilesAreListedOnceEachInSubfolders() {
        assertTrue(refused("echo ok", "out/a.dat, other/a.dat").getMessage().contains("same name 'a.dat'"));
        assertTrue(refused("echo ok", "summary.csv").getMessage().contains("top of the job's folder"));
        assertTrue(refused("echo ok", "out/batch_output.log").getMessage().contains("overwrite the job's log"));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= BatchScriptRules.MAX_RESULT_FILES; i++) {
            many.append("out/f").append(i).append(".dat\n");
        }
        assertTrue(refused("echo ok", many.toString()).getMessage().startsWith((BatchScriptRules.MAX_RESULT_FILES + 1) + " result files"));
        assertEquals(List.of("out/a.dat", "b/c/d.txt"), BatchScriptRules.resultFiles(" out/a.dat ,\nb/c/d.txt\n"));
    }

    @Test
    void inputFilesAreOptionalAndWorkbenchAddedKeysAreIgnored() {
        assertTrue(type.inputFiles().stream().noneMatch(JobType.InputFileSpec::required));
        assertEquals(BatchScriptJobType.INPUT_SLOTS, type.inputFiles().size());
        // the workbench adds the names of uploaded files under the input keys before rendering
        type.validate(Map.of(BatchScriptRules.SCRIPT, "cat input_files/data.txt", "input1", "data.txt"));
    }
}
