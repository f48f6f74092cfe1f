package org.namdrunner.slurm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.ExecResult;
import org.namdrunner.core.cluster.LoginShell;
import org.namdrunner.core.cluster.FailureKind;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.slurm.SlurmScheduler;
import org.namdrunner.slurm.internal.SlurmCommands;

/**
 * Command lines: identical to the ones captured on the real cluster, and read back by a real shell (with
 * stand-in SLURM programs that print their arguments) as exactly the intended words, prefix or not.
 */
class SlurmCommandsTest {

    private static final String SQUEUE_FORMAT = "--format=%i|%T|%V|%S|%e|%M|%L|%D|%C|%N|%j|%k|%Z|%r";
    private static Path stubs;
    private static Path workDir;

    @BeforeAll
    static void standInSlurmPrograms() throws IOException {
        stubs = Files.createTempDirectory("slurmstubs");
        workDir = Files.createTempDirectory("slurmwork");
        for (String program : List.of("squeue", "sacct", "sbatch", "scancel")) {
            Path p = stubs.resolve(program);
            Files.writeString(p, "#!/bin/sh\nprintf '%s\\n' \"$(basename \"$0\")\" \"PWD=$PWD\" \"MSG=$MSG\" \"TF=$SLURM_TIME_FORMAT\" \"$@\"\n");
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @AfterAll
    static void removeStubs() throws IOException {
        for (Path dir : List.of(stubs, workDir)) {
            try (var files = Files.walk(dir)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void squeueAndSacctLinesAreTheCapturedOnes() {
        SlurmCommands commands = new SlurmCommands(TestProfiles.testCluster());
        int compared = 0;
        for (String name : Fixtures.captureNames(Fixtures.REAL, "squeue_")) {
            Capture c = Capture.real(name);
            if (c.command().contains("--states=all") && c.command().contains("%Z")) {
                assertEquals(sent(c.command()), commands.squeue(c.jobIds()), name);
                compared++;
            }
        }
        for (String name : Fixtures.captureNames(Fixtures.REAL, "sacct_")) {
            Capture c = Capture.real(name);
            if (c.command().contains(" -X ")) {
                assertEquals(sent(c.command()), commands.sacct(c.jobIds()), name);
                compared++;
            }
        }
        assertTrue(compared >= 25, compared + " captures compared");
    }

    /** The captured line with the time format in its environment, after the output marker. */
    private static String sent(String captured) {
        return LoginShell.commandLine("", "SLURM_TIME_FORMAT=%s " + captured);
    }

    @Test
    void scancelLinesAreTheCapturedOnes() {
        SlurmCommands commands = new SlurmCommands(TestProfiles.testCluster());
        for (String name : List.of("scancel_running", "scancel_pending", "scancel_finished", "scancel_unknown")) {
            Capture c = Capture.real(name);
            assertEquals(LoginShell.commandLine("", c.command()), commands.scancel(c.command().substring("scancel ".length())), name);
        }
    }

    @Test
    void thePrefixAndTheCommandRunTogetherInALoginShell() {
        SlurmCommands alpine = new SlurmCommands(TestProfiles.alpine());
        String marker = "echo ::namdrunner-output:: && echo ::namdrunner-output:: >&2 && ";
        assertEquals("bash -lc 'source /etc/profile && module load slurm/alpine && " + marker
                + "SLURM_TIME_FORMAT=%s squeue --noheader --states=all --jobs=1,2 --format='\\''%i|%T|%V|%S|%e|%M|%L|%D|%C|%N|%j|%k|%Z|%r'\\'''",
                alpine.squeue(List.of("1", "2")));
        assertEquals("bash -lc 'source /etc/profile && module load slurm/alpine && " + marker + "scancel 7'", alpine.scancel("7"));
    }

    @Test
    void theShellReadsTheIntendedWordsWithoutAPrefix() throws Exception {
        SlurmCommands commands = new SlurmCommands(TestProfiles.testCluster());
        assertEquals(List.of("squeue", "PWD=" + cwd(), "MSG=", "TF=%s", "--noheader", "--states=all", "--jobs=1,22,333_4", SQUEUE_FORMAT),
                run(commands.squeue(List.of("1", "22", "333_4"))));
        assertEquals(List.of("sacct", "PWD=" + cwd(), "MSG=", "TF=%s", "-X", "--parsable2", "--noheader", "--jobs=9,10",
                "--format=" + org.namdrunner.slurm.internal.SacctParser.FORMAT), run(commands.sacct(List.of("9", "10"))));
        assertEquals(List.of("scancel", "PWD=" + cwd(), "MSG=", "TF=", "17"), run(commands.scancel("17")));
    }

    @Test
    void sbatchRunsInTheJobsFolder() throws Exception {
        String script = workDir.resolve("scripts/job.sbatch").toString();
        List<String> argv = run(new SlurmCommands(TestProfiles.testCluster()).sbatch(workDir.toString(), script,
                new org.namdrunner.core.scheduler.JobTag("job_20261201_225000_a1b2c3")));
        assertEquals(List.of("sbatch", "PWD=" + workDir.toRealPath(), "MSG=", "TF=", "--parsable",
                "--comment=namdrunner:job_20261201_225000_a1b2c3", script), argv, "the tag is the job's comment");
    }

    /** A prefix is shell code written by a person: quotes, $(...), backticks and unicode in it must survive the wrapping. */
    @Test
    void aPrefixWithQuotesSubstitutionsAndUnicodeSurvivesTheWrapping() throws Exception {
        String msg = "it's; $(touch /tmp/pwned) `id` \"q\" h\u00e9llo \u4e2d \u2713";
        String prefix = "export PATH=" + stubs + ":\"$PATH\" && MSG='" + msg.replace("'", "'\\''") + "' && export MSG";
        SlurmCommands commands = new SlurmCommands(TestProfiles.withPrefix(prefix));

        assertEquals(List.of("squeue", "PWD=" + cwd(), "MSG=" + msg, "TF=%s", "--noheader", "--states=all", "--jobs=5", SQUEUE_FORMAT),
                run(commands.squeue(List.of("5"))));
        String script = workDir.resolve("job.sbatch").toString();
        assertEquals(List.of("sbatch", "PWD=" + workDir.toRealPath(), "MSG=" + msg, "TF=", "--parsable", script),
                run(commands.sbatch(workDir.toString(), script, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/scratch/a b", "/scratch/$(rm -rf ~)", "/scratch/`id`", "/scratch/x;rm -rf ~", "relative/dir",
            "/scratch/it's", "/scratch/new\nline", "/scratch/\u00e9t\u00e9", "/scratch/../etc", "-rf" })
    void hostileFoldersNeverBecomeCommands(String folder) {
        SlurmCommands commands = new SlurmCommands(TestProfiles.testCluster());
        assertThrows(InvalidInputException.class, () -> commands.sbatch(folder, "/scratch/job.sbatch", null));
        assertThrows(InvalidInputException.class, () -> commands.sbatch("/scratch", folder, null));
    }

    @ParameterizedTest
    @ValueSource(strings = { "1; rm -rf ~", "$(reboot)", "`id`", "'", "1\n2", "-1", "", "\u0661\u0662" })
    void hostileIdsAreNeverSent(String id) {
        RecordingConnection c = RecordingConnection.replaying(TestProfiles.testCluster(), null, null);
        ClusterException e = assertThrows(ClusterException.class, () -> new SlurmScheduler().cancel(c, id, null));
        assertEquals(FailureKind.PERMANENT, e.kind());
        assertEquals(List.of(), c.commands());
        assertThrows(IllegalArgumentException.class, () -> new SlurmCommands(TestProfiles.testCluster()).squeue(List.of(id)));
    }

    @Test
    void aPrefixCannotSmuggleANewLine() {
        assertThrows(InvalidInputException.class, () -> TestProfiles.withPrefix("true\nrm -rf ~"));
    }

    private static String cwd() throws IOException {
        return stubs.getParent().toRealPath().toString();
    }

    /** Runs a command line as sshd would ({@code sh -c}) in the temp folder, with the stand-ins first on the PATH. */
    private static List<String> run(String commandLine) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", commandLine).directory(stubs.getParent().toFile());
        pb.environment().put("PATH", stubs + ":" + pb.environment().get("PATH"));
        pb.environment().remove("MSG");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "shell timed out");
        assertEquals(0, p.exitValue(), out);
        ExecResult parsed = LoginShell.commandOutput(new ExecResult(commandLine, 0, out, ""));
        return new ArrayList<>(parsed.stdout().lines().toList());
    }
}
