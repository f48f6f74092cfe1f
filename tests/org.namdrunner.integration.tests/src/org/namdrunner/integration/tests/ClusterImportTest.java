package org.namdrunner.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.namdrunner.app.Backend;
import org.namdrunner.app.ClusterImport;
import org.namdrunner.app.Profiles;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.ShellQuoting;
import org.namdrunner.core.jobtype.JobTypeList;
import org.namdrunner.core.lifecycle.JobInfoJson;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.persistence.SqliteJobStore;
import org.namdrunner.slurm.SlurmScheduler;
import org.namdrunner.testing.BuiltInProfiles;
import org.namdrunner.testing.TestCluster;

/**
 * [J] rule 6 through the application layer File &gt; Import Jobs from Cluster uses ({@link ClusterImport}): a first
 * start with an empty database imports the jobs in the profile's job folders on the twin, refuses a planted
 * job_info.json whose scratch folder lies outside the profile's scratch root, and says both in the words the result
 * dialog shows. The profile's roots are folders of this run, so the other tests' jobs on the shared cluster are not
 * part of it.
 */
class ClusterImportTest {

    @Test
    void anEmptyDatabaseImportsTheClustersJobsAndRefusesAPlantedOneSayingWhy() throws Exception {
        Path local = Files.createTempDirectory("namdrunner-import");
        TestCluster cluster = TestCluster.load();
        String run = "import-" + Long.toString(System.currentTimeMillis(), 36);
        ClusterProfile base = cluster.profile("testcluster");
        ClusterProfile profile = BuiltInProfiles.with(base, Map.of("name", "Twin (import test)",
                "projectsRoot", base.projectsRoot() + "/" + run, "scratchRoot", base.scratchRoot() + "/" + run));
        try (Harness h = new Harness(cluster, profile, local.resolve("first.db"), Duration.ofMinutes(10))) {
            Map<String, Path> inputs = TestJobs.inputs(local.resolve("inputs"));
            Job kept = h.service.create(TestJobs.request("kept", inputs, TestJobs.resources(1, Duration.ofMinutes(10), "acpu", ""), 10, "k"),
                    new NullProgressMonitor());
            Job planted = h.service.create(TestJobs.request("planted", inputs, TestJobs.resources(1, Duration.ofMinutes(10), "acpu", ""), 10, "p"),
                    new NullProgressMonitor());
            String outside = "/tmp/namdrunner_jobs/" + planted.id();
            h.exec(ShellQuoting.command("sh", "-c", "printf '%s' \"$1\" > \"$2\"", "sh",
                    JobInfoJson.write(planted.toBuilder().scratchDir(outside).build()), planted.projectDir().orElseThrow() + "/job_info.json"));

            // another workbench, first start: an empty database, the same profile
            try (SqliteJobStore empty = SqliteJobStore.open(local.resolve("second.db"))) {
                assertTrue(empty.list(JobFilter.all()).isEmpty());
                Backend backend = new Backend(empty, new SlurmScheduler(), h.realConnections,
                        new JobTypeList(List.of(new StandinNamdJobType())), new Profiles(List.of(profile), null));
                ClusterImport.Result r = ClusterImport.run(backend, profile, new NullProgressMonitor());

                assertEquals(List.of(kept.id()), r.report().imported());
                Job in = empty.find(kept.id()).orElseThrow();
                assertEquals(JobStatus.CREATED, in.status());
                assertEquals(kept.projectDir(), in.projectDir());
                assertTrue(empty.find(planted.id()).isEmpty(), "the planted job was imported");
                assertEquals(1, r.report().rejected().size(), r.report().rejected().toString());
                String why = r.report().rejected().getFirst();
                assertTrue(why.contains(planted.id()) && why.contains(outside) && why.contains(profile.scratchDirFor(planted.id())), why);

                String text = ClusterImport.describe(r);
                System.out.println("import result as the dialog shows it:\n" + text);
                assertTrue(text.startsWith("1 job was imported from Twin (import test)"), text);
                assertTrue(text.contains("kept (Created)"), text);
                assertTrue(text.contains("Refused (1)") && text.contains(outside), text);

                // a second import finds nothing new and says so
                ClusterImport.Result again = ClusterImport.run(backend, profile, new NullProgressMonitor());
                assertEquals(List.of(kept.id()), again.report().known());
                assertTrue(ClusterImport.describe(again).startsWith("No new jobs were found"), ClusterImport.describe(again));
            } finally {
                h.exec(ShellQuoting.command("rm", "-rf", profile.projectsRoot(), profile.scratchRoot()));
            }
        }
    }
}
