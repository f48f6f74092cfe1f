package org.namdrunner.ui.internal.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;
import org.namdrunner.app.Backend;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.ShellQuoting;
import org.namdrunner.core.lifecycle.JobInfoJson;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.MemorySize;
import org.namdrunner.core.model.Resources;
import org.namdrunner.testing.BuiltInProfiles;
import org.namdrunner.ui.NamdRunnerUi;
import org.namdrunner.ui.tests.Dialogs;
import org.namdrunner.ui.tests.HostKeys;
import org.namdrunner.ui.tests.Screenshots;
import org.namdrunner.ui.tests.TestClusterSetup;
import org.namdrunner.ui.tests.Ui;
import org.namdrunner.ui.tests.Widgets;
import org.namdrunner.ui.tests.Workbench;

/**
 * [J] rule 6 in the workbench: File &gt; Import Jobs from Cluster… against the twin. Two job folders of this run are
 * on the cluster, one with a job_info.json whose scratch folder lies outside the profile's scratch root; the person
 * picks the profile, the import runs as a job, and the result dialog names the imported job and the refused file.
 */
class ImportFromClusterUiTest {

    private static Job job(ClusterProfile p, String id, String name) {
        Instant t = Instant.parse("2026-12-01T09:00:00Z");
        return Job.builder().id(id).name(name).jobTypeId("namd").clusterProfileId(p.id()).status(JobStatus.CREATED)
                .createdAt(t).projectDir(p.projectDirFor(id)).scratchDir(p.scratchDirFor(id))
                .resources(new Resources(1, MemorySize.parse("400MB"), Duration.ofMinutes(10), "acpu", "", "", 0, "")).build();
    }

    private static void write(ClusterConnection c, Job j, String path) throws Exception {
        c.exec(ShellQuoting.command("mkdir", "-p", j.projectDir().orElseThrow()), Duration.ofSeconds(30), new NullProgressMonitor());
        c.exec(ShellQuoting.command("sh", "-c", "printf '%s' \"$1\" > \"$2\"", "sh", JobInfoJson.write(j), path),
                Duration.ofSeconds(30), new NullProgressMonitor());
    }

    @Test
    void theImportCommandShowsWhatWasImportedAndWhatWasRefusedAndWhy() throws Exception {
        String run = TestClusterSetup.RUN.replace('-', '_');
        ClusterProfile base = TestClusterSetup.keyProfile("import-ui", "Alpine twin (import)");
        ClusterProfile p = BuiltInProfiles.with(base, Map.of("projectsRoot", base.projectsRoot() + "/" + run,
                "scratchRoot", base.scratchRoot() + "/" + run));
        Backend b = Workbench.backend();
        b.profiles().save(p);
        ClusterConnection c = b.connections().connectionFor(p);
        Job good = job(p, "job_" + run + "_good", "equilibration-12");
        Job planted = job(p, "job_" + run + "_planted", "planted-elsewhere");
        String outside = "/tmp/namdrunner_jobs/" + planted.id();
        try {
            // off the test thread: the first login of this JVM asks about the host key, which is answered here
            CompletableFuture<Void> setup = CompletableFuture.runAsync(() -> {
                try {
                    write(c, good, good.projectDir().orElseThrow() + "/job_info.json");
                    write(c, planted.toBuilder().scratchDir(outside).build(), planted.projectDir().orElseThrow() + "/job_info.json");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            String fingerprint = TestClusterSetup.cluster().get("hostKeySha256");
            while (!setup.isDone()) {
                HostKeys.trustIfAsked(fingerprint, Duration.ofSeconds(1));
            }
            setup.get(2, TimeUnit.MINUTES);

            assertTrue(Workbench.isEnabled(NamdRunnerUi.COMMAND_IMPORT_FROM_CLUSTER), "enabled while no import runs");
            Workbench.executeAsync(NamdRunnerUi.COMMAND_IMPORT_FROM_CLUSTER);
            Shell pick = Dialogs.waitFor(ImportFromClusterHandler.TITLE, Duration.ofSeconds(20));
            assertTrue(Dialogs.text(pick).contains("signs in if it is not connected"), Dialogs.text(pick));
            Ui.run(() -> {
                Table t = Widgets.find(pick, Table.class, x -> true, "the list of clusters");
                for (int i = 0; i < t.getItemCount(); i++) {
                    if (t.getItem(i).getText().startsWith(p.name())) {
                        t.setSelection(i);
                        t.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
                    }
                }
            });
            Screenshots.capture(pick, "import-from-cluster-pick");
            Dialogs.press(pick, "OK");

            // the result: a warning, since one file was refused
            Ui.waitUntil("the import's result", Duration.ofSeconds(120), () -> Ui.sync(() -> Widgets.shell(ImportFromClusterHandler.TITLE).isPresent()));
            Shell result = Dialogs.waitFor(ImportFromClusterHandler.TITLE, Duration.ofSeconds(5));
            String text = Dialogs.text(result);
            Screenshots.capture(result, "import-from-cluster-result");
            assertTrue(text.startsWith("1 job was imported from " + p.name()), text);
            assertTrue(text.contains("equilibration-12 (Created)"), text);
            assertTrue(text.contains("Refused (1)") && text.contains(outside) && text.contains(p.scratchDirFor(planted.id())), text);
            Dialogs.press(result, "OK");

            assertEquals(JobStatus.CREATED, b.store().find(good.id()).orElseThrow().status());
            assertFalse(b.store().find(planted.id()).isPresent(), "the planted job was imported");
        } finally {
            b.store().delete(good.id());
            c.exec(ShellQuoting.command("rm", "-rf", p.projectsRoot(), p.scratchRoot()), Duration.ofSeconds(30), new NullProgressMonitor());
            b.profiles().remove(p.id());
        }
    }
}
