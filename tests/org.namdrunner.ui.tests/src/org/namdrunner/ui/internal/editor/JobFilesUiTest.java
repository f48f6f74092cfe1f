package org.namdrunner.ui.internal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IEditorReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.namdrunner.app.Backend;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.ExecResult;
import org.namdrunner.core.cluster.RemotePaths;
import org.namdrunner.core.cluster.ShellQuoting;
import org.namdrunner.core.lifecycle.JobRequest;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.MemorySize;
import org.namdrunner.core.model.Resources;
import org.namdrunner.ui.internal.handlers.OpenHandler;
import org.namdrunner.ui.tests.EditorTester;
import org.namdrunner.ui.tests.HostKeys;
import org.namdrunner.ui.tests.TestClusterSetup;
import org.namdrunner.ui.tests.TestInputs;
import org.namdrunner.ui.tests.Ui;
import org.namdrunner.ui.tests.Widgets;
import org.namdrunner.ui.tests.Workbench;

/**
 * The Files page and the file viewer against the twin, on real files: two NAMD jobs (the stand-in) — one that fails
 * with NAMD's FATAL ERROR and one that SLURM stops at its walltime — and a 225 MB text file in a job's folder. Proves
 * that the viewer shows a large file's end having read a small part of it, that Load earlier, Find and follow-tail
 * work and follow never logs in, that binary files are refused, that a single file downloads, and that the Overview of
 * both failed jobs quotes the SLURM output and shows sacct's exit code and signal.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JobFilesUiTest {

    private static final String RUN = LocalTime.now().format(DateTimeFormatter.ofPattern("HHmmss"));
    private static final int BIG_LINES = 15_000_000; // "line 000000001\n": 15 bytes a line, 225 MB
    private static final Duration JOB_END = Duration.ofMinutes(6);

    private static Backend backend;
    private static ClusterProfile profile;
    private static ClusterConnection connection;
    private static Job fatal;
    private static Job timeout;
    private static long bigSize;

    @BeforeAll
    static void jobsOnTheTwin() throws Exception {
        TestInputs inputs = TestInputs.write(Files.createTempDirectory("namdrunner-files-inputs"));
        profile = TestClusterSetup.keyProfile("testcluster", "Files cluster");
        Ui.run(() -> Workbench.window().getShell().setMaximized(true));
        backend = Workbench.backend();
        CompletableFuture<Job[]> made = CompletableFuture.supplyAsync(() -> {
            try {
                Job f = backend.jobService().create(request("files-fatal-" + RUN, inputs, 10, 300), new NullProgressMonitor());
                ClusterConnection c = backend.connections().connectionFor(profile);
                String config = RemotePaths.join(f.projectDir().orElseThrow(), "config.namd");
                exec(c, "printf '%s\\n' '# standin: fail \"Atoms moving too fast\"' >> " + ShellQuoting.quote(config));
                Job t = backend.jobService().create(request("files-timeout-" + RUN, inputs, 1, 1_000_000), new NullProgressMonitor());
                return new Job[] { backend.jobService().submit(f.id(), new NullProgressMonitor()),
                        backend.jobService().submit(t.id(), new NullProgressMonitor()) };
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        answerHostKeysUntil(made, Duration.ofMinutes(3));
        Job[] jobs = made.get(1, TimeUnit.SECONDS);
        fatal = jobs[0];
        timeout = jobs[1];
        connection = backend.connections().connectionFor(profile);
        String big = RemotePaths.join(fatal.projectDir().orElseThrow(), "big.log");
        exec(connection, "seq -f 'line %09.0f' 1 " + BIG_LINES + " > " + ShellQuoting.quote(big) + " && { head -c 1024 /dev/urandom; head -c 16 /dev/zero; } > "
                + ShellQuoting.quote(RemotePaths.join(fatal.projectDir().orElseThrow(), "blob")));
        bigSize = connection.readRange(big, 0, 0, null).fileSize();
        assertEquals(15L * BIG_LINES, bigSize);
    }

    /** Trusts the login and transfer hosts' keys when NAMDRunner asks (first login of this test JVM) until {@code work} is done. */
    private static void answerHostKeysUntil(CompletableFuture<?> work, Duration deadline) throws Exception {
        var cluster = TestClusterSetup.cluster();
        java.time.Instant end = java.time.Instant.now().plus(deadline);
        while (!work.isDone()) {
            if (java.time.Instant.now().isAfter(end)) {
                throw new AssertionError("the work on the cluster was not done in " + deadline);
            }
            if (Ui.sync(() -> Widgets.shell(org.namdrunner.ui.internal.prompts.HostKeyDialog.TITLE).isPresent())) {
                String shown = org.namdrunner.ui.tests.Dialogs.text(org.namdrunner.ui.tests.Dialogs.waitFor(
                        org.namdrunner.ui.internal.prompts.HostKeyDialog.TITLE, Duration.ofSeconds(1)));
                String transfer = cluster.get("transferHostKeySha256");
                HostKeys.trustIfAsked(shown.contains(transfer) ? transfer : cluster.get("hostKeySha256"), Duration.ofSeconds(1));
            }
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void closeEditors() {
        Ui.run(() -> Workbench.page().closeAllEditors(false));
    }

    private static JobRequest request(String name, TestInputs in, int walltimeMinutes, int steps) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("runSteps", Integer.toString(steps));
        params.put("minimizeSteps", "20");
        params.put("outputName", "out");
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("structure", in.psf);
        files.put("coordinates", in.pdb);
        files.put("parameters", in.prm);
        Resources r = new Resources(1, MemorySize.parse("400MB"), Duration.ofMinutes(walltimeMinutes), "acpu", "", "", 0, "");
        return new JobRequest(name, "namd", profile.id(), r, params, files);
    }

    private static String exec(ClusterConnection c, String command) throws Exception {
        ExecResult r = c.exec(command, Duration.ofMinutes(5), new NullProgressMonitor());
        assertEquals(0, r.exitCode(), command + ": " + r.stderr());
        return r.stdout();
    }

    /** Bytes this process has read from files and sockets so far (Linux /proc/self/io, rchar). */
    private static long bytesReadByThisProcess() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
            if (line.startsWith("rchar:")) {
                return Long.parseLong(line.substring(6).strip());
            }
        }
        throw new AssertionError("no rchar in /proc/self/io");
    }

    private static Job syncUntil(Job job, Predicate<Job> done, Duration deadline) {
        Ui.waitUntil(job.name() + " to reach the state asked for", deadline, () -> {
            try {
                backend.jobService().syncJobs(profile.id(), List.of(job.id()), new NullProgressMonitor());
                return done.test(backend.store().find(job.id()).orElseThrow());
            } catch (Exception e) {
                return false;
            }
        });
        try {
            return backend.store().find(job.id()).orElseThrow();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JobEditor openEditor(Job job) {
        Ui.run(() -> OpenHandler.open(Workbench.page(), job));
        Ui.waitUntil("the job editor of " + job.name(), Duration.ofSeconds(30), () -> Ui.sync(() -> jobEditor(job.name()) != null));
        return Ui.sync(() -> jobEditor(job.name()));
    }

    private static JobEditor jobEditor(String name) {
        for (IEditorReference r : Workbench.page().getEditorReferences()) {
            if (r.getEditor(false) instanceof JobEditor e && name.equals(e.getEditorInput().getName()) && e.snapshot() != null) {
                return e;
            }
        }
        return null;
    }

    private static FilesPage filesPage(JobEditor editor) {
        EditorTester.fileRows(editor);
        return Ui.sync(() -> (FilesPage) editor.findPage(FilesPage.ID));
    }

    private static FilesPage.Row row(FilesPage page, String path) {
        return Ui.sync(() -> page.rows().stream().filter(r -> r.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + path + " in " + page.rows())));
    }

    private static RemoteFileViewer viewer(String fileName) {
        Ui.waitUntil("the viewer of " + fileName, Duration.ofSeconds(20), () -> findViewer(fileName) != null);
        RemoteFileViewer v = Ui.sync(() -> findViewer(fileName));
        Ui.waitUntil("the viewer of " + fileName + " to read", Duration.ofSeconds(60), () -> Ui.sync(() -> !v.isBusy()
                && (v.stateText().contains(" · showing ") || v.stateText().contains("not text") || v.stateText().contains("Could not"))));
        return v;
    }

    private static RemoteFileViewer findViewer(String fileName) {
        for (IEditorReference r : Workbench.page().getEditorReferences()) {
            IEditorPart p = r.getEditor(false);
            if (p instanceof RemoteFileViewer v && v.file().fileName().equals(fileName)) {
                return v;
            }
        }
        return null;
    }

    private static int lineNumber(String line) {
        assertTrue(line.matches("line \\d{9}"), "a whole line: '" + line + "'");
        return Integer.parseInt(line.substring(5));
    }

    @Test
    @Order(1)
    void aLargeFileOpensAtItsEndHavingReadAFractionOfIt() throws Exception {
        JobEditor editor = openEditor(fatal);
        FilesPage files = filesPage(editor);
        FilesPage.Row big = row(files, "big.log");
        assertEquals(bigSize, big.size());
        long before = bytesReadByThisProcess();
        Ui.run(() -> files.actions().open(List.of(big)));
        RemoteFileViewer v = viewer("big.log");
        long read = bytesReadByThisProcess() - before;
        String shown = Ui.sync(v::shownText);
        String[] lines = shown.split("\n");
        assertEquals(BIG_LINES, lineNumber(lines[lines.length - 1]), "the end of the file is shown");
        int first = lineNumber(lines[0]);
        assertEquals(BIG_LINES - lines.length + 1, first, "the lines shown are the file's last ones, none missing");
        assertTrue(v.window().end() - v.window().start() <= TextWindow.CHUNK);
        System.out.printf("viewer: %d MB file opened at its end; this process read %.2f MB in all (%.4f of the file)%n",
                bigSize >> 20, read / 1e6, read / (double) bigSize);
        assertTrue(read < bigSize / 20, "opening read " + read + " bytes of a " + bigSize + " byte file");

        Ui.run(v::clickLoadEarlier);
        Ui.waitUntil("Load earlier", Duration.ofSeconds(30), () -> Ui.sync(() -> !v.isBusy() && v.shownText().length() > shown.length()));
        String[] more = Ui.sync(v::shownText).split("\n");
        assertEquals(first - (more.length - lines.length), lineNumber(more[0]), "earlier lines join the shown ones without a gap");
        assertEquals(first - 1, lineNumber(more[more.length - lines.length - 1]));
        assertTrue(bytesReadByThisProcess() - before < bigSize / 10);

        String target = String.format("line %09d", BIG_LINES - 10);
        assertTrue(Ui.sync(() -> v.find(target.toUpperCase(), true, false)), "found without minding case");
        assertEquals(target, Ui.sync(v::selectedText));
        assertFalse(Ui.sync(() -> v.find(target.toUpperCase(), true, true)), "not found when case matters");
        assertTrue(Ui.sync(v::findResult).startsWith("Not found"));
        assertTrue(Ui.sync(() -> v.find(String.format("line %08d", (BIG_LINES - 10) / 10), false, true)), "previous");
        assertTrue(Ui.sync(v::findResult).startsWith("Line "));
        Ui.sync(() -> v.find(target, true, true));
        shoot("file-viewer-find");
    }

    @Test
    @Order(2)
    void binaryFilesAreRefusedWithWhatTheyAre() throws Exception {
        String dcd = RemotePaths.join(fatal.projectDir().orElseThrow(), "outputs", "out.dcd");
        Ui.run(() -> {
            try {
                RemoteFileViewer.open(Workbench.page(), new RemoteFileInput(fatal.id(), fatal.name(), profile, dcd, "outputs/out.dcd"));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertTrue(Ui.sync(viewer("out.dcd")::stateText).contains("trajectory (DCD), not text"));
        JobEditor editor = openEditor(fatal);
        FilesPage files = filesPage(editor);
        Ui.run(() -> files.actions().open(List.of(row(files, "blob"))));
        RemoteFileViewer v = viewer("blob");
        assertTrue(Ui.sync(v::stateText).contains("blob is a binary file, not text"), Ui.sync(v::stateText));
        assertEquals("", Ui.sync(v::shownText));
    }

    @Test
    @Order(3)
    void followTailAddsWhatTheRunningLogGetsAndPausesRatherThanLogIn() throws Exception {
        Job running = syncUntil(timeout, j -> j.status() == org.namdrunner.core.model.JobStatus.RUNNING, JOB_END);
        String log = RemotePaths.join(running.scratchDir().orElseThrow(), "namd_output.log");
        Ui.run(() -> {
            try {
                RemoteFileViewer.open(Workbench.page(), new RemoteFileInput(running.id(), running.name(), profile, log, "(working folder) namd_output.log"));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        RemoteFileViewer v = viewer("namd_output.log");
        long opened = v.window().end();
        Ui.run(() -> v.setFollow(true));
        Ui.waitUntil("follow to add the log's new lines", Duration.ofSeconds(60), () -> Ui.sync(() -> v.window().end() > opened));
        assertTrue(Ui.sync(v::shownText).endsWith("\n") || Ui.sync(v::shownText).contains("ENERGY:"));

        connection.close();
        assertFalse(connection.isConnected());
        long closedAt = Ui.sync(() -> v.window().end());
        Ui.waitUntil("follow to say it waits for a session", Duration.ofSeconds(30),
                () -> Ui.sync(v::stateText).startsWith("Following paused: no session"));
        assertFalse(connection.isConnected(), "follow-tail did not log in");
        assertEquals(closedAt, Ui.sync(() -> v.window().end()), "nothing was read without a session");
        Ui.run(() -> v.setFollow(false));
        exec(connection, "true"); // the test itself logs in again for what follows
    }

    @Test
    @Order(4)
    void aSingleFileDownloadsOnItsOwnAndItsRemotePathCanBeCopied() throws Exception {
        JobEditor editor = openEditor(fatal);
        FilesPage files = filesPage(editor);
        FilesPage.Row config = row(files, "config.namd");
        Ui.run(() -> files.select(List.of(config)));
        shoot("editor-files");
        Ui.run(() -> files.showTableMenu(true));
        shoot("editor-files-menu");
        Ui.run(() -> files.showTableMenu(false));
        FileDownloads d = Ui.sync(() -> files.actions().download(List.of(config)));
        answerHostKeysUntil(CompletableFuture.runAsync(() -> {
            try {
                d.join(120_000, null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), Duration.ofMinutes(2));
        assertTrue(d.getResult().isOK(), d.getResult().getMessage());
        Path local = d.downloaded().get(0);
        assertEquals(LocalFolder.forJob(fatal.name()).resolve("config.namd"), local);
        assertEquals(exec(connection, "cat " + ShellQuoting.quote(config.remote())), Files.readString(local));
        Ui.waitUntil("the download notification", Duration.ofSeconds(10), () -> Widgets.shellShowing("Open Folder").isPresent());

        String copied = Ui.sync(() -> files.actions().copyRemotePath(List.of(config)));
        assertEquals(config.remote(), copied);
        String clip = Ui.sync(() -> {
            Clipboard cb = new Clipboard(Ui.display());
            try {
                return (String) cb.getContents(TextTransfer.getInstance());
            } finally {
                cb.dispose();
            }
        });
        assertEquals(config.remote(), clip);
    }

    @Test
    @Order(5)
    void theOverviewOfAJobNamdFailedQuotesItsErrorAndShowsSacctsExitCode() throws Exception {
        Job done = syncUntil(fatal, j -> j.status().isTerminal() && !j.outputFiles().isEmpty(), JOB_END);
        assertEquals(org.namdrunner.core.model.JobStatus.FAILED, done.status(), String.valueOf(done.error()));
        OverviewPage overview = overview(done);
        try {
            Ui.waitUntil("the quotes", Duration.ofSeconds(60), () -> Ui.sync(overview::quotedText).contains("FATAL ERROR"));
        } catch (AssertionError e) {
            throw new AssertionError("quoted: '" + Ui.sync(overview::quotedText) + "'; the job's results: " + done.outputFiles()
                    + "; its log ends: " + exec(connection, "tail -c 600 " + ShellQuoting.quote(RemotePaths.join(done.projectDir().orElseThrow(),
                            "outputs", "namd_output.log")) + " || true"), e);
        }
        assertTrue(Ui.sync(overview::quotedText).contains("namd_output.log: FATAL ERROR: Atoms moving too fast"), Ui.sync(overview::quotedText));
        assertSacctFacts(done, overview);
        shoot("editor-failed-quotes");
    }

    @Test
    @Order(6)
    void theOverviewOfAJobSlurmStoppedAtItsWalltimeQuotesSlurmstepd() throws Exception {
        Job done = syncUntil(timeout, j -> j.status().isTerminal() && !j.outputFiles().isEmpty(), JOB_END);
        assertEquals(org.namdrunner.core.model.JobStatus.TIMEOUT, done.status(), String.valueOf(done.error()));
        OverviewPage overview = overview(done);
        Ui.waitUntil("the quotes", Duration.ofSeconds(60), () -> Ui.sync(overview::quotedText).contains("DUE TO TIME LIMIT"));
        // SLURM's own line, as slurmstepd writes it into the .err (the twin's names itself slurmstepd-<node>)
        String quoted = Ui.sync(overview::quotedText);
        assertTrue(java.util.regex.Pattern.compile("_" + done.slurmId().orElseThrow() + "\\.err: slurmstepd(-\\w+)?: error: \\*\\*\\* JOB "
                + done.slurmId().orElseThrow() + " ON \\S+ CANCELLED AT \\S+ DUE TO TIME LIMIT \\*\\*\\*").matcher(quoted).find(), quoted);
        assertSacctFacts(done, overview);
        shoot("editor-failed-timeout-quotes");
    }

    /**
     * The whole screen: with {@code -Dnamdrunner.docImages} by {@code import -window root} into that folder (what the
     * user guide's pictures are), else into the test's screenshots.
     */
    private static void shoot(String name) throws Exception {
        Ui.settle();
        String docs = System.getProperty("namdrunner.docImages", "");
        if (docs.isBlank() || docs.equals("null")) {
            org.namdrunner.ui.tests.Screenshots.captureScreen(name);
            return;
        }
        Process p = new ProcessBuilder("import", "-window", "root", Path.of(docs, name + ".png").toString()).inheritIO().start();
        assertEquals(0, p.waitFor(), "import -window root " + name);
    }

    private static OverviewPage overview(Job job) {
        JobEditor editor = openEditor(job);
        EditorTester.show(editor, OverviewPage.ID);
        return Ui.sync(() -> (OverviewPage) editor.findPage(OverviewPage.ID));
    }

    /** Exit code and signal as sacct reports them for the job, in the job's record and on the page; start and run time. */
    private static void assertSacctFacts(Job job, OverviewPage overview) throws Exception {
        String sacct = exec(connection, ShellQuoting.command(org.namdrunner.testing.TestCluster.slurmCommand("sacct"), "-X", "-n", "-P",
                "--format=ExitCode", "-j", job.slurmId().orElseThrow())).strip();
        assertEquals(sacct, job.error().orElseThrow().exitCode(), "the job keeps sacct's ExitCode");
        ExitCode expected = ExitCode.parse(sacct).orElseThrow();
        assertEquals(expected.codeText(), Ui.sync(() -> overview.fact("Exit code")));
        assertEquals(expected.signalText(), Ui.sync(() -> overview.fact("Signal")));
        assertFalse(Ui.sync(() -> overview.fact("Started")).equals("—"));
        assertFalse(Ui.sync(() -> overview.fact("Run time")).equals("—"));
    }
}
