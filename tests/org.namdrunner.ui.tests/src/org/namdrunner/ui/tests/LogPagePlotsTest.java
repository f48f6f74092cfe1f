package org.namdrunner.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.ISeries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.ShellQuoting;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.testing.TestCluster;
import org.namdrunner.ui.NamdRunnerUi;
import org.namdrunner.ui.internal.editor.JobEditor;
import org.namdrunner.ui.internal.editor.LogPageAccess;

/**
 * The Log page of a running job with a long log (10^6 steps written by this checkout's namd3 stand-in as a SLURM job on
 * the twin, then a step every half second): progress with step/total, ns/day and ETA, the energy, temperature and
 * pressure plots with a bounded number of points over the whole run, in the theme's colours, and the plots move on
 * when the page is refreshed while the job runs.
 */
class LogPagePlotsTest {

    private static final String NAME = "ubq-npt-production";
    private static final int FAST = 1_000_000;
    private static final int STEPS = FAST + 300;
    private static ClusterProfile profile;
    private static TestCluster cluster;
    private static String dir;
    private static String slurmId;
    private static String jobId;

    @BeforeAll
    static void aLongRunOnTheTwin() throws Exception {
        cluster = TestClusterSetup.cluster();
        profile = TestClusterSetup.keyProfile("testcluster", "Test cluster");
        jobId = "job_longlog_" + TestClusterSetup.RUN.replace('-', '_');
        dir = profile.scratchDirFor(jobId);
        Path standin = Path.of(System.getProperty("namdrunner.repoRoot", "../.."), "tests/cluster/namd3-standin");
        String config = """
                # standin: fast_log %d
                # standin: seconds_per_step 0.5
                structure tiny.psf
                coordinates tiny.pdb
                outputName long
                timestep 2
                cellBasisVector1 40.0 0.0 0.0
                cellBasisVector2 0.0 40.0 0.0
                cellBasisVector3 0.0 0.0 40.0
                outputEnergies 2
                outputTiming 1000
                restartfreq 500000
                dcdfreq 500000
                run %d
                """.formatted(FAST, STEPS);
        StringBuilder pdb = new StringBuilder();
        for (int i = 1; i <= 12; i++) {
            pdb.append(String.format("ATOM  %5d  CA  ALA A%4d    %8.3f%8.3f%8.3f  1.00  0.00      PROT%n", i, i, i * 1.5, 0.0, 0.0));
        }
        ssh("mkdir -p " + q(dir), "");
        ssh("cat > " + q(dir + "/namd3-standin") + " && chmod +x " + q(dir + "/namd3-standin"), Files.readString(standin));
        ssh("cat > " + q(dir + "/run.namd"), config);
        ssh("cat > " + q(dir + "/tiny.pdb"), pdb + "END\n");
        ssh("cat > " + q(dir + "/tiny.psf"), "PSF\n\n      12 !NATOM\n");
        String sbatch = ShellQuoting.command("sbatch", "--parsable", "--job-name=" + NAME, "--chdir=" + dir, "-p", "acpu", "-q", "cpu-normal",
                "-t", "6", "-n", "1", "--mem=400M", "--wrap", "./namd3-standin run.namd > namd_output.log 2>&1");
        slurmId = ssh(profile.commandPrefix().isEmpty() ? sbatch : profile.commandPrefix() + " && " + sbatch, "").strip().split(";")[0];
        Instant end = Instant.now().plus(Duration.ofMinutes(3));
        String probe = "tail -c 100000 " + q(dir + "/namd_output.log") + " 2>/dev/null | grep -c " + q("^TIMING: " + FAST + " ") + " || true";
        while (!ssh(probe, "").strip().equals("1")) {
            assertTrue(Instant.now().isBefore(end), "the stand-in did not write " + FAST + " steps within 3 minutes");
            Thread.sleep(1000);
        }
        Instant started = Instant.now().minus(Duration.ofMinutes(1));
        Job job = Job.builder().id(jobId).name(NAME).jobTypeId("namd")
                .clusterProfileId(profile.id()).status(JobStatus.RUNNING).slurmId(slurmId).slurmState("RUNNING").createdAt(started)
                .updatedAt(started).submittedAt(started).startedAt(started).projectDir(profile.projectDirFor(jobId)).scratchDir(dir)
                .resources(SampleJobs.resources(1, 1, 1)).typeParameters("{}").build();
        Workbench.backend().store().create(job);
    }

    @AfterAll
    static void cleanUp() throws Exception {
        Ui.run(() -> Workbench.page().closeAllEditors(false));
        if (slurmId != null) {
            String scancel = ShellQuoting.command("scancel", slurmId);
            ssh(profile.commandPrefix().isEmpty() ? scancel : profile.commandPrefix() + " && " + scancel, "");
        }
        if (dir != null) {
            ssh("rm -rf -- " + q(dir), "");
        }
        Cleanup.deleteJobsNamed(NAME);
    }

