package org.namdrunner.examples.batchscript.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.RemotePaths;
import org.namdrunner.core.lifecycle.JobRequest;
import org.namdrunner.core.model.ErrorInfo;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.MemorySize;
import org.namdrunner.core.model.Resources;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.StatusChange;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.examples.batchscript.BatchScriptJobType;
import org.namdrunner.examples.batchscript.BatchScriptRules;
import org.namdrunner.examples.batchscript.internal.ui.BatchScriptPage;
import org.namdrunner.testing.BuiltInProfiles;
import org.namdrunner.testing.TestCluster;
import org.namdrunner.ui.NamdRunnerUi;
import org.namdrunner.ui.internal.prompts.HostKeyDialog;
import org.namdrunner.ui.internal.services.Backend;
import org.namdrunner.ui.internal.wizards.JobBasicsPage;
import org.namdrunner.ui.internal.wizards.NewJobWizard;
import org.namdrunner.ui.internal.wizards.ResourcesPage;
import org.namdrunner.ui.internal.wizards.ReviewPage;

/**
 * The example plug-in in the real workbench (the product with the example bundle added) against the real
 * SLURM + SSH test cluster: its type is in the New Job wizard's type list next to NAMD, its page refuses a bad
 * script, and a job made through the wizard, with an input file and a result file in a subfolder, runs to
 * COMPLETED with its results collected.
 * <p>
 * The test reaches the workbench's internals (it is a fragment of org.namdrunner.ui) only to add the test
 * cluster as a profile, answer the host-key question and read the job store; the example bundle itself uses
 * nothing but public API.
 */
class BatchScriptWizardTest {

    private static final String PROFILE_ID = "examples-testcluster";
    private static final String PROFILE_NAME = "Example test cluster";
    private static final String RUN = "examples-" + System.currentTimeMillis();
    private static final String NAME = "batch-" + LocalTime.now().format(DateTimeFormatter.ofPattern("HHmmss"));
    private static final String SCRIPT = """
            echo "PROGRESS 1/2"
            mkdir -p out
            awk '{ s += $1 } END { print s }' input_files/numbers.txt > out/sum.txt
            hostname > ran_on.txt
            echo "PROGRESS 2/2"
            """;

    private static Backend backend;
    private static ClusterProfile profile;
    private static String fingerprint;
    private static String transferFingerprint;
    private static Path numbers;
    private static int syncAllPresses;

    @BeforeAll
    static void clusterAndInputs() throws Exception {
        Screen.waitUntil("the NAMDRunner services to start", Duration.ofSeconds(60), () -> Backend.current().isPresent());
        backend = Backend.current().orElseThrow();
        TestCluster cluster = TestCluster.load();
        fingerprint = cluster.get("hostKeySha256");
        transferFingerprint = cluster.get("transferHostKeySha256");
        ClusterProfile p = cluster.profile(PROFILE_ID);
        // the built-in Alpine profile on the twin; only its display name and a 5 s poll (to see each state) differ
        profile = BuiltInProfiles.with(p, Map.of("name", PROFILE_NAME, "pollInterval", Duration.ofSeconds(5)));
        backend.profiles().save(profile);
        numbers = Files.createTempDirectory("batchscript-inputs").resolve("numbers.txt");
        Files.writeString(numbers, "1\n2\n3\n4\n");
    }

