package org.namdrunner.slurm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namdrunner.core.cluster.ExecResult;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.Resources;
import org.namdrunner.core.scheduler.BatchScriptRequest;
import org.namdrunner.core.scheduler.QueryResult;
import org.namdrunner.core.scheduler.SchedulerJobState;
import org.namdrunner.core.scheduler.SchedulerJobState.Origin;
import org.namdrunner.slurm.SlurmScheduler;
import org.namdrunner.slurm.internal.BatchScriptRenderer;
import org.namdrunner.slurm.internal.JobRecord;
import org.namdrunner.slurm.internal.SlurmCommands;

/**
 * The job's own record of how it ended (issue [J] rule 4): written by the rendered script run by a real bash, read
 * back by the status query inside its sacct command when accounting cannot answer.
 */
class JobRecordTest {

    @TempDir
    Path root;

    private Path script(String body) throws Exception {
        Path scratch = Files.createDirectories(root.resolve("scratch/namdrunner_jobs/j1"));
        String text = BatchScriptRenderer.render(new BatchScriptRequest("run1", Resources.minimal(), TestProfiles.testCluster(),
                scratch.toString(), body));
        return Files.writeString(scratch.resolve("job.sbatch"), text);
    }

    private static String run(Path script, boolean terminate) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("SLURM_JOB_ID", "4711");
        Process p = pb.start();
        if (terminate) {
            Path started = script.resolveSibling("started");
            for (int i = 0; i < 200 && !Files.exists(started); i++) {
                Thread.sleep(50);
            }
            assertTrue(Files.exists(started), "the body started");
            p.destroy();   // SIGTERM to the batch shell, as SLURM sends at scancel and at the time limit
            p.toHandle().descendants().forEach(ProcessHandle::destroy);
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "script ended");
        String record = Files.readString(script.resolveSibling(JobRecord.FILE)).strip();
        assertTrue(record.startsWith("slurm_job_id=4711 "), record);
        return record + " rc=" + p.exitValue();
    }

    @Test
    void aFailedJobRecordsItsExitStatusAndSlurmStillSeesIt() throws Exception {
        String record = run(script("echo 'FATAL ERROR: x' > namd_output.log\nexit 3\n"), false);
        assertTrue(record.contains(" exit=3 signal=0 ") && record.endsWith(" rc=3"), record);
        SchedulerJobState s = JobRecord.read("4711", record.substring(0, record.indexOf(" rc=")), Map.of()).orElseThrow();
        assertEquals(JobStatus.FAILED, s.status());
        assertEquals("3:0", s.exitCode());
        assertEquals(Origin.JOB_RECORD, s.origin());
        assertTrue(!s.end().isBefore(s.start()));
    }

    @Test
    void aCompletedJobRecordsZeroAndAStoppedOneItsSignal() throws Exception {
        String ok = run(script("echo fine\n"), false);
        assertTrue(ok.contains(" exit=0 signal=0 ") && ok.endsWith(" rc=0"), ok);
        assertEquals(JobStatus.COMPLETED, JobRecord.read("4711", ok.substring(0, ok.indexOf(" rc=")), Map.of()).orElseThrow().status());

        String stopped = run(script("touch started\nsleep 30\n"), true);
        assertTrue(stopped.contains(" exit=143 signal=15 "), stopped);
        assertEquals(JobStatus.CANCELLED, JobRecord.read("4711", stopped.substring(0, stopped.indexOf(" rc=")), Map.of()).orElseThrow().status());
        assertEquals(java.util.Optional.empty(), JobRecord.read("4712", stopped.substring(0, stopped.indexOf(" rc=")), Map.of()),
                "a record of another SLURM job in the same folder says nothing about this one");
    }

    @Test
    void withoutAccountingTheQueryReadsTheRecordsInItsSacctCommand() throws Exception {
        String folder = "/scratch/alpine/ralph/namdrunner_jobs/j9";
        RecordingConnection c = new RecordingConnection(TestProfiles.testCluster(), line -> {
            if (line.contains(" squeue ")) {
                return new ExecResult(line, 0, "", "");
            }
            assertTrue(line.contains("grep -Hs") && line.contains(folder + "/" + JobRecord.FILE), line);
            return new ExecResult(line, 1, SlurmCommands.RECORDS_MARKER + "\n" + folder + "/" + JobRecord.FILE
                    + ":slurm_job_id=9 exit=1 signal=0 start=1795946010 end=1795946013\n",
                    "sacct: error: Slurm accounting storage is disabled\n");
        });
        QueryResult r = new SlurmScheduler(java.time.ZoneOffset.UTC).query(c, List.of("9", "10"),
                Map.of("9", folder, "10", "/scratch/alpine/ralph/namdrunner_jobs/j10"), null);
        assertEquals(2, r.commands(), "the records ride on the sacct command");
        assertEquals(2, c.commands().size());
        SchedulerJobState s = r.states().get("9");
        assertEquals(JobStatus.FAILED, s.status());
        assertEquals(java.time.Instant.ofEpochSecond(1795946010), s.start());
        assertEquals(java.time.Instant.ofEpochSecond(1795946013), s.end());
        assertEquals(java.util.Set.of("10"), r.missing(), "a job without a record stays missing");
        assertTrue(r.problems().stream().anyMatch(p -> p.contains("accounting storage is disabled")), r.problems().toString());
    }
}
