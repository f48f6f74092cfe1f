package org.namdrunner.slurm.tests;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.FailureKind;
import org.namdrunner.slurm.SlurmScheduler;

/** sbatch and scancel replayed from real captures (fixtures/real) and the facts file's examples (fixtures/seed). */
class SubmitAndCancelTest {

    private static final String DIR = "/home/testuser/scratch/fixtures";
    private static final String SCRIPT = DIR + "/scripts/job.sbatch";

    private static final String MARKER = "echo ::namdrunner-output:: && echo ::namdrunner-output:: >&2 && ";

    private final SlurmScheduler scheduler = new SlurmScheduler();

    @ParameterizedTest
    @ValueSource(strings = { "real/sbatch_parsable_ok", "real/sbatch_plain_ok", "real/sbatch_nodes_warning",
            "seed/sbatch_parsable_with_cluster" })
    void theJobIdIsReadFromEitherForm(String fixture) throws Exception {
        Capture c = load(fixture);
        String expected = c.stdout().strip().replaceFirst("^Submitted batch job ", "").replaceFirst(";.*", "");
        RecordingConnection conn = RecordingConnection.always(TestProfiles.testCluster(), c);

        assertEquals(expected, scheduler.submit(conn, DIR, SCRIPT, null));
        assertTrue(expected.matches("\\d+"), expected);
        assertEquals(List.of(MARKER + "cd " + DIR + " && sbatch --parsable " + SCRIPT), conn.commands());
    }