    @Test
    void theTypeIsOfferedInTheWizardAndItsJobRunsToCompleted() throws Exception {
        assertInstanceOf(BatchScriptJobType.class, backend.jobTypes().find(BatchScriptJobType.ID).orElse(null),
                "the workbench's job-type registry read the example's contribution");

        Screen.async(() -> {
            try {
                window().getService(IHandlerService.class).executeCommand(NamdRunnerUi.COMMAND_NEW_JOB, null);
            } catch (Exception e) {
                throw new IllegalStateException("New Job failed: " + e, e);
            }
        });
        Shell wizard = Screen.waitForShell(NewJobWizard.TITLE, Duration.ofSeconds(20));

        List<String> types = Screen.sync(() -> Arrays.asList(Screen.after(page(wizard), JobBasicsPage.TYPE_LABEL, Combo.class).getItems()));
        assertTrue(types.contains(BatchScriptJobType.NAME), "the type list offers the example: " + types);
        assertTrue(types.contains("NAMD"), "and still NAMD: " + types);
        Screen.run(() -> {
            Composite c = page(wizard);
            Screen.type(Screen.after(c, JobBasicsPage.NAME_LABEL, Text.class), NAME);
            Screen.choose(Screen.after(c, JobBasicsPage.TYPE_LABEL, Combo.class), BatchScriptJobType.NAME);
            Screen.choose(Screen.after(c, JobBasicsPage.CLUSTER_LABEL, Combo.class), PROFILE_NAME);
        });
        ShellPicture.save(wizard, "example-wizard-type");
        next(wizard);

        IWizardPage scriptPage = current(wizard);
        assertInstanceOf(BatchScriptPage.class, scriptPage, "the example's own page follows the first page");
        assertFalse(Screen.sync(() -> Screen.button(wizard, "Next >").isEnabled()), "an empty script cannot go on");
        Screen.run(() -> Screen.type(Screen.after(page(wizard), BatchScriptPage.SCRIPT_LABEL, Text.class),
                "#SBATCH --mem=900G\necho hi\n"));
        String error = Screen.sync(scriptPage::getErrorMessage);
        assertTrue(error != null && error.contains("#SBATCH") && error.startsWith("Line 1"), "the page names the problem: " + error);
        assertFalse(Screen.sync(() -> Screen.button(wizard, "Next >").isEnabled()), "a refused script cannot go on");

        Screen.run(() -> {
            Composite c = page(wizard);
            Screen.type(Screen.after(c, BatchScriptPage.SCRIPT_LABEL, Text.class), SCRIPT);
            Screen.type(Screen.after(c, BatchScriptPage.RESULTS_LABEL, Text.class), "out/sum.txt");
            Screen.type(Screen.after(c, "Input file 1:", Text.class), numbers.toString());
        });
        assertNull(Screen.sync(scriptPage::getErrorMessage));
        ShellPicture.save(wizard, "example-wizard-script");
        next(wizard);

        Screen.run(() -> {
            Composite c = page(wizard);
            Screen.choose(Screen.after(c, ResourcesPage.PRESET_LABEL, Combo.class), "Quick test");
            Screen.type(Screen.after(c, ResourcesPage.MEMORY_LABEL, Text.class), "400MB");
            Screen.type(Screen.after(c, ResourcesPage.WALLTIME_LABEL, Text.class), "00:10");
            Screen.after(c, ResourcesPage.PARTITION_LABEL, Combo.class).setText(profile.partitions().get(0));
            Screen.after(c, ResourcesPage.QOS_LABEL, Combo.class).setText("cpu-normal");
        });
        assertNull(Screen.sync(() -> current(wizard).getErrorMessage()), "the resources fit the test cluster");
        next(wizard);

        ReviewPage review = (ReviewPage) current(wizard);
        Screen.waitUntil("the review page to show the generated files", Duration.ofSeconds(30),
                () -> review.fileNames().length > 0 || review.getErrorMessage() != null);
        assertNull(Screen.sync(review::getErrorMessage));
        List<String> files = Screen.sync(() -> Arrays.asList(review.fileNames()));
        assertTrue(files.contains(BatchScriptJobType.SCRIPT_FILE), files.toString());
        assertEquals(SCRIPT, Screen.sync(() -> review.fileText(BatchScriptJobType.SCRIPT_FILE)));
        String sbatch = Screen.sync(() -> review.fileText("scripts/job.sbatch"));
        assertTrue(sbatch.contains("#SBATCH --partition=acpu") && sbatch.contains("bash scripts/user_script.sh > batch_output.log 2>&1")
                && sbatch.contains("for f in out/sum.txt; do"), sbatch);
        Screen.run(() -> {
            var submitNow = Screen.button(wizard, ReviewPage.SUBMIT_NOW);
            if (!submitNow.getSelection()) {
                Screen.click(submitNow);
            }
            Screen.click(Screen.button(wizard, "Finish"));
        });
        Screen.waitUntil("the wizard to close", Duration.ofSeconds(10), wizard::isDisposed);

        trustHostKeyIfAsked();
        Job job = waitForJob(Duration.ofSeconds(90));
        job = waitForStatus(job.id(), JobStatus.COMPLETED, Duration.ofMinutes(5));

        List<JobStatus> history = backend.store().history(job.id()).stream().map(StatusChange::to).toList();
        System.out.println("Example job " + NAME + " (SLURM " + job.slurmId().orElse("?") + ") history: " + history
                + "; Sync All pressed " + syncAllPresses + " times");
        assertEquals(JobStatus.CREATED, history.get(0), history.toString());
        assertTrue(history.contains(JobStatus.PENDING) || history.contains(JobStatus.RUNNING), history.toString());
        assertEquals(JobStatus.COMPLETED, history.get(history.size() - 1), history.toString());
        assertEquals(BatchScriptJobType.ID, job.jobTypeId());
        assertEquals(List.of("input_files/numbers.txt"), job.inputFiles());

        String id = job.id();
        Screen.waitUntil("the results to be collected", Duration.ofSeconds(60), () -> outputs(id).contains("outputs/out/sum.txt"));
        List<String> outputs = outputs(id);
        assertTrue(outputs.contains("outputs/" + BatchScriptJobType.LOG_FILE) && outputs.contains("outputs/ran_on.txt"), outputs.toString());
        var c = backend.connections().connectionFor(profile);
        String outputsDir = RemotePaths.join(job.projectDir().orElseThrow(), "outputs");
        assertEquals("10", c.readFile(RemotePaths.join(outputsDir, "out/sum.txt"), 1000, new NullProgressMonitor()).strip(),
                "the script read the uploaded input file and its result file in a subfolder was collected");
        String log = c.readFile(RemotePaths.join(outputsDir, BatchScriptJobType.LOG_FILE), 64 * 1024, new NullProgressMonitor());
        assertEquals(1.0, new BatchScriptJobType().parseLog(log).fraction(), log);
    }

