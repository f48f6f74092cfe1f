package org.namdrunner.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ExecResult;
import org.namdrunner.core.cluster.LoginShell;

/** The prefix and the output marker, run by a real bash as sshd would ({@code sh -c <line>}). */
class LoginShellTest {

    @Test
    void bannersAndChatterBeforeTheCommandAreDropped() throws Exception {
        String prefix = "echo 'Welcome to Alpine' && echo '::namdrunner-output:: in a banner' && echo 'Lmod: loading slurm' >&2";
        ExecResult r = LoginShell.commandOutput(run(LoginShell.commandLine(prefix, "printf 'row1\\nrow2\\n' && echo warn >&2")));
        assertEquals(0, r.exitCode());
        assertEquals("row1\nrow2\n", r.stdout());
        assertEquals("warn\n", r.stderr());
    }

    @Test
    void aFailingPrefixKeepsItsOwnWords() throws Exception {
        ExecResult raw = run(LoginShell.commandLine("echo banner && echo 'module: command not found' >&2 && false", "echo never"));
        assertFalse(LoginShell.commandRan(raw));
        ExecResult r = LoginShell.commandOutput(raw);
        assertEquals(1, r.exitCode());
        assertEquals("banner\n", r.stdout());
        assertTrue(r.stderr().contains("module: command not found"), r.stderr());
    }

    @Test
    void withoutAPrefixTheMarkerStillSeparatesWhatAShellPrinted() throws Exception {
        String line = LoginShell.commandLine("", "echo out");
        assertFalse(line.startsWith("bash -lc"), line);
        ExecResult r = LoginShell.commandOutput(run("echo from-bashrc; " + line));
        assertEquals("out\n", r.stdout());
        assertEquals("", r.stderr());
    }

    @Test
    void aPrefixWithQuotesIsQuotedOnce() throws Exception {
        ExecResult r = LoginShell.commandOutput(run(LoginShell.commandLine("X='it'\\''s' && export X", "printf '%s' \"$X\"")));
        assertEquals("it's", r.stdout());
    }

    private static ExecResult run(String line) throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", line).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return new ExecResult(line, p.exitValue(), out, err);
    }
}