    @Test
    void onAlpineSbatchRunsAfterThePrefixInTheJobsFolder() throws Exception {
        RecordingConnection conn = RecordingConnection.always(TestProfiles.alpine(), Capture.real("sbatch_parsable_ok"));
        scheduler.submit(conn, "/scratch/alpine/ralph/namdrunner_jobs/j1", "/scratch/alpine/ralph/namdrunner_jobs/j1/scripts/job.sbatch", null);
        assertEquals(List.of("bash -lc 'source /etc/profile && module load slurm/alpine && " + MARKER + "cd /scratch/alpine/ralph/namdrunner_jobs/j1 "
                + "&& sbatch --parsable /scratch/alpine/ralph/namdrunner_jobs/j1/scripts/job.sbatch'"), conn.commands());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "real/sbatch_invalid_partition; PERMANENT; The cluster does not know the partition 'nope'. Pick one of the profile's partitions (debug, long) or update the profile.",
            "real/sbatch_plain_invalid_partition; PERMANENT; The cluster does not know the partition 'nope'.",
            "real/sbatch_invalid_qos; PERMANENT; The cluster refused the QoS. Pick one of the profile's QoS (normal, high)",
            "real/sbatch_invalid_account; PERMANENT; Pick one of the profile's accounts (testacct)",
            "real/sbatch_mem_unsatisfiable; PERMANENT; No node of the chosen partition has as much memory as the job asks for. Ask for at most 21694MB per node",
            "real/sbatch_invalid_time; PERMANENT; Ask for less walltime (the profile allows up to 7 days)",
            "real/sbatch_time_over_partition_limit; PERMANENT; The walltime is longer than the chosen partition or QoS allows.",
            "real/sbatch_too_many_tasks; PERMANENT; Ask for fewer cores",
            "real/sbatch_too_many_cpus_per_task; PERMANENT; Ask for fewer cores",
            "real/sbatch_too_many_nodes; PERMANENT; Ask for fewer cores",
            "real/sbatch_invalid_gres; PERMANENT; The chosen partition has no GPUs",
            "real/sbatch_invalid_constraint; PERMANENT; Remove the constraint",
            "real/sbatch_missing_script; PERMANENT; sbatch could not read the job script " + SCRIPT,
            "real/sbatch_no_shebang; PERMANENT; is not a valid batch script. Recreate the job",
            "real/sbatch_dos_line_endings; PERMANENT; is not a valid batch script. Recreate the job",
            "real/sbatch_controller_down; TRANSIENT; SLURM on Test cluster could not be reached to submit the job. Try again in a few minutes.",
            "seed/sbatch_socket_timeout; TRANSIENT; the job may have been accepted anyway",
            "seed/sbatch_qos_policy; PERMANENT; The job breaks a limit of its QoS or account",
            "seed/sbatch_access_denied; PERMANENT; The cluster denied access",
            "seed/sbatch_command_not_found; PERMANENT; Check the command prefix of the profile (now empty)" })
    void refusalsAreClassifiedWithAdviceAndSlurmsOwnWords(String fixture, FailureKind kind, String advice) {
        Capture c = load(fixture);
        RecordingConnection conn = RecordingConnection.always(TestProfiles.testCluster(), c);

        ClusterException e = assertThrows(ClusterException.class, () -> scheduler.submit(conn, DIR, SCRIPT, null));

        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains(advice), e.getMessage());
        String lastSlurmLine = c.stderr().strip().lines().reduce((a, b) -> b).orElseThrow().replaceFirst("^\\w+: error: ", "");
        assertTrue(e.getMessage().contains("(SLURM said: '") && e.getMessage().contains(lastSlurmLine), e.getMessage());
    }

    @Test
    void anUnknownRefusalIsPermanentAndQuoted() {
        RecordingConnection conn = RecordingConnection.always(TestProfiles.testCluster(),
                new Capture("x", "", "", "sbatch: error: Batch job submission failed: Something entirely new\n", 1));
        ClusterException e = assertThrows(ClusterException.class, () -> scheduler.submit(conn, DIR, SCRIPT, null));
        assertEquals(FailureKind.PERMANENT, e.kind());
        assertEquals("SLURM refused the job (sbatch exit code 1). (SLURM said: 'Batch job submission failed: Something entirely new')",
                e.getMessage());
    }

    @Test
    void successWithoutAnIdIsNotRetriedBlindly() {
        RecordingConnection conn = RecordingConnection.always(TestProfiles.testCluster(),
                new Capture("x", "", "Welcome to the cluster!\n", "", 0));
        ClusterException e = assertThrows(ClusterException.class, () -> scheduler.submit(conn, DIR, SCRIPT, null));
        assertEquals(FailureKind.PERMANENT, e.kind());
        assertTrue(e.getMessage().contains("check the cluster's queue before submitting again"), e.getMessage());
    }

    @Test
    void loginBannersAroundTheIdAreSkipped() throws Exception {
        RecordingConnection conn = RecordingConnection.always(TestProfiles.testCluster(),
                new Capture("x", "", "Lmod: loading slurm/alpine\n4242\n\n", "", 0));
        assertEquals("4242", scheduler.submit(conn, DIR, SCRIPT, null));
    }

    @ParameterizedTest
    @ValueSource(strings = { "real/scancel_running", "real/scancel_pending", "real/scancel_finished", "real/scancel_unknown",
            "real/scancel_running_verbose", "real/scancel_finished_verbose", "real/scancel_unknown_verbose",
            "real/scancel_purged_verbose", "seed/scancel_already_completing" })
    void cancellingSucceedsAlsoForJobsThatAreAlreadyOver(String fixture) {
        Capture c = load(fixture);
        RecordingConnection conn = RecordingConnection.always(TestProfiles.testCluster(), c);
        assertDoesNotThrow(() -> scheduler.cancel(conn, "17", null));
        assertEquals(List.of(MARKER + "scancel 17"), conn.commands());
    }

    @Test
    void anInvalidIdAnswerWithAnErrorExitIsAlsoOver() {
        RecordingConnection conn = RecordingConnection.always(TestProfiles.testCluster(),
                new Capture("x", "", "", "scancel: error: Kill job error on job id 9: Invalid job id specified\n", 1));
        assertDoesNotThrow(() -> scheduler.cancel(conn, "9", null));
    }

    @Test
    void cancellingWithTheControllerDownIsTransient() {
        Capture c = Capture.real("scancel_controller_down");
        RecordingConnection conn = RecordingConnection.always(TestProfiles.testCluster(), c);
        ClusterException e = assertThrows(ClusterException.class, () -> scheduler.cancel(conn, "20", null));
        assertEquals(FailureKind.TRANSIENT, e.kind());
        assertTrue(e.getMessage().contains("Unable to contact slurm controller"), e.getMessage());
    }

    @Test
    void cancellingSomeoneElsesJobIsRefused() {
        RecordingConnection conn = RecordingConnection.always(TestProfiles.testCluster(),
                new Capture("x", "", "", "scancel: error: Kill job error on job id 5: Access/permission denied\n", 1));
        ClusterException e = assertThrows(ClusterException.class, () -> scheduler.cancel(conn, "5", null));
        assertEquals(FailureKind.PERMANENT, e.kind());
        assertTrue(e.getMessage().contains("may belong to another user"), e.getMessage());
    }

    private static Capture load(String fixture) {
        int slash = fixture.indexOf('/');
        return Capture.load("fixtures/" + fixture.substring(0, slash), fixture.substring(slash + 1));
    }
}
