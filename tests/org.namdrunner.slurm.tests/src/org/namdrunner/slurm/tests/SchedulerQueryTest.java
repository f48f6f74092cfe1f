package org.namdrunner.slurm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ExecResult;
import org.namdrunner.core.cluster.FailureKind;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.scheduler.QueryResult;
import org.namdrunner.core.scheduler.SchedulerJobState;
import org.namdrunner.core.scheduler.SchedulerJobState.Origin;
import org.namdrunner.slurm.SlurmScheduler;
import org.namdrunner.slurm.internal.SqueueParser;

/**
 * The batched query (one squeue, one sacct for exactly the ids squeue did not return) replayed against
 * captured outputs of real SLURM through a {@link RecordingConnection}.
 */
class SchedulerQueryTest {

    private final SlurmScheduler scheduler = new SlurmScheduler(ZoneOffset.UTC);

    @Test
    void anIdTheControllerNeverHeardOfIsMissingNotFinished() throws Exception {
        Capture squeue = Capture.real("squeue_mixed_unknown_id");
        Capture sacct = Capture.real("sacct_unknown_id");
        RecordingConnection c = RecordingConnection.replaying(TestProfiles.testCluster(), squeue, sacct);

        QueryResult r = scheduler.query(c, squeue.jobIds(), null);

        assertEquals(List.of(sent(squeue.command()), polled(sacct.command())), c.commands(), "sacct asks only for the id squeue lacked");
        assertEquals(Set.of("999999"), r.missing());
        assertEquals(2, r.commands());
        assertEquals(List.of(), r.problems());
        Set<String> known = new LinkedHashSet<>(squeue.jobIds());
        known.remove("999999");
        assertEquals(known, r.states().keySet());
        assertTrue(r.states().values().stream().allMatch(s -> s.origin() == Origin.QUEUE));
        assertTrue(r.states().values().stream().anyMatch(s -> s.status() == JobStatus.RUNNING));
        assertTrue(r.states().values().stream().anyMatch(s -> "JobHeldUser".equals(s.reason())));
    }

    @Test
    void aJobThatEndedButIsStillInSqueueTakesItsExitCodeFromSacct() throws Exception {
        // squeue keeps an ended job for MinJobAge, without an exit code; the old query took that row and never asked sacct
        Capture squeue = Capture.real("squeue_cancelled_running");
        Capture sacct = Capture.real("sacct_cancelled_running");
        String id = squeue.jobIds().iterator().next();
        RecordingConnection c = RecordingConnection.replaying(TestProfiles.testCluster(), squeue, sacct);

        QueryResult r = scheduler.query(c, squeue.jobIds(), null);

        assertEquals(2, r.commands(), "sacct is asked about the job squeue shows as ended");
        SchedulerJobState s = r.states().get(id);
        assertEquals(Origin.ACCOUNTING, s.origin());
        assertEquals("0:0", s.exitCode());
        assertEquals(JobStatus.CANCELLED, s.status());
        assertEquals(List.of(), r.problems());
    }

    @Test
    void aSingleStaleIdFailingSqueueIsAskedOfSacct() throws Exception {
        Capture squeue = Capture.real("squeue_only_unknown_id");
        assertEquals(1, squeue.exitCode(), "SLURM 22.05 fails squeue for one unknown id");
        RecordingConnection c = RecordingConnection.replaying(TestProfiles.testCluster(), squeue, Capture.real("sacct_unknown_id"));

        QueryResult r = scheduler.query(c, squeue.jobIds(), null);

        assertEquals(2, c.commands().size());
        assertEquals(squeue.jobIds(), r.missing());
        assertEquals(List.of(), r.problems(), "a stale id is normal, not a problem");
    }

    @Test
    void aSinglePurgedIdIsFoundInAccounting() throws Exception {
        Capture squeue = Capture.real("squeue_single_purged_id");
        Capture sacct = Capture.real("sacct_purged_ids").onlyRowsOf(squeue.jobIds());
        RecordingConnection c = RecordingConnection.replaying(TestProfiles.testCluster(), squeue, sacct);

        QueryResult r = scheduler.query(c, squeue.jobIds(), null);

        String id = squeue.jobIds().iterator().next();
        assertEquals(JobStatus.COMPLETED, r.states().get(id).status());
        assertEquals(Origin.ACCOUNTING, r.states().get(id).origin());
        assertEquals(Set.of(), r.missing());
    }

