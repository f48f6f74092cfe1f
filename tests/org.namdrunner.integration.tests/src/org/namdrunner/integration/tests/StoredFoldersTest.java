package org.namdrunner.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterConnectionProvider;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.ClusterProfileList;
import org.namdrunner.core.cluster.ShellQuoting;
import org.namdrunner.core.jobtype.JobTypeList;
import org.namdrunner.core.lifecycle.JobInfoJson;
import org.namdrunner.core.lifecycle.JobService;
import org.namdrunner.core.lifecycle.RediscoveryReport;
import org.namdrunner.core.lifecycle.SyncSettings;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.slurm.SlurmScheduler;
import org.namdrunner.testing.BuiltInProfiles;
import org.namdrunner.testing.TestCluster;

/**
 * Rules 6 and 7 of [J] on the twin, with a real SQLite file: a job's own folders are the ones stored with it.
 * Delete after the profile's roots were edited removes exactly those folders (the old code recomputed them from
 * the edited profile, removed nothing and dropped the row); after the profile's user was changed it refuses,
 * saying why, and keeps the job. Rediscovery refuses a planted job_info.json whose scratch folder points
 * elsewhere, and imports a job_info.json claiming COMPLETED as UNKNOWN when SLURM has no record of it.
 */
class StoredFoldersTest {

    @Test
    void deleteAfterARootEditRemovesTheStoredFoldersAndAfterAUserChangeRefusesAndKeepsTheJob() throws Exception {
        Path local = Files.createTempDirectory("namdrunner-stored");
        TestCluster cluster = TestCluster.load();
        ClusterProfile profile = cluster.profile("testcluster");
        try (Harness h = new Harness(cluster, profile, local.resolve("jobs.db"), Duration.ofMinutes(10))) {
            Map<String, Path> inputs = TestJobs.inputs(local.resolve("inputs"));
            Job a = h.service.create(TestJobs.request("stored-a", inputs, TestJobs.resources(1, Duration.ofMinutes(10), "acpu", ""), 10, "a"),
                    new NullProgressMonitor());
            Job b = h.service.create(TestJobs.request("stored-b", inputs, TestJobs.resources(1, Duration.ofMinutes(10), "acpu", ""), 10, "b"),
                    new NullProgressMonitor());
            String aProject = a.projectDir().orElseThrow();
            String bProject = b.projectDir().orElseThrow();
            assertTrue(h.remoteExists(aProject + "/job_info.json"));

            // the person edits the profile: both roots now elsewhere (same id, same login)
            ClusterProfile edited = BuiltInProfiles.with(profile, Map.of("projectsRoot", profile.projectsRoot() + "/elsewhere",
                    "scratchRoot", profile.scratchRoot() + "/elsewhere"));
            assertNotEquals(aProject, edited.projectDirFor(a.id()));
            ClusterConnectionProvider connections = Wiring.connections(cluster);
            try {
                JobService afterEdit = new JobService(h.store, new SlurmScheduler(), connections,
                        new JobTypeList(List.of(new StandinNamdJobType())), new ClusterProfileList(List.of(edited)),
                        SyncSettings.defaults(), Clock.systemUTC());
                afterEdit.delete(a.id(), new NullProgressMonitor());
            } finally {
                connections.closeAll();
            }
            assertFalse(h.remoteExists(aProject), "the job's stored project folder is still there: " + aProject);
            assertTrue(h.store.find(a.id()).isEmpty());

            // the person changes the user: the job's folders belong to the old user; delete refuses, the job stays
            ClusterProfile otherUser = cluster.atUserKeyProfile("testcluster");
            ClusterConnectionProvider asOther = Wiring.connections(cluster);
            try {
                JobService afterUserChange = new JobService(h.store, new SlurmScheduler(), asOther,
                        new JobTypeList(List.of(new StandinNamdJobType())), new ClusterProfileList(List.of(otherUser)),
                        SyncSettings.defaults(), Clock.systemUTC());
                ClusterException e = assertThrows(ClusterException.class, () -> afterUserChange.delete(b.id(), new NullProgressMonitor()));
                assertTrue(e.getMessage().contains("was not deleted") && e.getMessage().contains(bProject), e.getMessage());
            } finally {
                asOther.closeAll();
            }
            assertTrue(h.remoteExists(bProject + "/job_info.json"), "the job's folder was touched");
            assertTrue(h.store.find(b.id()).isPresent(), "the job was dropped although its folder is still on the cluster");

            h.service.delete(b.id(), new NullProgressMonitor());
            assertFalse(h.remoteExists(bProject));
        }
    }

    @Test
    void rediscoveryRefusesAPlantedScratchFolderAndImportsAClaimedTerminalStateOnlyWithSlurmsEvidence() throws Exception {
        Path local = Files.createTempDirectory("namdrunner-rediscover");
        TestCluster cluster = TestCluster.load();
        ClusterProfile profile = cluster.profile("testcluster");
        try (Harness h = new Harness(cluster, profile, local.resolve("jobs.db"), Duration.ofMinutes(10))) {
            Map<String, Path> inputs = TestJobs.inputs(local.resolve("inputs"));
            Job planted = h.service.create(TestJobs.request("planted", inputs, TestJobs.resources(1, Duration.ofMinutes(10), "acpu", ""), 10, "p"),
                    new NullProgressMonitor());
            Job claimed = h.service.create(TestJobs.request("claimed", inputs, TestJobs.resources(1, Duration.ofMinutes(10), "acpu", ""), 10, "c"),
                    new NullProgressMonitor());
            // a job_info.json whose scratch folder is shaped like a job folder but lies outside the profile's scratch root
            // (here among the user's projects): a later delete or result copy would act there
            Job evil = planted.toBuilder().scratchDir(profile.projectsRoot() + "/other/namdrunner_jobs/" + planted.id()).build();
            h.exec(ShellQuoting.command("sh", "-c", "printf '%s' \"$1\" > \"$2\"", "sh", JobInfoJson.write(evil),
                    planted.projectDir().orElseThrow() + "/job_info.json"));
            // a job_info.json claiming the job COMPLETED as SLURM job 2147000000, which SLURM never ran
            Job claim = claimed.toBuilder().status(JobStatus.COMPLETED).slurmId("2147000000").build();
            h.exec(ShellQuoting.command("sh", "-c", "printf '%s' \"$1\" > \"$2\"", "sh", JobInfoJson.write(claim),
                    claimed.projectDir().orElseThrow() + "/job_info.json"));
            h.store.delete(planted.id());
            h.store.delete(claimed.id());

            RediscoveryReport report = h.service.rediscover(profile.id(), new NullProgressMonitor());
            assertTrue(report.rejected().stream().anyMatch(r -> r.contains(planted.id()) && r.contains("scratch folder")),
                    report.rejected().toString());
            assertTrue(h.store.find(planted.id()).isEmpty(), "the planted job was imported");
            assertTrue(report.imported().contains(claimed.id()), report.toString());
            Job imported = h.job(claimed.id());
            assertFalse(imported.status().isTerminal(), "imported as " + imported.status() + " without SLURM's evidence");
            assertEquals(claimed.scratchDir(), imported.scratchDir());

            h.store.delete(claimed.id());
            h.exec(ShellQuoting.command("rm", "-rf", planted.projectDir().orElseThrow(), claimed.projectDir().orElseThrow()));
        }
    }
}