    @Test
    void theLogPageShowsProgressAndPlotsOfTheWholeRunAndMovesOn() throws Exception {
        JobsViewTester jobs = JobsViewTester.open();
        jobs.waitForRow(NAME, Duration.ofSeconds(30));
        jobs.select(NAME);
        Workbench.execute(NamdRunnerUi.COMMAND_OPEN);
        JobEditor editor = EditorTester.waitForEditor(NAME, JobStatus.RUNNING);
        Composite body = EditorTester.show(editor, "log");
        HostKeys.trustIfAsked(cluster.get("hostKeySha256"), Duration.ofSeconds(20));
        Ui.waitUntil("the Log page to read the long log", Duration.ofSeconds(60), () -> Widgets.text(body).contains("of 1,000,300"));
        String summary = Ui.sync(() -> LogPageAccess.summary(editor));
        System.out.println("Log page: " + summary);
        assertTrue(summary.startsWith("Step 1,000,"), summary);
        assertTrue(summary.contains("ETA ") && summary.contains(" min"), "the ETA: " + summary);
        assertTrue(summary.contains("0.35 ns/day"), "2 fs at 0.5 s/step: " + summary);

        List<Chart> charts = Ui.sync(() -> LogPageAccess.charts(editor));
        assertEquals(3, charts.size());
        double lastStep = Ui.sync(() -> {
            for (Chart c : charts) {
                assertTrue(c.getSeriesSet().getSeries().length > 0, c.getTitle().getText() + " has lines");
                for (ISeries<?> s : c.getSeriesSet().getSeries()) {
                    double[] x = s.getXSeries();
                    assertTrue(x.length > 200 && x.length <= 2000, s.getId() + ": " + x.length + " points for 10^6 steps");
                    assertEquals(0.0, x[0], s.getId() + " starts at the run's start");
                    assertTrue(x[x.length - 1] >= FAST - 1000, s.getId() + " reaches the log's end: " + x[x.length - 1]);
                }
            }
            double[] temp = charts.get(1).getSeriesSet().getSeries("TEMP").getYSeries();
            for (double t : temp) {
                assertTrue(t > 290 && t < 310, "temperatures as logged: " + t);
            }
            assertNotNull(charts.get(0).getSeriesSet().getSeries("TOTAL"));
            assertNotNull(charts.get(0).getSeriesSet().getSeries("POTENTIAL"));
            assertNotNull(charts.get(2).getSeriesSet().getSeries("PRESSURE"));
            double[] x = charts.get(0).getSeriesSet().getSeries("TOTAL").getXSeries();
            return x[x.length - 1];
        });
        Ui.run(() -> {
            RGB page = body.getBackground().getRGB();
            for (Chart c : charts) {
                assertEquals(page, c.getBackground().getRGB(), "the chart takes the theme's background");
                for (ISeries<?> s : c.getSeriesSet().getSeries()) {
                    RGB line = ((org.eclipse.swtchart.ILineSeries<?>) s).getLineColor().getRGB();
                    assertTrue(LogPageAccess.contrast(line, page) >= 3, s.getId() + " readable on the page: " + line + " on " + page);
                }
                assertTrue(LogPageAccess.contrast(c.getTitle().getForeground().getRGB(), page) >= 4.5, "the title is readable");
            }
        });
        Screenshots.capture(Workbench.window().getShell(), "log-page-plots");

        Thread.sleep(3000);   // the job writes a step every 0.5 s
        Ui.run(() -> Widgets.find(body, Button.class, b -> b.getText().equals("Refresh"), "Refresh").notifyListeners(org.eclipse.swt.SWT.Selection,
                new org.eclipse.swt.widgets.Event()));
        Ui.waitUntil("the plots to move on", Duration.ofSeconds(30), () -> {
            double[] x = charts.get(0).getSeriesSet().getSeries("TOTAL").getXSeries();
            return x[x.length - 1] > lastStep;
        });
        assertTrue(Workbench.backend().progress().get(jobId).isPresent(), "the running job's progress is kept for the Jobs view");

        // The Dark theme's plot colours are checked in theDarkThemesPlotColoursAreReadable. The product picks its theme at
        // start (-cssTheme); a live ThemeEngine.setTheme in this shared workbench crashed GTK (SIGSEGV in
        // gtk_tree_model_get from TableItem.setForeground during the CSS reset of another view's virtual table), so the
        // switch is not made here.
    }

    @Test
    void theDarkThemesPlotColoursAreReadable() {
        RGB dark = new RGB(0x2f, 0x2f, 0x2f);
        for (int i = 0; i < 3; i++) {
            assertTrue(LogPageAccess.contrast(LogPageAccess.line(dark, i), dark) >= 3, "line " + i + " on the dark theme");
            assertTrue(LogPageAccess.contrast(LogPageAccess.line(new RGB(255, 255, 255), i), new RGB(255, 255, 255)) >= 3,
                    "line " + i + " on the light theme");
        }
        RGB unreadable = new RGB(0x30, 0x30, 0x30);
        assertTrue(LogPageAccess.contrast(LogPageAccess.readable(dark, unreadable), dark) >= 4.5, "a text colour the theme left dark");
    }

    private static String q(String s) {
        return ShellQuoting.quote(s);
    }

    /** A command on the twin through OpenSSH (the fixture, not the product), with {@code input} on its stdin. */
    private static String ssh(String command, String input) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ssh", "-p", cluster.get("port"), "-i", cluster.get("key"), "-o", "BatchMode=yes",
                "-o", "IdentitiesOnly=yes", "-o", "UserKnownHostsFile=" + cluster.get("knownHosts"), "-o", "StrictHostKeyChecking=yes",
                "-o", "LogLevel=ERROR", cluster.get("user") + "@" + cluster.get("host"), command));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var in = p.getOutputStream()) {
            in.write(input.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "ssh did not finish: " + command);
        assertEquals(0, p.exitValue(), command + " → " + out);
        return out;
    }
}