    @ParameterizedTest
    @ValueSource(strings = { "squeue_mixed_purged_ids", "squeue_only_purged_ids" })
    void purgedJobsComeFromSacctAndLiveOnesFromSqueue(String squeueCapture) throws Exception {
        Capture squeue = Capture.real(squeueCapture);
        Capture sacct = Capture.real("sacct_purged_ids");
        RecordingConnection c = RecordingConnection.replaying(TestProfiles.testCluster(), squeue, sacct);

        QueryResult r = scheduler.query(c, squeue.jobIds(), null);

        assertEquals(polled(sacct.command()), c.commands().get(1), "exactly the purged ids go to sacct");
        assertEquals(squeue.jobIds(), r.states().keySet());
        for (String id : sacct.jobIds()) {
            assertEquals(Origin.ACCOUNTING, r.states().get(id).origin());
            assertTrue(r.states().get(id).status().isTerminal());
        }
        assertEquals(List.of(), r.problems());
    }

    @Test
    void everyIdOfTheCaptureRunInTwoCommands() throws Exception {
        Capture squeue = Capture.real("squeue_all_mixed");
        Capture sacctAll = Capture.real("sacct_all_mixed");
        RecordingConnection c = new RecordingConnection(TestProfiles.testCluster(), line -> line.contains(" squeue ")
                ? squeue.asResult(line)
                : sacctAll.onlyRowsOf(Capture.jobIdsOf(line)).asResult(line));

        QueryResult r = scheduler.query(c, squeue.jobIds(), null);

        assertEquals(2, c.commands().size());
        // what squeue listed, and which of those had ended: sacct is asked about the rest and about those
        List<SchedulerJobState> queued = SqueueParser.parse(squeue.asResult(c.commands().get(0)).stdout(), ZoneOffset.UTC).states();
        Set<String> endedInQueue = queued.stream().filter(s -> s.status().isTerminal()).map(SchedulerJobState::slurmId)
                .collect(Collectors.toSet());
        assertFalse(endedInQueue.isEmpty(), "the capture has a job squeue still lists as finished");
        Set<String> askedOfSacct = new LinkedHashSet<>(squeue.jobIds());
        askedOfSacct.removeAll(queued.stream().map(SchedulerJobState::slurmId).toList());
        askedOfSacct.addAll(endedInQueue);
        assertEquals(askedOfSacct, Capture.jobIdsOf(c.commands().get(1)));
        // sacct's row, with the exit code and the usage, stands for an ended job accounting has ended too
        assertTrue(endedInQueue.stream().anyMatch(id -> r.states().get(id).origin() == Origin.ACCOUNTING && r.states().get(id).status().isTerminal()),
                "no ended job took sacct's row: " + endedInQueue.stream().map(r.states()::get).toList());
        assertEquals(Set.of("999999"), r.missing());
        assertEquals(squeue.jobIds().size() - 1, r.states().size());
        assertEquals(List.of(), r.problems());
        assertTrue(r.states().values().stream().anyMatch(s -> s.rawState().startsWith("CANCELLED by ")));
    }

    @ParameterizedTest
    @ValueSource(strings = { "real/squeue_controller_down", "seed/squeue_socket_timeout", "seed/squeue_zero_bytes" })
    void anUnreachableControllerIsTransientAndStopsTheQuery(String fixture) {
        Capture squeue = Capture.load("fixtures/" + fixture.substring(0, fixture.indexOf('/')), fixture.substring(fixture.indexOf('/') + 1));
        RecordingConnection c = RecordingConnection.replaying(TestProfiles.testCluster(), squeue, null);

        ClusterException e = assertThrows(ClusterException.class, () -> scheduler.query(c, squeue.jobIds(), null));

        assertEquals(FailureKind.TRANSIENT, e.kind());
        assertEquals(1, c.commands().size(), "no sacct after the controller failed to answer");
        assertTrue(e.getMessage().contains("try again later"), e.getMessage());
        assertTrue(e.getMessage().contains(squeue.stderr().strip().replaceFirst("^slurm_load_jobs error: ", "")), e.getMessage());
    }

    @Test
    void aTransportFailureIsPassedOnUnchanged() {
        ClusterException dropped = ClusterException.transientFailure("The connection to the cluster was lost.", null);
        RecordingConnection c = new RecordingConnection(TestProfiles.testCluster(), line -> {
            throw dropped;
        });
        assertSame(dropped, assertThrows(ClusterException.class, () -> scheduler.query(c, List.of("17"), null)));
    }

