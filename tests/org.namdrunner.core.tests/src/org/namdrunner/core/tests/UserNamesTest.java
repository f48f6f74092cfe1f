package org.namdrunner.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.RemotePaths;
import org.namdrunner.core.cluster.ShellQuoting;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.validation.InputRules;

/**
 * CSU and ACCESS users log in to Alpine as {@code <eid>@colostate.edu} / {@code <name>@access-ci.org}, and their
 * folders carry that name: the profile, the path rules and the quoting must take them, and still refuse what a
 * shell would read as something else.
 */
class UserNamesTest {

    @ParameterizedTest
    @ValueSource(strings = { "ralphie@colostate.edu", "jdoe@access-ci.org", "testuser", "first.last", "a_b-c", "u1",
            "_svc", "Ralphie" })
    void namesSlurmAndLinuxAcceptPass(String user) {
        assertEquals(user, InputRules.checkUserName("user", user));
        ClusterProfile p = profile(user, "/projects/" + user, "/scratch/alpine/" + user);
        assertEquals(user, p.user());
        assertEquals("/projects/" + user + "/namdrunner_jobs/job_1", p.projectDirFor("job_1"));
        assertEquals("/scratch/alpine/" + user + "/namdrunner_jobs/job_1", p.scratchDirFor("job_1"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ralphie colostate|a space",
            "ralphie;rm -rf ~|the character ';'",
            "$(id)@x|the character '$'",
            "`id`|the character '`'",
            "it's|the character '''",
            "-oProxyCommand=x|must start with a letter, digit or '_'",
            "@colostate.edu|must start with a letter, digit or '_'",
            ".hidden|must start with a letter, digit or '_'",
            "a/b|path separator",
            "caf\u00e9|non-ASCII character",
            "a\u200bb|invisible character U+200B",
            "ralphie$|the character '$'",
            "a*b|the character '*'" })
    void unsafeNamesAreRefusedNamingTheProblem(String user, String words) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> InputRules.checkUserName("user", user));
        assertEquals("user", e.field());
        assertTrue(e.getMessage().contains(words), e.getMessage());
        InvalidInputException inProfile = assertThrows(InvalidInputException.class,
                () -> profile(user, "/projects/x", "/scratch/x"));
        assertTrue(inProfile.getMessage().contains(words), inProfile.getMessage());
    }

    @Test
    void controlCharactersAndLengthAreNamed() {
        String m = assertThrows(InvalidInputException.class, () -> InputRules.checkUserName("user", "a\nb")).getMessage();
        assertTrue(m.contains("line break") && m.contains("\\u000a"), m);
        m = assertThrows(InvalidInputException.class, () -> InputRules.checkUserName("user", "a".repeat(65))).getMessage();
        assertTrue(m.contains("65 characters"), m);
        assertEquals("user", assertThrows(InvalidInputException.class, () -> InputRules.checkUserName("user", "")).field());
    }

    @Test
    void remoteFoldersWithAtPassAndOthersStillNameTheCharacter() {
        assertEquals("/projects/ralphie@colostate.edu", RemotePaths.checkAbsolute("f", "/projects/ralphie@colostate.edu"));
        String m = assertThrows(InvalidInputException.class,
                () -> RemotePaths.checkAbsolute("f", "/projects/ralphie@colostate.edu/a b")).getMessage();
        assertTrue(m.contains("a space"), m);
        m = assertThrows(InvalidInputException.class, () -> RemotePaths.checkAbsolute("f", "/projects/a@b;c")).getMessage();
        assertTrue(m.contains("';'"), m);
        // job names stay strict: they become SLURM job names and folder names the tests of HostileInputTest rely on
        assertThrows(InvalidInputException.class, () -> InputRules.checkJobName("a@b"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/bin/sh", "/bin/bash" })
    void theRealShellReadsBackQuotedAtPaths(String shell) throws Exception {
        Path root = Files.createTempDirectory("userfolders");
        try {
            String user = "ralphie@colostate.edu";
            String folder = RemotePaths.join(root.toString(), user, "namdrunner_jobs", "job_1");
            String script = ShellQuoting.command("mkdir", "-p", "--", folder) + " && cd " + ShellQuoting.quote(folder)
                    + " && printf '%s' \"$PWD\"";
            assertEquals(folder, run(shell, script));
            assertTrue(Files.isDirectory(root.resolve(user).resolve("namdrunner_jobs/job_1")));
            assertEquals("ralphie@colostate.edu", run(shell, "printf '%s' " + ShellQuoting.quote(user)));
            assertEquals("/projects/ralphie@colostate.edu", ShellQuoting.quote("/projects/ralphie@colostate.edu"),
                    "'@' needs no quotes, so command lines stay readable");
        } finally {
            try (var files = Files.walk(root)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String run(String shell, String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(shell, "-c", script).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), new String(out, StandardCharsets.UTF_8));
        return new String(out, StandardCharsets.UTF_8);
    }

    static ClusterProfile profile(String user, String projects, String scratch) {
        return new ClusterProfile("alpine", "Alpine", "login.rc.colorado.edu", 22, user, ClusterProfile.AuthMethod.KEY, "",
                "", "", List.of(), List.of(), List.of(), List.of(), projects, scratch, 64, 240000, Duration.ofDays(7),
                Duration.ofSeconds(60));
    }
}
