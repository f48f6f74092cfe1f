package org.namdrunner.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ShellQuoting;
import org.namdrunner.core.model.InvalidInputException;

/** Quoting is checked against a real POSIX shell: what the shell reads back must be the value itself. */
class ShellQuotingTest {

    @ParameterizedTest
    @ValueSource(strings = { "plain", "; rm -rf ~", "$(touch /tmp/pwned)", "`id`", "it's", "a'b'c", "\"dq\"",
            "new\nline", "tab\there", "unicode \u00e9\u4e2d\u043e", "$HOME", "*", "a b  c", "", "\\", "!event", "-n",
            "x=1", "%j_%A" })
    void theShellReadsBackExactlyTheValue(String value) throws Exception {
        String echoed = runShell("printf '%s' " + ShellQuoting.quote(value));
        assertEquals(value, echoed);
    }

    @Test
    void plainWordsStayReadable() {
        assertEquals("sbatch", ShellQuoting.quote("sbatch"));
        assertEquals("/home/u/x.sbatch", ShellQuoting.quote("/home/u/x.sbatch"));
        assertEquals("'a b'", ShellQuoting.quote("a b"));
        assertEquals("''", ShellQuoting.quote(""));
        assertEquals("scancel 123 '--signal=KILL'", ShellQuoting.command("scancel", "123", "--signal=KILL"));
    }

    @Test
    void nulIsRefused() {
        assertThrows(InvalidInputException.class, () -> ShellQuoting.quote("a\0b"));
    }

    private static String runShell(String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/bin/sh", "-c", script).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        p.waitFor(10, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), "shell exit");
        return new String(out, StandardCharsets.UTF_8);
    }
}