    @Test
    void anUnreachableAccountingDatabaseKeepsWhatSqueueSaidAndSaysSo() throws Exception {
        // squeue answered, so the controller is up: only slurmdbd is away. Backing off the whole poll would leave every
        // job unsynced while accounting is down; instead the missing ids stay as they are and the problem is in words.
        RecordingConnection c = new RecordingConnection(TestProfiles.testCluster(), line -> line.contains(" squeue ")
                ? new ExecResult(line, 0, Capture.oldSqueue("9|RUNNING|None|0:01|4:59|1|1|vm|/h\n"), "")
                : new ExecResult(line, 1, "", "sacct: error: Problem talking to the database: Connection refused\n"));
        QueryResult r = scheduler.query(c, List.of("9", "10"), null);
        assertEquals(2, c.commands().size());
        assertEquals(Set.of("9"), r.states().keySet());
        assertEquals(Set.of("10"), r.missing());
        assertTrue(r.problems().stream().anyMatch(p -> p.contains("accounting could not be reached") && p.contains("10")), r.problems().toString());
    }

    @Test
    void aBrokenSacctKeepsWhatSqueueSaid() throws Exception {
        Capture squeue = Capture.real("squeue_mixed_purged_ids");
        RecordingConnection c = new RecordingConnection(TestProfiles.testCluster(), line -> line.contains(" squeue ")
                ? squeue.asResult(line)
                : new ExecResult(line, 1, "", "sacct: error: Slurm accounting storage is disabled\n"));

        QueryResult r = scheduler.query(c, squeue.jobIds(), null);

        assertEquals(SqueueParserTest.byId(org.namdrunner.slurm.internal.SqueueParser.parse(squeue.stdout(), java.time.ZoneOffset.UTC)).keySet(),
                r.states().keySet());
        assertFalse(r.missing().isEmpty());
        assertEquals(1, r.problems().size());
        assertTrue(r.problems().get(0).contains("accounting storage is disabled"), r.problems().get(0));
        assertTrue(r.problems().get(0).contains("keep their last status"), r.problems().get(0));
    }

    @Test
    void anUnexpectedSqueueFailureFallsBackToSacctForEveryId() throws Exception {
        RecordingConnection c = new RecordingConnection(TestProfiles.testCluster(), line -> line.contains(" squeue ")
                ? new ExecResult(line, 2, "", "squeue: error: something new\n")
                : Capture.real("sacct_finished").asResult(line));
        Set<String> ids = Capture.real("sacct_finished").jobIds();

        QueryResult r = scheduler.query(c, ids, null);

        assertEquals(ids, r.states().keySet());
        assertEquals(ids, Capture.jobIdsOf(c.commands().get(1)));
        assertEquals(1, r.problems().size());
        assertTrue(r.problems().get(0).contains("something new"));
    }

    @Test
    void aMissingSlurmCommandPointsAtTheProfilesPrefix() {
        RecordingConnection c = RecordingConnection.always(TestProfiles.testCluster(),
                new Capture("x", "", "", "bash: line 1: squeue: command not found\n", 127));
        ClusterException e = assertThrows(ClusterException.class, () -> scheduler.query(c, List.of("17"), null));
        assertEquals(FailureKind.PERMANENT, e.kind());
        assertTrue(e.getMessage().contains("command prefix"), e.getMessage());
    }

    @Test
    void idsThatAreNotSlurmIdsAreNeverSent() throws Exception {
        List<String> ids = Arrays.asList("17", "; rm -rf ~", "$(reboot)", "`id`", "17", null, "20\n21", "");
        RecordingConnection c = RecordingConnection.replaying(TestProfiles.testCluster(),
                new Capture("q", "", Capture.oldSqueue("17|RUNNING|None|0:01|4:59|1|1|vm|/home/u\n"), "", 0), null);

        QueryResult r = scheduler.query(c, ids, null);

        assertEquals(List.of(sent("squeue --noheader --states=all --jobs=17 --format='%i|%T|%V|%S|%e|%M|%L|%D|%C|%N|%j|%k|%Z|%r'")), c.commands());
        assertEquals(Set.of("17"), r.states().keySet());
        assertEquals(Set.of("; rm -rf ~", "$(reboot)", "`id`", "20\n21", ""), r.missing());
        assertEquals(6, r.problems().size(), String.join("\n", r.problems()));
        assertTrue(r.problems().stream().noneMatch(p -> p.contains("\n")), "problems are single lines");
    }

