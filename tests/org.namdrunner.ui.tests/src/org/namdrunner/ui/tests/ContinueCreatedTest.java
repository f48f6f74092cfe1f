package org.namdrunner.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.lifecycle.JobRequest;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.MemorySize;
import org.namdrunner.core.model.Resources;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.ui.internal.handlers.ContinueHandler;

/**
 * Continue… on a real TIMEOUT job of the twin (a one-minute walltime for a run that needs about three): after OK the
 * continuation is created on the cluster and the workbench says at which step it restarts, how many steps are left,
 * and that it is not submitted yet; the new job is in the Jobs view as Created. A real TIMEOUT takes 76–90 s on the
 * twin (SLURM's limit check runs periodically).
 */
class ContinueCreatedTest {

    private static final String NAME = "cont-created-" + System.currentTimeMillis() % 100_000;

    @Test
    void aContinuationSaysWhereItRestartsAndThatItStillHasToBeSubmitted() throws Exception {
        TestClusterSetup.keyProfile("testcluster", "Test cluster");
        TestInputs in = TestInputs.write(Files.createTempDirectory("namd-cont").resolve("in"));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("minimizeSteps", "20");
        params.put("runSteps", "20000");     // 0.01 s a step in the stand-in: about 200 s, more than the minute it gets
        params.put("restartFreq", "100");
        params.put("outputName", "wt");
        Resources oneMinute = new Resources(1, MemorySize.parse("400MB"), Duration.ofMinutes(1), "acpu", "cpu-normal", "", 0, "");
        JobRequest request = new JobRequest(NAME, "namd", "testcluster", oneMinute, params,
                Map.of("structure", in.psf, "coordinates", in.pdb, "parameters", in.prm));
        CompletableFuture<Job> created = CompletableFuture.supplyAsync(() -> {
            try {
                Job j = Workbench.backend().jobService().create(request, new NullProgressMonitor());
                Workbench.backend().jobService().submit(j.id(), new NullProgressMonitor());
                return j;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        HostKeys.trustIfAsked(TestClusterSetup.cluster().get("hostKeySha256"), Duration.ofSeconds(20));
        HostKeys.trustIfAsked(TestClusterSetup.cluster().get("transferHostKeySha256"), Duration.ofSeconds(20));
        Job job = created.get(120, java.util.concurrent.TimeUnit.SECONDS);
        Instant end = Instant.now().plus(Duration.ofMinutes(4));
        Job now = job;
        while (!now.status().isTerminal() && Instant.now().isBefore(end)) {
            Thread.sleep(3000);
            Workbench.backend().jobService().sync("testcluster", new NullProgressMonitor());
            now = Workbench.backend().store().find(job.id()).orElseThrow();
        }
        assertEquals(JobStatus.TIMEOUT, now.status(), "the run needs more than its minute: " + now.error());

        JobsViewTester view = JobsViewTester.open();
        view.waitForRow(NAME, Duration.ofSeconds(30));
        Ui.waitUntil("the row to show the timeout", Duration.ofSeconds(30), () -> "Timed out".equals(view.status(NAME)));
        view.select(NAME);
        assertTrue(Workbench.isEnabled(ContinueHandler.COMMAND_ID), "Continue… is offered for the timed-out job");
        Workbench.executeAsync(ContinueHandler.COMMAND_ID);
        Shell ask = Dialogs.waitFor(ContinueHandler.DIALOG_TITLE, Duration.ofSeconds(20));
        Dialogs.press(ask, "OK");
        Shell told = Dialogs.waitFor(ContinueHandler.CREATED_TITLE, Duration.ofSeconds(60));
        String text = Dialogs.text(told);
        assertTrue(text.contains("Created " + NAME + "_cont1 from the restart files of " + NAME), text);
        // SLURM's kill may fall while NAMD writes a restart set: then the set before it, kept as .old, is the one (RestartSetTest)
        assertTrue(text.matches("(?s).*restarts at step \\d+ \\((its last restart files|the complete restart files NAMD kept as \\.old; "
                + "it was stopped while writing newer ones)\\) with \\d+ steps left, up to step 20020.*"), text);
        assertTrue(text.contains("It is not submitted yet"), text);
        Screenshots.capture(told, "dialog-continuation-created");
        Dialogs.press(told, "OK");
        view.waitForRow(NAME + "_cont1", Duration.ofSeconds(30));
        assertEquals("Created", view.status(NAME + "_cont1"));
    }

    @AfterAll
    static void leaveNoJobs() throws Exception {
        for (Job j : Workbench.backend().store().list(JobFilter.all())) {
            if (j.name().startsWith(NAME)) {
                Workbench.backend().store().delete(j.id());
            }
        }
    }
}