    /**
     * A script that fails: SLURM reports FAILED, and the job's error names the cause from the script's own
     * "ERROR:" line, read by the example's log parser when the results are collected. Created through the
     * workbench's JobService with the type from its registry (the wizard path is proven above).
     */
    @Test
    void aFailingScriptEndsFailedWithItsOwnErrorLineAsTheCause() throws Exception {
        Resources resources = new Resources(1, MemorySize.parse("300MB"), Duration.ofMinutes(5), "acpu", "cpu-normal", "", 0, "");
        JobRequest request = new JobRequest(NAME + "-fails", BatchScriptJobType.ID, PROFILE_ID, resources,
                Map.of(BatchScriptRules.SCRIPT, "echo starting\necho 'ERROR: input_files/missing.dat was not found'\nexit 4\n"),
                Map.of());
        trustHostKeyInBackground();
        Job created = backend.jobService().create(request, new NullProgressMonitor());
        backend.jobService().submit(created.id(), new NullProgressMonitor());
        Job failed = waitForStatus(created.id(), JobStatus.FAILED, Duration.ofMinutes(5));
        Screen.waitUntil("the failure cause to be read from the log", Duration.ofSeconds(60),
                () -> errorOf(created.id()).contains("The script reported:"));
        String error = errorOf(created.id());
        System.out.println("Failed example job " + failed.name() + ": " + error.replace('\n', '|'));
        assertTrue(error.startsWith("The script reported: input_files/missing.dat was not found"), error);
    }

    private static String errorOf(String id) {
        try {
            return backend.store().find(id).flatMap(Job::error).map(ErrorInfo::message).orElse("");
        } catch (org.namdrunner.core.store.StoreException e) {
            throw new AssertionError(e);
        }
    }

    /** When this test runs first in its JVM, the login it starts from this thread asks about the host key. */
    private static void trustHostKeyInBackground() {
        Thread t = new Thread(BatchScriptWizardTest::trustHostKeyIfAsked, "host-key answer");
        t.setDaemon(true);
        t.start();
    }

    private static IWorkbenchWindow window() {
        IWorkbenchWindow w = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        return w != null ? w : PlatformUI.getWorkbench().getWorkbenchWindows()[0];
    }

    private static IWizardPage current(Shell wizard) {
        return Screen.sync(() -> ((WizardDialog) wizard.getData()).getCurrentPage());
    }

    /** UI thread. */
    private static Composite page(Shell wizard) {
        return (Composite) ((WizardDialog) wizard.getData()).getCurrentPage().getControl();
    }

