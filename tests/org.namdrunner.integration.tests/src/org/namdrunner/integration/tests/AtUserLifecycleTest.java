package org.namdrunner.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.testing.TestCluster;

/**
 * A CSU user on the Alpine twin: the built-in profile for {@code ralphie@colostate.edu} (with the test key; Duo
 * logins are in the ssh and workbench tests) derives its folders from the user, and one job goes all the way:
 * create, submit, COMPLETED, results, delete, in {@code /projects/ralphie@colostate.edu} and
 * {@code /scratch/alpine/ralphie@colostate.edu}.
 */
class AtUserLifecycleTest {

    @Test
    void aJobOfAnAtUserRunsInItsOwnFoldersFromCreationToDeletion() throws Exception {
        TestCluster cluster = TestCluster.load();
        ClusterProfile p = cluster.atUserKeyProfile("testcluster");
        String user = cluster.get("atUser");
        assertEquals("/projects/" + user, p.projectsRoot(), "the built-in profile derives its folders from the user");
        assertEquals("/scratch/alpine/" + user, p.scratchRoot());
        Path local = Files.createTempDirectory("namdrunner-at-user");
        try (Harness h = new Harness(cluster, p, local.resolve("jobs.db"), Duration.ofSeconds(20))) {
            assertEquals(user, h.exec("id -un").stdout().strip());
            Job job = h.service.create(TestJobs.request("csu-job", TestJobs.inputs(local.resolve("inputs")),
                    TestJobs.resources(1, Duration.ofMinutes(10), "acpu", "cpu-normal"), 200, "csu"), new NullProgressMonitor());
            assertTrue(job.projectDir().orElseThrow().startsWith(p.projectsRoot() + "/namdrunner_jobs/"), job.projectDir().toString());
            SharedCluster.submit(h.service, job.id());
            Job done = h.syncUntil(job.id(), j -> j.status().isTerminal(), Duration.ofSeconds(120));
            assertEquals(JobStatus.COMPLETED, done.status(), "error: " + done.error());
            Path results = h.service.fetchResults(job.id(), local.resolve("results"), new NullProgressMonitor());
            assertTrue(Files.readString(results.resolve("namd_output.log")).contains("End of program"));
            String owner = h.exec("stat -c %U " + org.namdrunner.core.cluster.ShellQuoting.quote(done.projectDir().orElseThrow())).stdout().strip();
            assertEquals(user, owner);
            h.service.delete(job.id(), new NullProgressMonitor());
            assertFalse(h.remoteExists(done.projectDir().orElseThrow()));
            assertFalse(h.remoteExists(done.scratchDir().orElseThrow()));
        }
    }
}
