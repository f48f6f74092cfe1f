package org.namdrunner.ui.internal.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.namdrunner.app.Backend;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.MemorySize;
import org.namdrunner.core.model.Resources;
import org.namdrunner.core.model.StatusChange;
import org.namdrunner.core.model.StatusSource;
import org.namdrunner.core.store.JobUpdate;
import org.namdrunner.ui.tests.Dialogs;
import org.namdrunner.ui.tests.Ui;
import org.namdrunner.ui.tests.Workbench;

/**
 * File > Export Jobs… and File > Import Jobs from File… in the running workbench, with its real SQLite store: two
 * jobs with their history exported, deleted, imported back (and the report says so), imported again (skipped), and a
 * file that is not an export and a damaged database refused with words that say so, leaving the store as it was.
 */
class JobTransferUiTest {

    private static final String[] IDS = { "job_transfer_ui_1", "job_transfer_ui_2" };
    private static Backend b;
    private static Path dir;

    @BeforeAll
    static void jobs() throws Exception {
        b = Workbench.backend();
        dir = Files.createTempDirectory("namdrunner-transfer");
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));
        for (String id : IDS) {
            org.namdrunner.core.model.Job job = org.namdrunner.core.model.Job.builder().id(id).name(id.replace('_', '-')).jobTypeId("namd")
                    .clusterProfileId("alpine").createdAt(at).updatedAt(at)
                    .resources(new Resources(4, MemorySize.gigabytes(8), Duration.ofHours(1), "acpu", "cpu-normal", "", 0, ""))
                    .projectDir("/projects/demo/namdrunner_jobs/" + id).scratchDir("/scratch/alpine/demo/namdrunner_jobs/" + id).build();
            b.store().create(job);
            org.namdrunner.core.model.Job submitting = job.toBuilder().status(JobStatus.SUBMITTING).updatedAt(at.plusSeconds(60)).build();
            b.store().apply(List.of(JobUpdate.statusChange(submitting,
                    new StatusChange(id, JobStatus.CREATED, JobStatus.SUBMITTING, at.plusSeconds(60), StatusSource.USER, "submit"))));
        }
    }

    @AfterAll
    static void cleanUp() throws Exception {
        for (String id : IDS) {
            b.store().delete(id);
        }
    }

    private static String dialogSaying(String title) {
        Shell s = Dialogs.waitFor(title, Duration.ofSeconds(30));
        String text = Dialogs.text(s);
        Dialogs.press(s, "OK");
        return text;
    }

    /** The workbench shows a failed user job's status in a dialog: the person reads it there; the test closes it. */
    private static void closeErrorShowing(String words) {
        Ui.waitUntil("the error dialog saying '" + words + "'", Duration.ofSeconds(30),
                () -> Ui.sync(() -> org.namdrunner.ui.tests.Widgets.shellShowing(words).isPresent()));
        Shell s = Ui.sync(() -> org.namdrunner.ui.tests.Widgets.shellShowing(words).orElseThrow());
        Dialogs.press(s, "OK");
    }

    private static IStatus finished(Job job) throws InterruptedException {
        assertTrue(job.join(60_000, null), job.getName() + " finished");
        return job.getResult();
    }

    @Test
    void theFileMenuHasBothEntries() {
        List<String> items = Ui.sync(() -> {
            List<String> labels = new ArrayList<>();
            for (MenuItem top : Workbench.window().getShell().getMenuBar().getItems()) {
                if (top.getText().replace("&", "").equals("File")) {
                    Menu m = top.getMenu();
                    m.notifyListeners(org.eclipse.swt.SWT.Show, new org.eclipse.swt.widgets.Event());
                    for (MenuItem i : m.getItems()) {
                        labels.add(i.getText().replace("&", ""));
                    }
                    m.notifyListeners(org.eclipse.swt.SWT.Hide, new org.eclipse.swt.widgets.Event());
                }
            }
            return labels;
        });
        assertTrue(items.contains("Export Jobs…"), items.toString());
        assertTrue(items.contains("Import Jobs from File…"), items.toString());
    }

    @Test
    void jobsExportedAndDeletedComeBackWithTheirHistoryAndASecondImportSkipsThem() throws Exception {
        List<List<StatusChange>> history = new ArrayList<>();
        List<org.namdrunner.core.model.Job> before = new ArrayList<>();
        for (String id : IDS) {
            history.add(b.store().history(id));
            before.add(b.store().find(id).orElseThrow());
        }
        Path file = dir.resolve("two.namdrunner");
        assertTrue(finished(ExportJobsHandler.schedule(b, List.of(IDS), file, Ui.display())).isOK());
        assertTrue(dialogSaying(ExportJobsHandler.TITLE).contains("Exported 2 jobs with their history to " + file));
        assertTrue(Files.size(file) > 0);
        IStatus again = finished(ExportJobsHandler.schedule(b, List.of(IDS), file, Ui.display()));
        assertTrue(again.getMessage().contains("exists already"), again.getMessage());
        closeErrorShowing("exists already");

        for (String id : IDS) {
            assertTrue(b.store().delete(id));
        }
        assertTrue(finished(ImportJobsHandler.schedule(b, file, Ui.display())).isOK());
        String report = dialogSaying(ImportJobsHandler.TITLE);
        assertTrue(report.contains("Imported 2 jobs: job-transfer-ui-1, job-transfer-ui-2."), report);
        assertFalse(report.contains("Skipped"), report);
        for (int i = 0; i < IDS.length; i++) {
            assertEquals(before.get(i), b.store().find(IDS[i]).orElseThrow());
            assertEquals(history.get(i), b.store().history(IDS[i]));
        }
        assertTrue(finished(ImportJobsHandler.schedule(b, file, Ui.display())).isOK());
        String second = dialogSaying(ImportJobsHandler.TITLE);
        assertTrue(second.contains("No new jobs were imported.\nSkipped 2 already here (left as they are): job-transfer-ui-1, job-transfer-ui-2."),
                second);
    }

    @Test
    void aFileThatIsNoExportAndADamagedOneAreRefusedAndChangeNothing() throws Exception {
        int jobs = b.store().list(org.namdrunner.core.store.JobFilter.all()).size();
        Path text = Files.writeString(dir.resolve("notes.namdrunner"), "these are my notes, not jobs\n");
        IStatus refused = finished(ImportJobsHandler.schedule(b, text, Ui.display()));
        assertEquals(IStatus.ERROR, refused.getSeverity());
        assertTrue(refused.getMessage().contains("notes.namdrunner is not a NAMDRunner export (it is not a database file at all)"),
                refused.getMessage());
        closeErrorShowing("is not a NAMDRunner export");

        byte[] damaged = new byte[8192];
        System.arraycopy("SQLite format 3\0".getBytes(StandardCharsets.US_ASCII), 0, damaged, 0, 16);
        for (int i = 16; i < damaged.length; i++) {
            damaged[i] = (byte) (i * 31);
        }
        Path broken = Files.write(dir.resolve("broken.namdrunner"), damaged);
        IStatus corrupt = finished(ImportJobsHandler.schedule(b, broken, Ui.display()));
        assertEquals(IStatus.ERROR, corrupt.getSeverity());
        assertTrue(corrupt.getMessage().contains("broken.namdrunner could not be imported, and nothing was changed"), corrupt.getMessage());
        closeErrorShowing("could not be imported");
        assertEquals(jobs, b.store().list(org.namdrunner.core.store.JobFilter.all()).size());
        assertFalse(Dialogs.text(Workbench.window().getShell()).contains("Imported"));
    }
}