    private static void next(Shell wizard) {
        IWizardPage before = current(wizard);
        Screen.run(() -> Screen.click(Screen.button(wizard, "Next >")));
        Screen.waitUntil("the next wizard page", Duration.ofSeconds(10), () -> current(wizard) != before);
    }

    /** The test JVM has its own empty ~/.ssh/known_hosts, so the first login asks about the host key. */
    /** The login host's key, then the transfer host's (the built-in Alpine profile names one), each at most once. */
    private static void trustHostKeyIfAsked() {
        Instant end = Instant.now().plusSeconds(60);
        java.util.Set<String> answered = new java.util.HashSet<>();
        while (Instant.now().isBefore(end) && answered.size() < 2) {
            Optional<Shell> dialog = Screen.sync(() -> Screen.shell(HostKeyDialog.TITLE));
            if (dialog.isPresent()) {
                String text = Screen.sync(() -> String.join("\n", Screen.all(dialog.get()).stream()
                        .filter(x -> x instanceof org.eclipse.swt.widgets.Label || x instanceof Text)
                        .map(x -> x instanceof Text t ? t.getText() : ((org.eclipse.swt.widgets.Label) x).getText()).toList()));
                String which = text.contains(fingerprint) ? fingerprint : text.contains(transferFingerprint) ? transferFingerprint : null;
                assertTrue(which != null, "the dialog shows the twin's login or transfer host key " + fingerprint + " / "
                        + transferFingerprint + ":\n" + text);
                Screen.run(() -> Screen.click(Screen.button(dialog.get(), HostKeyDialog.REMEMBER)));
                answered.add(which);
                Screen.pause(200);
                continue;
            }
            if (findJob().map(j -> j.status() != JobStatus.CREATED).orElse(false)) {
                return; // already logged in (key remembered earlier in this JVM)
            }
            Screen.pause(200);
        }
    }

    private static Optional<Job> findJob() {
        try {
            return backend.store().list(JobFilter.all()).stream().filter(j -> j.name().equals(NAME)).findFirst();
        } catch (org.namdrunner.core.store.StoreException e) {
            throw new AssertionError(e);
        }
    }

    private static Job waitForJob(Duration deadline) {
        Screen.waitUntil("the job " + NAME + " to be stored", deadline, () -> findJob().isPresent());
        return findJob().orElseThrow();
    }

    /**
     * Waits for the background sync to bring the job to {@code status}. The workbench polls by itself every 5 s
     * while the session is open; if nothing changes for 20 s the test presses Sync All, as a person would.
     */
    private static Job waitForStatus(String id, JobStatus status, Duration deadline) throws Exception {
        Instant end = Instant.now().plus(deadline);
        JobStatus last = null;
        Instant lastChange = Instant.now();
        while (true) {
            Job j = backend.store().find(id).orElseThrow(() -> new AssertionError("the job disappeared"));
            if (j.status() == status) {
                return j;
            }
            if (j.status().isTerminal()) {
                throw new AssertionError("The job ended " + j.status() + " instead of " + status + ": " + j.error());
            }
            if (j.status() != last) {
                last = j.status();
                lastChange = Instant.now();
            } else if (Duration.between(lastChange, Instant.now()).toSeconds() >= 20) {
                Screen.run(() -> {
                    try {
                        window().getService(IHandlerService.class).executeCommand(NamdRunnerUi.COMMAND_SYNC_ALL, null);
                    } catch (Exception e) {
                        throw new AssertionError("Sync All failed: " + e, e);
                    }
                });
                lastChange = Instant.now();
                syncAllPresses++;
            }
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("The job did not reach " + status + " within " + deadline + "; it is " + j.status()
                        + (j.error().isPresent() ? " (" + j.error().get() + ")" : ""));
            }
            Screen.pause(250);
        }
    }

    private static List<String> outputs(String id) {
        try {
            return backend.store().find(id).map(Job::outputFiles).orElse(List.of());
        } catch (org.namdrunner.core.store.StoreException e) {
            throw new AssertionError(e);
        }
    }

    @AfterAll
    static void leaveNothingBehind() throws Exception {
        if (backend == null) {
            return;
        }
        for (Job j : backend.store().list(JobFilter.all().onCluster(PROFILE_ID))) {
            backend.jobService().delete(j.id(), new NullProgressMonitor());
        }
        backend.profiles().remove(PROFILE_ID);
    }
}