    @Test
    void rowsForJobsNotAskedAboutAreIgnored() throws Exception {
        RecordingConnection c = RecordingConnection.replaying(TestProfiles.testCluster(),
                new Capture("q", "", Capture.oldSqueue("17|RUNNING|None|0:01|4:59|1|1|vm|/h\n99|RUNNING|None|0:01|4:59|1|1|vm|/h\n"), "", 0), null);
        QueryResult r = scheduler.query(c, List.of("17"), null);
        assertEquals(Set.of("17"), r.states().keySet());
        assertTrue(r.problems().get(0).contains("99"));
    }

    @Test
    void nothingToAskMeansNoCommand() throws Exception {
        RecordingConnection c = RecordingConnection.replaying(TestProfiles.testCluster(), null, null);
        QueryResult r = scheduler.query(c, List.of(), null);
        assertEquals(0, r.commands());
        assertEquals(List.of(), c.commands());
    }

    @Test
    void aCancelledMonitorStopsBeforeAnyCommand() {
        RecordingConnection c = RecordingConnection.replaying(TestProfiles.testCluster(), null, null);
        NullProgressMonitor monitor = new NullProgressMonitor();
        monitor.setCanceled(true);
        ClusterException e = assertThrows(ClusterException.class, () -> scheduler.query(c, List.of("17"), monitor));
        assertEquals(FailureKind.CANCELLED, e.kind());
        assertEquals(List.of(), c.commands());
    }

    @Test
    void onAlpineEveryCommandRunsInALoginShellAfterThePrefix() throws Exception {
        RecordingConnection c = RecordingConnection.replaying(TestProfiles.alpine(),
                new Capture("q", "", "", "", 0), new Capture("a", "", "", "", 0));
        scheduler.query(c, List.of("17", "18"), null);
        assertEquals(2, c.commands().size());
        for (String line : c.commands()) {
            assertTrue(line.startsWith("bash -lc 'source /etc/profile && module load slurm/alpine && "), line);
        }
    }

    /** The rule of the issue: whatever N, at most two remote commands, and every id is answered or missing. */
    @ParameterizedTest
    @ValueSource(ints = { 1, 2, 7, 100, 2500 })
    void anyNumberOfJobsTakesAtMostTwoCommands(int n) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(Integer.toString(5000 + i));
        }
        RecordingConnection c = new RecordingConnection(TestProfiles.testCluster(), line -> {
            StringBuilder out = new StringBuilder();
            for (String id : Capture.jobIdsOf(line)) {
                int i = Integer.parseInt(id) - 5000;
                if (line.contains(" squeue ") && i % 3 == 0) {
                    out.append(id).append("|RUNNING|None|1:00|59:00|1|2|vm|/home/testuser/scratch/j").append(id).append('\n');
                } else if (line.contains(" sacct ") && i % 3 == 1) {
                    out.append(id).append("|COMPLETED|0:0|2026-11-29T00:36:23|2026-11-29T00:36:28|00:00:05|None\n");
                    out.append(id).append(".batch|COMPLETED|0:0|2026-11-29T00:36:23|2026-11-29T00:36:28|00:00:05|\n");
                }
            }
            return new ExecResult(line, 0, line.contains(" squeue ") ? Capture.oldSqueue(out.toString()) : Capture.oldSacct(out.toString()), "");
        });

        QueryResult r = scheduler.query(c, ids, null);

        assertTrue(c.commands().size() <= 2, c.commands().size() + " commands");
        assertEquals(c.commands().size(), r.commands());
        Set<String> answered = new HashSet<>(r.states().keySet());
        answered.addAll(r.missing());
        assertEquals(new HashSet<>(ids), answered);
        assertEquals((n + 2) / 3, r.states().values().stream().filter(s -> s.status() == JobStatus.RUNNING).count());
        assertEquals((n + 1) / 3, r.states().values().stream().filter(s -> s.status() == JobStatus.COMPLETED).count());
        assertEquals(n / 3, r.missing().size());
        assertEquals(List.of(), r.problems());
    }

    /** A captured command line as it is sent: time format in its environment, after the output marker. */
    /** The captured allocations-only sacct as a poll sends it: with the step rows, whose MaxRSS is the memory used. */
    private static String polled(String captured) {
        return sent(captured.replace("sacct -X ", "sacct "));
    }

    private static String sent(String captured) {
        return org.namdrunner.core.cluster.LoginShell.commandLine("", "SLURM_TIME_FORMAT=%s " + captured);
    }
}
